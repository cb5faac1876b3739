import net from 'node:net';

/** One address (`192.168.1.20`, `::1`) or a CIDR block (`192.168.1.0/24`, `fd00::/8`). */
export function parseNetwork(
  s: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', bits] = s.trim().split('/');
  const v = net.isIP(address);
  if (v === 0) return null;
  const max = v === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > max ||
    (bits !== undefined && !/^\d+$/.test(bits))
  )
    return null;
  return { address, prefix, family: v === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * Whether `ip` is inside one of `networks`. IPv4-mapped IPv6 addresses (`::ffff:192.168.1.20`,
 * the form a dual-stack socket reports) count as their IPv4 address: `net.BlockList` does that.
 */
export function addressAllowed(ip: string, networks: string[]): boolean {
  const family = net.isIP(ip);
  if (family === 0) return false;
  const list = new net.BlockList();
  for (const n of networks) {
    const p = parseNetwork(n);
    if (p) list.addSubnet(p.address, p.prefix, p.family);
  }
  return list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}
