import { BROKER_NODE_ID_BASE, BROKER_NODE_ID_ZONE_STRIDE } from '../constants';

/**
 * Node IDs are a pure function of (zone index, pod ordinal), so a pod keeps its
 * ID across restarts and rescheduling, and appending a zone keeps every
 * existing ID.
 *
 * - broker:     1000 + zoneIndex * 100 + podOrdinal
 * - controller: podOrdinal * zoneCount + zoneIndex (0 .. n-1)
 *
 * The start script computes `offset + ordinal * stride` from the env vars
 * KP_NODE_ID_OFFSET and KP_NODE_ID_STRIDE set here.
 */
export interface NodeIdScheme {
  readonly offset: number;
  readonly stride: number;
}

export function brokerNodeIdScheme(zoneIndex: number): NodeIdScheme {
  return { offset: BROKER_NODE_ID_BASE + zoneIndex * BROKER_NODE_ID_ZONE_STRIDE, stride: 1 };
}

export function controllerNodeIdScheme(zoneIndex: number, zoneCount: number): NodeIdScheme {
  return { offset: zoneIndex, stride: zoneCount };
}

export function nodeId(scheme: NodeIdScheme, ordinal: number): number {
  return scheme.offset + ordinal * scheme.stride;
}

/** How many of `total` replicas land in zone `zoneIndex` when spread round-robin (first zones get the remainder). */
export function replicasInZone(total: number, zoneCount: number, zoneIndex: number): number {
  return Math.floor(total / zoneCount) + (zoneIndex < total % zoneCount ? 1 : 0);
}
