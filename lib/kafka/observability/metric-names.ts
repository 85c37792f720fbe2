import { KAFKA_ALERT_METRICS } from './kafka-jmx-rules';

/**
 * Prometheus metric names the alert rules and dashboards use, by source.
 *
 * Broker/controller names are those produced by the JMX exporter config of
 * the Kafka core (`KAFKA_ALERT_METRICS` / `JMX_EXPORTER_RULES`). Pass
 * `metricNames` to `KafkaMonitoring` if you run another exporter config.
 */
export interface KafkaMetricNames {
  /** Gauge, brokers: partitions whose ISR is smaller than the replica set. */
  readonly underReplicatedPartitions: string;
  /** Gauge, active controller (KRaft controllers / ZooKeeper-mode brokers). */
  readonly offlinePartitionsCount: string;
  /** Gauge, 1 on the active controller, 0 elsewhere. */
  readonly activeControllerCount: string;
  /** Gauge, brokers: partitions with fewer in-sync replicas than min.insync.replicas. */
  readonly underMinIsrPartitionCount: string;
  /** Counter, brokers: ISR shrink events. */
  readonly isrShrinksTotal: string;
  /** Counters, brokers: throughput (dashboards). */
  readonly bytesInTotal: string;
  readonly bytesOutTotal: string;
  readonly messagesInTotal: string;
}

/** Taken from the core's JMX exporter config (`kafka-jmx-rules.ts` beside this file), so rules and exporter cannot drift apart. */
export const DEFAULT_KAFKA_METRIC_NAMES: KafkaMetricNames = {
  underReplicatedPartitions: KAFKA_ALERT_METRICS.underReplicatedPartitions,
  offlinePartitionsCount: KAFKA_ALERT_METRICS.offlinePartitionsCount,
  activeControllerCount: KAFKA_ALERT_METRICS.activeControllerCount,
  underMinIsrPartitionCount: KAFKA_ALERT_METRICS.underMinIsrPartitions,
  isrShrinksTotal: KAFKA_ALERT_METRICS.isrShrinksTotal,
  // The exporter rule `kafka_server_brokertopicmetrics_$1_total` with lowercaseOutputName.
  bytesInTotal: 'kafka_server_brokertopicmetrics_bytesinpersec_total',
  bytesOutTotal: 'kafka_server_brokertopicmetrics_bytesoutpersec_total',
  messagesInTotal: 'kafka_server_brokertopicmetrics_messagesinpersec_total',
};

/** danielqsj/kafka-exporter (documented in its README, "Consumer Groups"). */
export const KAFKA_EXPORTER_METRICS = {
  /** Labels: consumergroup, topic. Sum of the lag over the topic's partitions. */
  consumerGroupLagSum: 'kafka_consumergroup_lag_sum',
  /** Labels: consumergroup, topic, partition. */
  consumerGroupLag: 'kafka_consumergroup_lag',
  brokers: 'kafka_brokers',
} as const;

/** Kafka Connect worker metrics, as named by the Connect JMX exporter rules (`CONNECT_JMX_RULES`). */
export { CONNECT_METRICS, SCHEMA_REGISTRY_METRICS } from './component-jmx-rules';

/** The blackbox exporter's TLS probe (tcp prober with `tls: true`). */
export const BLACKBOX_EXPORTER_METRICS = {
  /** Unix time the earliest certificate the server presented expires (the node certificate). */
  sslEarliestCertExpiry: 'probe_ssl_earliest_cert_expiry',
  /** Unix time the verified chain stops being valid: the earliest expiry in it, so the CA too. */
  sslChainExpiry: 'probe_ssl_last_chain_expiry_timestamp_seconds',
  /** 1 if the TLS handshake (with verification) succeeded. */
  success: 'probe_success',
} as const;

/** kubelet volume stats (scraped through the API server proxy). */
export const KUBELET_METRICS = {
  volumeUsedBytes: 'kubelet_volume_stats_used_bytes',
  volumeCapacityBytes: 'kubelet_volume_stats_capacity_bytes',
} as const;
