import { BROKER_NODE_ID_ZONE_STRIDE } from '../constants';
import { inputFinding, KafkaInputRule } from './rule';

/**
 * Broker node IDs are 1000 + zone slot * 100 + ordinal: more than 100 brokers in a
 * zone would reuse the next zone's IDs, and two brokers with one node.id
 * fence each other out of the cluster.
 */
export const nodeIdRangeRule: KafkaInputRule = ({ spec }) => {
  const crowded = spec.brokers.zonePools.find(p => p.replicas > BROKER_NODE_ID_ZONE_STRIDE);
  if (!crowded) return [];
  return [inputFinding('node-id-range', 'brokers.replicas', `puts ${crowded.replicas} brokers in zone ${crowded.zone}, but each zone has ${BROKER_NODE_ID_ZONE_STRIDE} node IDs`, `use at most ${BROKER_NODE_ID_ZONE_STRIDE} brokers per zone (${BROKER_NODE_ID_ZONE_STRIDE * spec.zones.length} in all)`)];
};
