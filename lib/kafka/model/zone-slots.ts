import { BROKER_NODE_ID_BASE, BROKER_NODE_ID_ZONE_STRIDE } from '../constants';

/**
 * Zone slots: a zone's identity, independent of its position in `zones`.
 * The slot names the zone's StatefulSets (`<cluster>-broker-<slot>`), its
 * `kafka-platform.io/zone-index` selector label and its broker node IDs
 * (1000 + slot * 100 + ordinal), so inserting, reordering or retiring a zone
 * never renames another zone's pods or volumes. The same idea as the clouds'
 * subnet slots (`azSlots` on AWS, `slot` on Alibaba Cloud).
 */

/** Slots 0..63: broker node IDs stay within 1000..7399, and the zones list holds at most 64 zones. */
export const MAX_ZONE_SLOTS = 64;

/** One zone and its slot. */
export interface ZoneSlotSpec {
  readonly zone: string;
  readonly slot: number;
  /** Listed in `retiredZones`: hosts no pods; its brokers are drained and its broker StatefulSet is scaled to 0. */
  readonly retired: boolean;
}

/** What `resolveZoneSlots` makes of `zones`, `zoneSlots` and `retiredZones`. Never throws: the zone-slots rule judges it. */
export interface ResolvedZoneSlots {
  /** Every zone (active and retired) by slot, lowest first. */
  readonly all: ZoneSlotSpec[];
  /** Zones that host pods, by slot. */
  readonly active: ZoneSlotSpec[];
  /** Zones of `retiredZones`, by slot. */
  readonly retired: ZoneSlotSpec[];
}

export interface ZoneSlotInput {
  readonly zones: ReadonlyArray<string>;
  readonly zoneSlots?: Readonly<Record<string, number>>;
  readonly retiredZones?: ReadonlyArray<string>;
}

/**
 * Slots come from `zoneSlots`; every other zone of `zones`, then of
 * `retiredZones`, takes the lowest slot nobody has, in list order. So a list
 * without `zoneSlots` gets slot = position, which is what names existing
 * clusters' objects, and a zone inserted anywhere needs a `zoneSlots` entry
 * only for itself.
 */
export function resolveZoneSlots(input: ZoneSlotInput): ResolvedZoneSlots {
  const explicit = new Map(Object.entries(input.zoneSlots ?? {}));
  const retiredNames = new Set(input.retiredZones ?? []);
  const names = [...new Set([...input.zones, ...(input.retiredZones ?? [])])];
  const taken = new Set<number>([...explicit.values()]);
  const slotOf = new Map<string, number>();
  let next = 0;
  for (const zone of names) {
    const given = explicit.get(zone);
    if (given !== undefined) {
      slotOf.set(zone, given);
      continue;
    }
    while (taken.has(next)) next++;
    slotOf.set(zone, next);
    taken.add(next);
  }
  const all = names.map(zone => ({ zone, slot: slotOf.get(zone)!, retired: retiredNames.has(zone) })).sort((a, b) => a.slot - b.slot);
  return { all, active: all.filter(z => !z.retired), retired: all.filter(z => z.retired) };
}

/** First and last broker node ID a slot can hold. */
export function brokerNodeIdRange(slot: number): { readonly first: number; readonly last: number } {
  const first = BROKER_NODE_ID_BASE + slot * BROKER_NODE_ID_ZONE_STRIDE;
  return { first, last: first + BROKER_NODE_ID_ZONE_STRIDE - 1 };
}

/**
 * The zones that host the KRaft controllers, in voter order: `controllers.zones`
 * when given, else the `min(zones, controllers)` active zones with the lowest
 * slots. With at most one controller per zone this default does not move when a
 * zone with a higher slot is added; with more controllers than zones it does, so
 * the cluster warns until `controllers.zones` pins it.
 */
export function controllerZoneSlots(slots: ResolvedZoneSlots, controllerCount: number, pinned?: ReadonlyArray<string>): ZoneSlotSpec[] {
  if (pinned !== undefined) {
    return pinned.map(zone => slots.all.find(z => z.zone === zone) ?? { zone, slot: NaN, retired: false });
  }
  const spread = Math.max(0, Math.min(slots.all.length, Number.isInteger(controllerCount) ? controllerCount : 0));
  return slots.all.slice(0, spread);
}
