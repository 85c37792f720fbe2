/**
 * Topic-level configuration names Kafka 4.1 accepts (`kafka-configs.sh
 * --entity-type topics`). A typo such as `retention.msec` would otherwise be
 * rejected only when the topics Job runs in the cluster.
 */
export const KAFKA_41_TOPIC_CONFIGS: ReadonlyArray<string> = [
  'cleanup.policy',
  'compression.gzip.level',
  'compression.lz4.level',
  'compression.type',
  'compression.zstd.level',
  'delete.retention.ms',
  'file.delete.delay.ms',
  'flush.messages',
  'flush.ms',
  'follower.replication.throttled.replicas',
  'index.interval.bytes',
  'leader.replication.throttled.replicas',
  'local.retention.bytes',
  'local.retention.ms',
  'max.compaction.lag.ms',
  'max.message.bytes',
  'message.timestamp.after.max.ms',
  'message.timestamp.before.max.ms',
  'message.timestamp.type',
  'min.cleanable.dirty.ratio',
  'min.compaction.lag.ms',
  'min.insync.replicas',
  'preallocate',
  'remote.log.copy.disable',
  'remote.log.delete.on.disable',
  'remote.storage.enable',
  'retention.bytes',
  'retention.ms',
  'segment.bytes',
  'segment.index.bytes',
  'segment.jitter.ms',
  'segment.ms',
  'unclean.leader.election.enable',
];

/** Topic configs that Kafka 3.9 (ZooKeeper mode) still accepts and 4.x removed. */
export const KAFKA_39_ONLY_TOPIC_CONFIGS: ReadonlyArray<string> = [
  'message.downconversion.enable',
  'message.format.version',
  'message.timestamp.difference.max.ms',
];

/** Kafka 4.1 topic configs that 3.9 does not know yet. */
const KAFKA_41_ONLY_TOPIC_CONFIGS: ReadonlyArray<string> = ['remote.log.copy.disable', 'remote.log.delete.on.disable'];

export function knownTopicConfigs(zookeeperMode: boolean): ReadonlySet<string> {
  return new Set(zookeeperMode
    ? [...KAFKA_41_TOPIC_CONFIGS.filter(c => !KAFKA_41_ONLY_TOPIC_CONFIGS.includes(c)), ...KAFKA_39_ONLY_TOPIC_CONFIGS]
    : KAFKA_41_TOPIC_CONFIGS);
}

/** Kafka's topic name rule: 1-249 chars of [a-zA-Z0-9._-], not "." or "..". */
export function isValidTopicName(name: string): boolean {
  return /^[a-zA-Z0-9._-]{1,249}$/.test(name) && name !== '.' && name !== '..';
}
