import net from 'node:net';

/**
 * Addresses a store may never be on unless ALLOW_PRIVATE_STORES says so: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved and
 * documentation ranges, and their IPv6 kin. A store is on the public internet; an address
 * chosen by whoever adds a store must not reach this server's own network.
 *
 * IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`, `::ffff:a00:1`) need no code of their own:
 * `net.BlockList` checks them against the IPv4 ranges. The other forms that carry an IPv4
 * address inside an IPv6 one are refused whole: IPv4-compatible (`::/96`, deprecated), NAT64
 * (`64:ff9b::/96`, `64:ff9b:1::/48`: a NAT64 gateway would connect to the address inside) and
 * 6to4 (`2002::/16`, deprecated by RFC 7526).
 */
const IPV4_RANGES: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const IPV6_RANGES: readonly (readonly [string, number])[] = [
  ['::', 96], // unspecified, loopback (::1) and IPv4-compatible
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const BLOCKED = new net.BlockList();
for (const [address, prefix] of IPV4_RANGES) BLOCKED.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of IPV6_RANGES) BLOCKED.addSubnet(address, prefix, 'ipv6');

/** Whether a resolved address is one that stores may not be on (private, loopback, …). */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  // Not an address at all: refuse rather than guess.
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
