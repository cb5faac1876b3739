import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrivateAddress } from './address-policy.js';

describe('store address policy', () => {
  it('refuses loopback, private, link-local and mapped forms', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      'not-an-ip',
    ])
      assert.equal(isPrivateAddress(a), true, a);
  });

  it('allows public addresses', () => {
    for (const a of ['1.1.1.1', '8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111'])
      assert.equal(isPrivateAddress(a), false, a);
  });
});
