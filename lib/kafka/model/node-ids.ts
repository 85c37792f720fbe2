import { BROKER_NODE_ID_BASE, BROKER_NODE_ID_ZONE_STRIDE } from '../constants';

/**
 * Node IDs are a pure function of the zone's slot (zone-slots.ts) and the pod
 * ordinal, so a pod keeps its ID across restarts and rescheduling, and adding a
 * zone at any position of `zones` keeps every existing ID.
 *
 * - broker:     1000 + slot * 100 + podOrdinal
 * - controller: podOrdinal * spread + voterZone (0 .. n-1), where the controller
 *   zones (`controllers.zones`, default the min(zones, controllers) lowest
 *   slots) are numbered 0..spread-1 in voter order. With slots 0..z-1 and no
 *   pin this is the former `ordinal * zoneCount + zoneIndex`.
 *
 * The start script computes `offset + ordinal * stride` from the env vars
 * KP_NODE_ID_OFFSET and KP_NODE_ID_STRIDE set here.
 */
export interface NodeIdScheme {
  readonly offset: number;
  readonly stride: number;
}

export function brokerNodeIdScheme(slot: number): NodeIdScheme {
  return { offset: BROKER_NODE_ID_BASE + slot * BROKER_NODE_ID_ZONE_STRIDE, stride: 1 };
}

/** `voterZone`: position of the zone among the controller zones; `spread`: how many controller zones there are. */
export function controllerNodeIdScheme(voterZone: number, spread: number): NodeIdScheme {
  return { offset: voterZone, stride: spread };
}

export function nodeId(scheme: NodeIdScheme, ordinal: number): number {
  return scheme.offset + ordinal * scheme.stride;
}

/** How many of `total` replicas land in the `rank`-th zone (by slot) when spread round-robin (lowest slots get the remainder). */
export function replicasInZone(total: number, zoneCount: number, rank: number): number {
  return Math.floor(total / zoneCount) + (rank < total % zoneCount ? 1 : 0);
}
