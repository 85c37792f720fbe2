import { KafkaMetricNames } from '../../observability/metric-names';
import { KafkaMetadataMode } from '../../types';

/** What the alert rules are generated from: the declared topology and the scrape job names. */
export interface KafkaAlertTopology {
  readonly clusterName: string;
  readonly namespace: string;
  readonly metadataMode: KafkaMetadataMode;
  /** Declared broker count: fewer brokers up than this is an alert. */
  readonly brokerCount: number;
  /** Declared controller / ZooKeeper count, when known: quorum degradation alerts. */
  readonly metadataQuorumSize?: number;
  readonly brokerJob: string;
  readonly metadataQuorumJob: string;
  /** @default - no lag alerts */
  readonly kafkaExporterJob?: string;
  /** @default - no disk alerts */
  readonly kubeletJob?: string;
  /** @default [] */
  readonly connectJobs?: string[];
  /** @default [] */
  readonly schemaRegistryJobs?: string[];
  /** Scrape job of the blackbox exporter's TLS probes of the brokers. @default - no certificate alerts */
  readonly certificateProbeJob?: string;
  /** Scrape job of its TLS probes of the KRaft controllers; the certificate alerts cover it too. @default - controllers not probed */
  readonly controllerCertificateProbeJob?: string;
}

/** Thresholds of the alert rules. */
export interface KafkaAlertThresholds {
  /** Persistent volume usage, percent, above which `KafkaDiskUsageHigh` fires. @default 80 */
  readonly diskUsagePercent?: number;
  /** Consumer lag (messages, summed per group and topic) above which `KafkaConsumerGroupLagHigh` fires, for groups not listed in `consumerLagPerGroup`. @default 10000 */
  readonly consumerLag?: number;
  /** Per consumer group thresholds, overriding `consumerLag`. @default {} */
  readonly consumerLagPerGroup?: Record<string, number>;
  /** Days before a certificate (node certificate or CA) expires at which `KafkaCertificateExpiresSoon` fires. @default 21 */
  readonly certificateExpiryDays?: number;
}

export type AlertSeverity = 'critical' | 'warning';

/** One input series of a promtool unit test (`series` in PromQL notation, `values` in promtool's expanding notation). */
export interface SampleSeries {
  readonly series: string;
  readonly values: string;
}

/** One generated alerting rule plus the samples its promtool unit tests use. */
export interface KafkaAlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: AlertSeverity;
  /** May use `{{ $labels.<name> }}`. */
  readonly summary: string;
  readonly description: string;
  /** What the on-call engineer does, step by step. */
  readonly runbook: string;
  /** Extra static labels (to tell apart rules that share an alert name). */
  readonly labels?: Record<string, string>;
  /** Metric names the expression reads (for checks against real exporters). */
  readonly metrics: string[];
  /** Series on which the alert must fire, and the labels it fires with (without severity/kafka_cluster). */
  readonly firing: { readonly series: SampleSeries[]; readonly alerts: Array<Record<string, string>> };
  /** Series of a healthy system, on which the alert must stay quiet. */
  readonly healthy: { readonly series: SampleSeries[] };
}

/** promtool unit tests evaluate at this time; every sample is at least this long. */
export const RULE_TEST_EVAL_TIME = '30m';

/** Facts every area's rules are generated from, derived once from the topology and thresholds. */
export interface AlertRuleContext {
  readonly topology: KafkaAlertTopology;
  readonly metricNames: KafkaMetricNames;
  readonly brokerJob: string;
  readonly metadataQuorumJob: string;
  readonly kraft: boolean;
  /** In KRaft mode the controller metrics come from the controller quorum; in ZooKeeper mode from the broker that is controller. */
  readonly controllerJob: string;
  readonly controllerInstance: string;
  readonly quorumKind: string;
  readonly diskPercent: number;
  readonly defaultLag: number;
  readonly perGroup: Record<string, number>;
  readonly certificateExpiryDays: number;
}
