import { replicasAfterZoneLoss } from './zone-loss';
import { KafkaProfile, TopicRequirement } from '../types';
import { Finding, KafkaTopicRule } from './rule';

/** The min ISR a topic runs with: its own, or the cluster's. NaN when its own is not a whole number. */
export function effectiveTopicMinIsr(topic: TopicRequirement, clusterMinIsr: number): number {
  const raw = topic.config?.['min.insync.replicas'];
  return raw === undefined ? clusterMinIsr : (/^\d+$/.test(raw) ? parseInt(raw, 10) : NaN);
}

/**
 * min.insync.replicas below the replication factor (or one broker restart
 * blocks acks=all producers), at least 2 (or an acknowledged write may live on
 * one broker), and still met after a zone loss.
 */
export const topicMinInsyncReplicasRule: KafkaTopicRule = ({ topic, prop, spec }) => {
  const findings: Finding[] = [];
  const dev = spec.profile === KafkaProfile.DEVELOPMENT;
  const rf = topic.replicationFactor;
  const isrRaw = topic.config?.['min.insync.replicas'];
  const isrProp = `${prop}.config["min.insync.replicas"]`;
  const blamed = isrRaw === undefined ? `${prop}.replicationFactor` : isrProp;
  const add = (p: string, problem: string, fix: string) => findings.push({ ruleId: 'topic-min-insync-replicas', prop: p, problem, fix, relaxable: false });
  const isr = effectiveTopicMinIsr(topic, spec.minInsyncReplicas);
  if (!Number.isInteger(isr) || isr < 1) {
    add(isrProp, `${JSON.stringify(isrRaw)} is not a positive integer`, 'use "2" with replication factor 3, or remove it to get the cluster default');
    return findings;
  }
  // An unusable replication factor is reported by topic-shape.
  if (!Number.isInteger(rf) || rf < 1) return findings;
  if (isr >= rf && !(dev && rf === 1 && isr === 1)) {
    add(blamed, `min.insync.replicas ${isr} is not below the replication factor ${rf}: one broker restart blocks acks=all producers`, `use replication factor ${isr + 1} or min.insync.replicas ${Math.max(1, rf - 1)}`);
    return findings;
  }
  if (dev) return findings;
  if (isr < 2) add(isrProp, `${isr} lets an acknowledged write live on one broker`, 'use 2 with replication factor 3');
  const left = replicasAfterZoneLoss(rf, spec.zones.length);
  if (left < isr) {
    add(blamed, `replication factor ${rf} over ${spec.zones.length} zones keeps only ${left} replica(s) when a zone fails, fewer than min.insync.replicas ${isr}: acks=all writes stop`, `use replication factor 3 with min.insync.replicas 2, or lower min.insync.replicas to ${Math.max(1, left)}`);
  }
  return findings;
};
