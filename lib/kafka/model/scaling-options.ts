/** Default replication throttle of the scale Job's moves: 50 MiB/s per broker. */
export const DEFAULT_SCALING_THROTTLE_BYTES_PER_SECOND = 50 * 1024 * 1024;

/** Argo CD sync wave of the scale Job and what it needs: before the StatefulSets (wave 0). README, "Scaling". */
export const SCALING_SYNC_WAVE = '-1';

/**
 * How the scale Job moves data when `brokers.replicas` changes (see the
 * README, "Scaling"): new brokers get an even, rack-aware share of the
 * partitions; departing brokers are drained before their pods go.
 */
export interface KafkaScalingOptions {
  /**
   * Replication throttle of the moves, in bytes per second per broker (`kafka-reassign-partitions.sh --throttle`):
   * leaves the rest of the network and disk bandwidth to clients.
   * @default 52428800 (50 MiB/s)
   */
  readonly throttleBytesPerSecond?: number;
  /**
   * How long the Job may run (its `activeDeadlineSeconds`); each of its waits gives up at the same bound.
   * Moving a lot of data at the throttle takes long: size it as data per broker / throttle, plus margin.
   * @default 86400 (24 h)
   */
  readonly timeoutSeconds?: number;
  /** Seconds between two progress checks. @default 10 */
  readonly pollSeconds?: number;
  /** Official kubectl image the Job takes `kubectl` from (it grows and shrinks the broker StatefulSets); pin it. @default 'registry.k8s.io/kubectl:v1.33.5' */
  readonly kubectlImage?: string;
}
