import { KafkaPlatformValidationError } from '../../errors';
import { IKafkaCluster, KafkaProfile, TopicRequirement } from '../types';

/**
 * Internal topics of ecosystem components use RF 3 (the HA minimum). The
 * development profile allows smaller clusters, so there RF shrinks to the
 * broker count; production keeps 3 and rejects a cluster that is too small.
 */
export function internalTopicReplicationFactor(cluster: IKafkaCluster, requested?: number): number {
  if (requested !== undefined) return requested;
  if (cluster.profile === KafkaProfile.DEVELOPMENT) return Math.min(3, cluster.brokerCount);
  return 3;
}

/** min.insync.replicas = RF - 1, at least 1: a write survives one replica down. */
export function minIsrFor(replicationFactor: number): number {
  return Math.max(1, replicationFactor - 1);
}

/** Which props of the owning construct set the topic's RF and min ISR, for error messages. */
export interface TopicPropNames {
  readonly replicationFactor: string;
  readonly minInsyncReplicas: string;
}

/**
 * Checks the HA invariants with the owner's own prop names (so the message
 * says which prop of *this* construct to change), then lets the cluster run
 * its own checks (config names, ...) and declares the topic.
 */
export function declareInternalTopic(cluster: IKafkaCluster, ownerPath: string, props: TopicPropNames, topic: TopicRequirement): void {
  const rf = topic.replicationFactor;
  if (!Number.isInteger(rf) || rf < 1) {
    throw new KafkaPlatformValidationError(ownerPath, props.replicationFactor, `replication factor of topic "${topic.name}" must be a positive integer, got ${rf}`, 'use 3');
  }
  if (rf > cluster.brokerCount) {
    throw new KafkaPlatformValidationError(ownerPath, props.replicationFactor,
      `topic "${topic.name}" has replication factor ${rf} but cluster "${cluster.clusterName}" has only ${cluster.brokerCount} broker(s)`,
      `lower ${props.replicationFactor} to at most ${cluster.brokerCount}, or add brokers`);
  }
  if (cluster.profile === KafkaProfile.PRODUCTION && rf < 3) {
    throw new KafkaPlatformValidationError(ownerPath, props.replicationFactor,
      `topic "${topic.name}" has replication factor ${rf}; production needs 3 to survive a zone loss`,
      `set ${props.replicationFactor} to 3 (or use the development profile)`);
  }
  const minIsrText = topic.config?.['min.insync.replicas'];
  if (minIsrText !== undefined) {
    const minIsr = Number(minIsrText);
    if (!Number.isInteger(minIsr) || minIsr < 1) {
      throw new KafkaPlatformValidationError(ownerPath, props.minInsyncReplicas, `min.insync.replicas of topic "${topic.name}" must be a positive integer, got "${minIsrText}"`, `set ${props.minInsyncReplicas} to ${minIsrFor(rf)}`);
    }
    // RF 1 (development profile only: production demands 3 above) leaves min ISR 1 as the only possible value.
    if (minIsr > rf || (minIsr === rf && rf > 1)) {
      throw new KafkaPlatformValidationError(ownerPath, props.minInsyncReplicas,
        `topic "${topic.name}" has min.insync.replicas ${minIsr} >= replication factor ${rf}, so one replica down blocks all writes`,
        `set ${props.minInsyncReplicas} to ${minIsrFor(rf)} (replication factor - 1)`);
    }
  }
  cluster.validateTopic(ownerPath, props.replicationFactor, topic);
  cluster.addTopic(topic);
}

/** The usual config of an internal, compacted, HA topic. */
export function compactedTopic(name: string, partitions: number, replicationFactor: number, minIsr?: number): TopicRequirement {
  return {
    name,
    partitions,
    replicationFactor,
    config: { 'cleanup.policy': 'compact', 'min.insync.replicas': String(minIsr ?? minIsrFor(replicationFactor)) },
  };
}
