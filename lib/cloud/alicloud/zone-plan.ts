import { KafkaPlatformValidationError } from '../../errors';
import { formatCidr, Ipv4Cidr, overlaps, parseCidr, subnet } from './cidr';

/** One zone the platform spans. */
export interface AlicloudZone {
  /** Zone ID, e.g. `cn-hangzhou-h`. It is also the node label `topology.kubernetes.io/zone`, so it becomes Kafka's `broker.rack`. */
  readonly zoneId: string;
  /**
   * Address slot of this zone (0..15). The zone's vSwitch CIDRs derive from the slot only, never
   * from the position in the list, so adding or removing another zone never renumbers (and
   * replaces) an existing vSwitch.
   * @default - the position of the zone ID's last letter in the alphabet (`cn-hangzhou-h` -> 7)
   */
  readonly slot?: number;
}

export const MAX_ZONE_SLOTS = 16;

export interface ZonePlan {
  readonly zoneId: string;
  readonly slot: number;
  /** vSwitch for nodes (and, with Flannel, the only one). */
  readonly nodeCidr: string;
  /** vSwitch for Terway pod ENIs. */
  readonly podCidr: string;
}

/**
 * Splits the VPC CIDR: the first half holds one node vSwitch per slot, the second half one Terway
 * pod vSwitch per slot, each 1/32 of the VPC (a /21 in a /16).
 */
export function planZones(constructPath: string, vpcCidr: string, zones: readonly AlicloudZone[]): ZonePlan[] {
  const vpc = parseCidr(constructPath, 'vpcCidr', vpcCidr);
  if (vpc.prefix < 8 || vpc.prefix > 19) {
    throw new KafkaPlatformValidationError(constructPath, 'vpcCidr', `prefix /${vpc.prefix} is outside /8../19`, 'use a VPC CIDR between /8 and /19 (e.g. 192.168.0.0/16) so every zone gets node and pod vSwitches');
  }
  const seenSlots = new Map<number, string>();
  const seenZones = new Set<string>();
  return zones.map((zone, i) => {
    if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(zone.zoneId)) {
      throw new KafkaPlatformValidationError(constructPath, `zones[${i}].zoneId`, `"${zone.zoneId}" is not an Alibaba Cloud zone ID`, 'give concrete zone IDs such as cn-hangzhou-h (Kafka needs them at synth for broker.rack)');
    }
    if (seenZones.has(zone.zoneId)) {
      throw new KafkaPlatformValidationError(constructPath, `zones[${i}].zoneId`, `zone ${zone.zoneId} is listed twice`, 'list each zone once');
    }
    seenZones.add(zone.zoneId);
    const slot = zone.slot ?? defaultSlot(constructPath, i, zone.zoneId);
    if (!Number.isInteger(slot) || slot < 0 || slot >= MAX_ZONE_SLOTS) {
      throw new KafkaPlatformValidationError(constructPath, `zones[${i}].slot`, `slot ${slot} is outside 0..${MAX_ZONE_SLOTS - 1}`, `give the zone a distinct slot between 0 and ${MAX_ZONE_SLOTS - 1}`);
    }
    const clash = seenSlots.get(slot);
    if (clash) {
      throw new KafkaPlatformValidationError(constructPath, `zones[${i}].slot`, `zones ${clash} and ${zone.zoneId} both use address slot ${slot}`, 'set an explicit, distinct slot on one of them');
    }
    seenSlots.set(slot, zone.zoneId);
    return {
      zoneId: zone.zoneId,
      slot,
      nodeCidr: formatCidr(subnet(vpc, 5, slot)),
      podCidr: formatCidr(subnet(vpc, 5, MAX_ZONE_SLOTS + slot)),
    };
  });
}

function defaultSlot(constructPath: string, index: number, zoneId: string): number {
  const letter = /-([a-z])$/.exec(zoneId)?.[1];
  if (!letter) {
    throw new KafkaPlatformValidationError(constructPath, `zones[${index}].slot`, `cannot derive a stable address slot from zone ID "${zoneId}"`, `set zones[${index}].slot to a free value between 0 and ${MAX_ZONE_SLOTS - 1}`);
  }
  return letter.charCodeAt(0) - 'a'.charCodeAt(0);
}

/** Throws when `cidr` (a pod or service CIDR for Flannel) overlaps the VPC. */
export function assertOutsideVpc(constructPath: string, prop: string, vpc: Ipv4Cidr, cidr: string): void {
  const parsed = parseCidr(constructPath, prop, cidr);
  if (overlaps(vpc, parsed)) {
    throw new KafkaPlatformValidationError(constructPath, prop, `${cidr} overlaps the VPC CIDR ${formatCidr(vpc)}`, 'pick a range outside the VPC, e.g. 172.20.0.0/16 for pods and 172.21.0.0/20 for services');
  }
}
