import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrivateAddress } from './address-policy.js';

// One case per refused range (its first and last address where the edge matters), in every
// spelling an IPv4 address can take inside an IPv6 one.
const REFUSED: [form: string, address: string][] = [
  ['this network', '0.0.0.0'],
  ['this network, last', '0.255.255.255'],
  ['private 10/8', '10.1.2.3'],
  ['private 10/8, last', '10.255.255.255'],
  ['carrier-grade NAT, first', '100.64.0.0'],
  ['carrier-grade NAT, last', '100.127.255.255'],
  ['loopback', '127.0.0.1'],
  ['loopback, other', '127.8.9.10'],
  ['link-local, cloud metadata', '169.254.169.254'],
  ['private 172.16/12, first', '172.16.0.1'],
  ['private 172.16/12, last', '172.31.255.255'],
  ['IETF protocol assignments', '192.0.0.8'],
  ['documentation TEST-NET-1', '192.0.2.1'],
  ['private 192.168/16', '192.168.1.1'],
  ['benchmarking, first', '198.18.0.1'],
  ['benchmarking, last', '198.19.255.254'],
  ['documentation TEST-NET-2', '198.51.100.7'],
  ['documentation TEST-NET-3', '203.0.113.9'],
  ['multicast', '224.0.0.1'],
  ['multicast, last', '239.255.255.255'],
  ['reserved', '240.0.0.1'],
  ['broadcast', '255.255.255.255'],
  ['IPv6 unspecified', '::'],
  ['IPv6 loopback', '::1'],
  ['IPv6 loopback, long form', '0:0:0:0:0:0:0:1'],
  ['IPv4-mapped loopback, dotted', '::ffff:127.0.0.1'],
  ['IPv4-mapped loopback, hex', '::ffff:7f00:1'],
  ['IPv4-mapped loopback, upper case', '::FFFF:7F00:1'],
  ['IPv4-mapped loopback, long form', '0:0:0:0:0:ffff:7f00:1'],
  ['IPv4-mapped private 10/8', '::ffff:10.0.0.1'],
  ['IPv4-mapped private 192.168/16, hex', '::ffff:c0a8:101'],
  ['IPv4-mapped metadata, hex', '::ffff:a9fe:a9fe'],
  ['IPv4-mapped carrier-grade NAT', '::ffff:100.64.0.1'],
  ['IPv4-compatible loopback, dotted', '::127.0.0.1'],
  ['IPv4-compatible private, hex', '::a00:1'],
  ['NAT64 of loopback', '64:ff9b::127.0.0.1'],
  ['NAT64 of metadata, hex', '64:ff9b::a9fe:a9fe'],
  ['NAT64 of a public address', '64:ff9b::808:808'],
  ['local-use NAT64', '64:ff9b:1::a00:1'],
  ['discard', '100::1'],
  ['IPv6 documentation', '2001:db8::1'],
  ['6to4 of loopback', '2002:7f00:1::1'],
  ['unique local fc00::/7, fc', 'fc00::1'],
  ['unique local fc00::/7, fd', 'fdff:ffff::1'],
  ['link-local', 'fe80::1'],
  ['link-local with a zone', 'fe80::1%eth0'],
  ['link-local, last', 'febf:ffff::1'],
  ['site-local', 'fec0::1'],
  ['multicast', 'ff02::1'],
  ['not an address', 'not-an-ip'],
  ['a shortened IPv4 form DNS never answers', '127.1'],
  ['empty', ''],
];

const ALLOWED: [what: string, address: string][] = [
  ['public IPv4', '1.1.1.1'],
  ['public IPv4', '8.8.8.8'],
  ['just before 10/8', '9.255.255.255'],
  ['just after 10/8', '11.0.0.0'],
  ['just before carrier-grade NAT', '100.63.255.255'],
  ['just after carrier-grade NAT', '100.128.0.0'],
  ['just after 172.16/12', '172.32.0.1'],
  ['just before 172.16/12', '172.15.255.255'],
  ['just after link-local', '169.255.0.1'],
  ['public, 192.0.1.x', '192.0.1.1'],
  ['just after benchmarking', '198.20.0.1'],
  ['public IPv4', '93.184.216.34'],
  ['last unicast before multicast', '223.255.255.255'],
  ['public IPv6', '2606:4700::1111'],
  ['public IPv6', '2a00:1450:4001::200e'],
  ['IPv4-mapped public', '::ffff:8.8.8.8'],
  ['IPv4-mapped public, hex', '::ffff:808:808'],
  ['just after the NAT64 prefix', '64:ff9c::1'],
  ['just before unique local', 'fbff::1'],
];

describe('store address policy', () => {
  for (const [form, address] of REFUSED)
    it(`refuses ${form} (${JSON.stringify(address)})`, () => {
      assert.equal(isPrivateAddress(address), true);
    });

  for (const [what, address] of ALLOWED)
    it(`allows ${what} (${address})`, () => {
      assert.equal(isPrivateAddress(address), false);
    });
});
