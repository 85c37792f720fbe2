import { replicasAfterZoneLoss } from './zone-loss';
import { KafkaProfile, TopicRequirement } from '../types';
import { Finding, KafkaTopicRule, topicProps } from './rule';

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
export const topicMinInsyncReplicasRule: KafkaTopicRule = (ctx) => {
  const { topic, spec } = ctx;
  const findings: Finding[] = [];
  const dev = spec.profile === KafkaProfile.DEVELOPMENT;
  const rf = topic.replicationFactor;
  const isrRaw = topic.config?.['min.insync.replicas'];
  const { replicationFactor: rfProp, minInsyncReplicas: isrProp } = topicProps(ctx);
  const blamed = isrRaw === undefined ? rfProp : isrProp;
  const name = JSON.stringify(topic.name);
  const add = (p: string, problem: string, fix: string) => findings.push({ ruleId: 'topic-min-insync-replicas', prop: p, problem, fix, relaxable: false });
  const isr = effectiveTopicMinIsr(topic, spec.minInsyncReplicas);
  if (!Number.isInteger(isr) || isr < 1) {
    add(isrProp, `topic ${name}: min.insync.replicas ${JSON.stringify(isrRaw)} is not a positive integer`, `set ${isrProp} to 2 with replication factor 3, or remove it to get the cluster default`);
    return findings;
  }
  // An unusable replication factor, or one above the broker count, is reported by topic-shape.
  if (!Number.isInteger(rf) || rf < 1 || rf > spec.brokers.total) return findings;
  if (isr >= rf && !(dev && rf === 1 && isr === 1)) {
    add(blamed, `topic ${name}: min.insync.replicas ${isr} is not below the replication factor ${rf}: one replica down (a broker restart) blocks acks=all writes`, `use replication factor ${isr + 1}, or set ${isrProp} to ${Math.max(1, rf - 1)} (replication factor - 1)`);
    return findings;
  }
  if (dev) return findings;
  if (isr < 2) add(isrProp, `topic ${name}: min.insync.replicas ${isr} lets an acknowledged write live on one broker`, `set ${isrProp} to 2 with replication factor 3`);
  const left = replicasAfterZoneLoss(rf, spec.zones.length);
  if (left < isr) {
    add(blamed, `topic ${name}: replication factor ${rf} over ${spec.zones.length} zones keeps only ${left} replica(s) when a zone fails, fewer than min.insync.replicas ${isr}: acks=all writes stop`, `use replication factor 3 with min.insync.replicas 2, or lower min.insync.replicas to ${Math.max(1, left)}`);
  }
  return findings;
};
