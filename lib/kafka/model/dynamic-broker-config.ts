/**
 * Broker properties Kafka can change at run time as a cluster-wide default
 * (`kafka-configs.sh --alter --entity-type brokers --entity-default`; "Dynamic
 * Update Mode: cluster-wide" in Kafka's broker configs), which this library
 * applies that way, with no restart. Only those that are safe to change live
 * and cannot fail the update for a valid value:
 * - the broker defaults of topic configs (retention, segments, flush, cleanup,
 *   compaction lags, message size, compression, timestamps): Kafka applies them
 *   to every topic without its own override, on the next segment/cleaning pass;
 * - the log cleaner's buffers, I/O rate and back-off;
 * - per-IP connection limits.
 * Deliberately NOT dynamic here (they roll, as before):
 * - `min.insync.replicas` and `unclean.leader.election.enable`: HA invariants the
 *   controllers also hold in their own static config, and the topics Job owns the
 *   cluster-level `min.insync.replicas`;
 * - thread pool sizes (`num.io.threads`, `num.network.threads`, `num.replica.fetchers`,
 *   `num.recovery.threads.per.data.dir`, `background.threads`, `log.cleaner.threads`):
 *   Kafka refuses a live change beyond half or double the current size;
 * - listeners, security, authorization, quotas callbacks: never changed live.
 * Every other property needs a restart and rolls.
 */
export const DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS: ReadonlyArray<string> = [
  // Broker defaults of topic configs.
  'log.segment.bytes', 'log.roll.ms', 'log.roll.hours', 'log.roll.jitter.ms', 'log.roll.jitter.hours',
  'log.index.size.max.bytes', 'log.index.interval.bytes', 'log.flush.interval.messages', 'log.flush.interval.ms',
  'log.retention.bytes', 'log.retention.ms', 'log.retention.minutes', 'log.retention.hours',
  'log.cleaner.delete.retention.ms', 'log.cleaner.min.compaction.lag.ms', 'log.cleaner.max.compaction.lag.ms',
  'log.cleaner.min.cleanable.ratio', 'log.cleanup.policy', 'log.segment.delete.delay.ms',
  'message.max.bytes', 'compression.type', 'log.preallocate', 'log.message.timestamp.type',
  // Log cleaner (takes effect at its next pass).
  'log.cleaner.io.max.bytes.per.second', 'log.cleaner.dedupe.buffer.size', 'log.cleaner.io.buffer.size',
  'log.cleaner.io.buffer.load.factor', 'log.cleaner.backoff.ms',
  // Connection limits (new connections are counted against the new limit).
  'max.connections.per.ip', 'max.connections.per.ip.overrides',
];

export function isDynamicClusterWideBrokerConfig(key: string): boolean {
  return DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS.includes(key);
}

/** The effective broker properties split into those applied live (`dynamic`) and those that need a restart (`static`). */
export function splitDynamicBrokerConfig(config: Readonly<Record<string, string>>): { dynamic: Record<string, string>; static: Record<string, string> } {
  const dynamic: Record<string, string> = {};
  const rest: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) (isDynamicClusterWideBrokerConfig(key) ? dynamic : rest)[key] = value;
  return { dynamic, static: rest };
}
