/** Alarm thresholds of the Kafka node pools, in percent. */
export interface AlarmThresholds {
  /** @default 80 */
  readonly cpuPercent?: number;
  /** @default 85 */
  readonly memoryPercent?: number;
  /** @default 75 (Kafka needs headroom to move partitions) */
  readonly diskPercent?: number;
  /** @default 80 (Kafka keeps two files per log segment) */
  readonly diskInodePercent?: number;
}

/** Thresholds after defaults and validation. */
export type ResolvedAlarmThresholds = Required<AlarmThresholds>;
