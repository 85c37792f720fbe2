import * as net from 'net';

/**
 * CIDR blocks as the cloud APIs and the API server read them. Guards compare
 * the parsed block, never the text: `0.0.0.0/00`, `0.0.0.0/0` and `::/0` are
 * all "every address", and a text test such as `/\/0$/` misses the first.
 */

/** A parsed CIDR block. */
export interface CidrBlock {
  readonly family: 4 | 6;
  readonly address: string;
  readonly prefix: number;
  /** The canonical text (`address/prefix`, prefix without leading zeros). */
  readonly canonical: string;
  /** True when the block covers every address of its family (or every IPv4-mapped IPv6 address). */
  readonly coversEverything: boolean;
}

/** Parses an IPv4 or IPv6 CIDR block; undefined when `value` is not one (surrounding space included). */
export function parseCidr(value: unknown): CidrBlock | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(value);
  if (!m) return undefined;
  const prefix = parseInt(m[2], 10);
  const family = net.isIPv4(m[1]) ? 4 : net.isIPv6(m[1]) ? 6 : undefined;
  if (family === undefined || prefix > (family === 4 ? 32 : 128)) return undefined;
  // ::ffff:0:0/96 and wider, when they hold the mapped range, reach every IPv4 address through dual-stack sockets.
  const mappedAny = family === 6 && prefix <= 96 && isIpv4MappedNetwork(m[1], prefix);
  return { family, address: m[1], prefix, canonical: `${m[1]}/${prefix}`, coversEverything: prefix === 0 || mappedAny };
}

/** An IPv4 or IPv6 CIDR block. */
export function isCidr(value: unknown): boolean {
  return parseCidr(value) !== undefined;
}

/** True when `value` parses as a block open to every address. */
export function isAnyAddressCidr(value: unknown): boolean {
  return parseCidr(value)?.coversEverything ?? false;
}

/**
 * True when the block's leading zeros in the prefix (`/08`) would be read
 * differently by another parser; such text is refused rather than guessed at.
 */
export function isCanonicalCidrText(value: string): boolean {
  return /\/(0|[1-9]\d{0,2})$/.test(value);
}

function isIpv4MappedNetwork(address: string, prefix: number): boolean {
  const groups = expandIpv6(address);
  const mapped = [0, 0, 0, 0, 0, 0xffff];
  // Every group the prefix fixes must equal the mapped range's.
  for (let i = 0; i < 6; i++) {
    const bits = Math.max(0, Math.min(16, prefix - i * 16));
    if (bits === 0) break;
    const mask = (0xffff << (16 - bits)) & 0xffff;
    if ((groups[i] & mask) !== (mapped[i] & mask)) return false;
  }
  return true;
}

function expandIpv6(address: string): number[] {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const zeros = tail !== undefined ? 8 - h.length - t.length : 0;
  return [...h, ...Array(zeros).fill('0'), ...t].map(g => parseInt(g, 16));
}
