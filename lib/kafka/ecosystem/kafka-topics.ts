import { IKafkaCluster, KafkaProfile, TopicPropNames, TopicRequirement } from '../types';

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

/**
 * Checks an internal topic against the cluster's topic rule pack, with the
 * owner's own prop names (so the message says which prop of *this* construct
 * to change), then declares it.
 */
export function declareInternalTopic(cluster: IKafkaCluster, ownerPath: string, props: TopicPropNames, topic: TopicRequirement): void {
  cluster.validateTopic(ownerPath, `topics["${topic.name}"]`, topic, props);
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
