import { JmxExporterRule, renderExporterConfig } from './jmx-exporter-config';

/**
 * Prometheus metric names the exporter rules below produce and that alerting
 * relies on. The monitoring component writes its alert rules against these
 * names; a test checks every name is produced by a rule.
 */
export const KAFKA_ALERT_METRICS = {
  /** Gauge per broker: partitions led by this broker whose ISR is smaller than the replica set. */
  underReplicatedPartitions: 'kafka_server_replicamanager_underreplicatedpartitions',
  /** Gauge per broker: partitions led by this broker with fewer in-sync replicas than min.insync.replicas (acks=all producers fail). */
  underMinIsrPartitions: 'kafka_server_replicamanager_underminisrpartitioncount',
  /** Gauge, reported by the active controller: partitions without a leader. */
  offlinePartitionsCount: 'kafka_controller_kafkacontroller_offlinepartitionscount',
  /** Gauge per controller (per broker in ZooKeeper mode): 1 on the active controller; the sum over the cluster must be exactly 1. */
  activeControllerCount: 'kafka_controller_kafkacontroller_activecontrollercount',
  /** Counter per broker: ISR shrink events; alert on its rate. */
  isrShrinksTotal: 'kafka_server_replicamanager_isrshrinks_total',
  /** Counter per broker: ISR expand events (shrinks without expands = replicas falling behind). */
  isrExpandsTotal: 'kafka_server_replicamanager_isrexpands_total',
  /** Gauge per broker: BrokerState (3 = RUNNING, 7 = PENDING_CONTROLLED_SHUTDOWN, 6 = SHUTTING_DOWN). */
  brokerState: 'kafka_server_kafkaserver_brokerstate',
  /** Gauge per partition replica (labels topic, partition): log size in bytes. Disk free comes from kubelet_volume_stats_available_bytes. */
  logSizeBytes: 'kafka_log_log_size',
  /** Gauge per broker: log directories that failed (disk errors). */
  offlineLogDirectoryCount: 'kafka_log_logmanager_offlinelogdirectorycount',
  /** Gauge per KRaft node: id of the quorum leader as this node sees it (-1 = none). */
  raftCurrentLeader: 'kafka_server_raft_metrics_current_leader',
} as const;

/** Exporter rules: explicit names for what alerts use, then a few generic families for dashboards. */
export const JMX_EXPORTER_RULES: ReadonlyArray<JmxExporterRule> = [
  { pattern: 'kafka.server<type=KafkaServer, name=BrokerState><>Value', name: KAFKA_ALERT_METRICS.brokerState, type: 'GAUGE', help: 'Broker state (3 = RUNNING)' },
  { pattern: 'kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value', name: KAFKA_ALERT_METRICS.underReplicatedPartitions, type: 'GAUGE' },
  { pattern: 'kafka.server<type=ReplicaManager, name=UnderMinIsrPartitionCount><>Value', name: KAFKA_ALERT_METRICS.underMinIsrPartitions, type: 'GAUGE' },
  { pattern: 'kafka.server<type=ReplicaManager, name=IsrShrinksPerSec><>Count', name: KAFKA_ALERT_METRICS.isrShrinksTotal, type: 'COUNTER' },
  { pattern: 'kafka.server<type=ReplicaManager, name=IsrExpandsPerSec><>Count', name: KAFKA_ALERT_METRICS.isrExpandsTotal, type: 'COUNTER' },
  { pattern: 'kafka.server<type=ReplicaManager, name=(PartitionCount|LeaderCount|OfflineReplicaCount|AtMinIsrPartitionCount)><>Value', name: 'kafka_server_replicamanager_$1', type: 'GAUGE' },
  { pattern: 'kafka.controller<type=KafkaController, name=OfflinePartitionsCount><>Value', name: KAFKA_ALERT_METRICS.offlinePartitionsCount, type: 'GAUGE' },
  { pattern: 'kafka.controller<type=KafkaController, name=ActiveControllerCount><>Value', name: KAFKA_ALERT_METRICS.activeControllerCount, type: 'GAUGE' },
  { pattern: 'kafka.controller<type=KafkaController, name=(GlobalPartitionCount|GlobalTopicCount|ActiveBrokerCount|FencedBrokerCount|PreferredReplicaImbalanceCount)><>Value', name: 'kafka_controller_kafkacontroller_$1', type: 'GAUGE' },
  { pattern: 'kafka.log<type=Log, name=Size, topic=(.+), partition=(.+)><>Value', name: KAFKA_ALERT_METRICS.logSizeBytes, type: 'GAUGE', labels: { topic: '$1', partition: '$2' } },
  { pattern: 'kafka.log<type=LogManager, name=OfflineLogDirectoryCount><>Value', name: KAFKA_ALERT_METRICS.offlineLogDirectoryCount, type: 'GAUGE' },
  { pattern: 'kafka.server<type=raft-metrics><>current-leader', name: KAFKA_ALERT_METRICS.raftCurrentLeader, type: 'GAUGE' },
  { pattern: 'kafka.server<type=raft-metrics><>(current-epoch|high-watermark|log-end-offset|commit-latency-avg)', name: 'kafka_server_raft_metrics_$1', type: 'GAUGE' },
  { pattern: 'kafka.server<type=BrokerTopicMetrics, name=(BytesInPerSec|BytesOutPerSec|MessagesInPerSec)><>Count', name: 'kafka_server_brokertopicmetrics_$1_total', type: 'COUNTER' },
  { pattern: 'kafka.network<type=RequestMetrics, name=TotalTimeMs, request=(Produce|FetchConsumer|FetchFollower)><>(\\d+)thPercentile', name: 'kafka_network_requestmetrics_totaltimems', type: 'GAUGE', labels: { request: '$1', quantile: '0.$2' } },
  { pattern: 'kafka.server<type=ReplicaFetcherManager, name=MaxLag, clientId=Replica><>Value', name: 'kafka_server_replicafetchermanager_maxlag', type: 'GAUGE' },
];

/** The brokers' and controllers' exporter configuration (mounted next to the start script). */
export function renderJmxExporterConfig(): string {
  return renderExporterConfig(JMX_EXPORTER_RULES, '# Generated by cdktf-kafka-platform: Prometheus JMX exporter rules for Kafka.\n');
}
