import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressAllowed, parseNetwork } from './networks.js';

describe('networks (the shop addresses a short-PIN station may log in from)', () => {
  it('reads an address or a CIDR block, and refuses anything else', () => {
    assert.deepEqual(parseNetwork(' 192.168.1.0/24 '), {
      address: '192.168.1.0',
      prefix: 24,
      family: 'ipv4',
    });
    assert.deepEqual(parseNetwork('::1'), { address: '::1', prefix: 128, family: 'ipv6' });
    assert.deepEqual(parseNetwork('fd00::/8'), { address: 'fd00::', prefix: 8, family: 'ipv6' });
    for (const bad of [
      '',
      'shop',
      '10.0.0.0/33',
      'fd00::/129',
      '10.0.0.0/-1',
      '10.0.0.0/8x',
      '10.0.0.0/',
    ])
      assert.equal(parseNetwork(bad), null, bad);
  });

  it('matches addresses inside the blocks, IPv4-mapped forms as their IPv4 address', () => {
    const shop = ['192.168.1.0/24', '203.0.113.7', 'fd00::/8'];
    for (const ip of [
      '192.168.1.20',
      '::ffff:192.168.1.20',
      '::ffff:c0a8:114',
      '203.0.113.7',
      'fd12::5',
    ])
      assert.equal(addressAllowed(ip, shop), true, ip);
    for (const ip of ['192.168.2.1', '::ffff:192.168.2.1', '203.0.113.8', 'fe80::1', 'x', ''])
      assert.equal(addressAllowed(ip, shop), false, ip);
    assert.equal(addressAllowed('192.168.1.20', []), false);
  });
});
