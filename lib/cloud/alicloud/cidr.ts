import { KafkaPlatformValidationError } from '../../errors';

/** An IPv4 CIDR as a 32-bit base address and a prefix length. */
export interface Ipv4Cidr {
  readonly base: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/p`; throws a validation error naming `prop` when it is not a canonical IPv4 CIDR. */
export function parseCidr(constructPath: string, prop: string, cidr: string): Ipv4Cidr {
  const m = CIDR.exec(cidr);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const prefix = m ? Number(m[5]) : -1;
  // Leading zeros (`010.0.0.0/8`, `0.0.0.0/00`) read differently across parsers (octal, or a /0 a text test misses): refused.
  if (!m || octets.some((o) => o > 255) || prefix > 32 || m.slice(1, 6).some((part) => /^0\d/.test(part))) {
    throw new KafkaPlatformValidationError(constructPath, prop, `"${cidr}" is not an IPv4 CIDR`, 'write it as a.b.c.d/prefix, e.g. 192.168.0.0/16');
  }
  const base = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  if ((base & mask) >>> 0 !== base) {
    throw new KafkaPlatformValidationError(constructPath, prop, `"${cidr}" has host bits set`, `use the network address ${formatCidr({ base: (base & mask) >>> 0, prefix })}`);
  }
  return { base, prefix };
}

export function formatCidr(cidr: Ipv4Cidr): string {
  const b = cidr.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${cidr.prefix}`;
}

/** The `index`-th block of prefix `parent.prefix + extraBits` inside `parent`. */
export function subnet(parent: Ipv4Cidr, extraBits: number, index: number): Ipv4Cidr {
  const prefix = parent.prefix + extraBits;
  return { base: (parent.base + index * 2 ** (32 - prefix)) >>> 0, prefix };
}

export function contains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  if (inner.prefix < outer.prefix) return false;
  const size = 2 ** (32 - outer.prefix);
  return inner.base >= outer.base && inner.base + 2 ** (32 - inner.prefix) <= outer.base + size;
}

export function overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return contains(a, b) || contains(b, a);
}
