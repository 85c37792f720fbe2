import { KafkaPlatformValidationError } from '../../errors';

/**
 * Deterministic, append-only subnet addressing.
 *
 * Each AZ gets a slot index that never depends on the list order or on how
 * many AZs there are: by default the index is the position of the AZ's last
 * letter (`eu-west-1a` -> 0, `eu-west-1c` -> 2). Adding `eu-west-1d` later adds
 * slot 3 and leaves the CIDRs (and Terraform addresses, which are keyed by AZ
 * name) of existing subnets untouched. AZs whose names do not end in a letter
 * (local zones) need an explicit `azSlots` entry.
 *
 * Layout inside the VPC CIDR (prefix P, at most /20):
 * - private subnet of slot i: the i-th block of prefix P+3 (slots 0..5 use the first 6/8 of the VPC);
 * - public subnet of slot i: the i-th block of prefix P+6 inside the 7th eighth (small: only load balancers and NAT gateways live there);
 * - the last eighth stays free for future use.
 */
export const MAX_AZ_SLOTS = 6;

export interface AzSubnetPlan {
  readonly availabilityZone: string;
  readonly slot: number;
  readonly privateCidr: string;
  readonly publicCidr: string;
}

export function planSubnets(
  constructPath: string,
  vpcCidr: string,
  availabilityZones: string[],
  azSlots: Record<string, number> = {},
): AzSubnetPlan[] {
  const { base, prefix } = parseCidr(constructPath, vpcCidr, 'vpcCidr');
  if (prefix < 16 || prefix > 20) {
    throw new KafkaPlatformValidationError(constructPath, 'vpcCidr', `prefix /${prefix} is outside /16../20`, 'use a VPC CIDR between /16 and /20 (e.g. 10.40.0.0/16) so every AZ gets room for pods');
  }
  const seen = new Map<number, string>();
  const plans = availabilityZones.map((az) => {
    const slot = azSlots[az] ?? defaultSlot(constructPath, az);
    if (!Number.isInteger(slot) || slot < 0 || slot >= MAX_AZ_SLOTS) {
      throw new KafkaPlatformValidationError(constructPath, `azSlots["${az}"]`, `slot ${slot} is outside 0..${MAX_AZ_SLOTS - 1}`, `give each AZ a distinct slot between 0 and ${MAX_AZ_SLOTS - 1}`);
    }
    const clash = seen.get(slot);
    if (clash) {
      throw new KafkaPlatformValidationError(constructPath, 'azSlots', `AZs ${clash} and ${az} both map to slot ${slot}`, 'give each AZ a distinct slot in azSlots');
    }
    seen.set(slot, az);
    const privateCidr = subnetCidr(base, prefix, 3, slot);
    const publicCidr = subnetCidr(base, prefix, 6, 6 * 8 + slot);
    return { availabilityZone: az, slot, privateCidr, publicCidr };
  });
  return plans;
}

function defaultSlot(constructPath: string, az: string): number {
  const m = /^[a-z]{2}(-[a-z]+)+-\d+([a-z])$/.exec(az);
  if (!m) {
    throw new KafkaPlatformValidationError(constructPath, 'availabilityZones', `cannot derive a stable subnet slot from AZ name "${az}"`, `add azSlots: { "${az}": <0..${MAX_AZ_SLOTS - 1}> }`);
  }
  return m[2].charCodeAt(0) - 'a'.charCodeAt(0);
}

/** Parses `a.b.c.d/p` and checks that the address is the network address. */
export function parseCidr(constructPath: string, cidr: string, prop = 'cidr'): { base: number; prefix: number } {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const prefix = m ? Number(m[5]) : -1;
  if (!m || octets.some((o) => o > 255) || prefix > 32) {
    throw new KafkaPlatformValidationError(constructPath, prop, `"${cidr}" is not an IPv4 CIDR`, 'use the form 10.40.0.0/16');
  }
  const base = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  if (((base & mask) >>> 0) !== base) {
    throw new KafkaPlatformValidationError(constructPath, prop, `"${cidr}" has host bits set`, `use the network address ${formatIp((base & mask) >>> 0)}/${prefix}`);
  }
  return { base, prefix };
}

function subnetCidr(base: number, prefix: number, newBits: number, index: number): string {
  const newPrefix = prefix + newBits;
  const address = (base + index * 2 ** (32 - newPrefix)) >>> 0;
  return `${formatIp(address)}/${newPrefix}`;
}

function formatIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
