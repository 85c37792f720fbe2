import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { DEFAULT_KAFKA_METRIC_NAMES, KafkaMetricNames } from '../observability/metric-names';
import { DEFAULT_MONITORING_NAMESPACE } from '../observability/metrics-scraper';
import { ScrapeTarget } from '../observability/scrape-target';
import { IKafkaCluster, KafkaMetadataMode } from '../types';
import { buildKafkaAlertRules, KafkaAlertRule, KafkaAlertThresholds, renderAlertRulesYaml, renderRuleTestsYaml } from './alert-rules';
import { Alertmanager, AlertmanagerOptions } from './alertmanager';
import { CertificateExpiryProbe, CertificateExpiryProbeOptions } from './certificate-expiry-probe';
import { KafkaExporter, KafkaExporterOptions } from './kafka-exporter';
import { PrometheusServer, PrometheusServerOptions } from './prometheus-server';
import { KUBELET_JOB } from './scrape-config';


export interface KafkaMonitoringProps {
  readonly cluster: IKafkaCluster;
  /**
   * Namespace of Prometheus and Alertmanager. Must be the one the cluster's
   * NetworkPolicies let reach the metrics port.
   * @default - `cluster.metricsScraper.namespace` if the cluster says, else `monitoring` (KafkaCluster's NetworkPolicy default)
   */
  readonly namespace?: string;
  /** @default - 2 replicas, 15d retention, 50Gi volumes */
  readonly prometheus?: PrometheusServerOptions;
  /** Consumer lag exporter. @default - on, 2 replicas */
  readonly kafkaExporter?: KafkaExporterOptions;
  /**
   * Blackbox exporter probing each broker's internal TLS listener, and each KRaft controller's listener, for the certificate-expiry alerts.
   * `false` turns it off. @default - on when the internal listeners use TLS, 1 replica
   */
  readonly certificateProbe?: boolean | CertificateExpiryProbeOptions;
  /** Alertmanager with one receiver. @default - none: alerts are visible in Prometheus only */
  readonly alertmanager?: AlertmanagerOptions;
  /** @default - disk 80%, consumer lag 10000 */
  readonly alertThresholds?: KafkaAlertThresholds;
  /** Override metric names if your broker JMX exporter config differs. @default DEFAULT_KAFKA_METRIC_NAMES */
  readonly metricNames?: Partial<KafkaMetricNames>;
  /** Schema Registry scrape targets (their `up` feeds SchemaRegistryDown). @default [] */
  readonly schemaRegistryTargets?: ScrapeTarget[];
  /** Kafka Connect scrape targets (feed KafkaConnectTaskFailed). @default [] */
  readonly connectTargets?: ScrapeTarget[];
  /** Any other component to scrape (ksqlDB, UI, ...). @default [] */
  readonly additionalTargets?: ScrapeTarget[];
}

/**
 * Monitoring for one Kafka cluster: Prometheus (HA pair with persistent
 * volumes) scraping brokers, controllers, kafka-exporter, kubelet volume
 * stats and every ecosystem component; alert rules generated from the
 * declared topology; optional Alertmanager.
 */
export class KafkaMonitoring extends Construct {
  public readonly prometheus: PrometheusServer;
  public readonly alertmanager?: Alertmanager;
  public readonly kafkaExporter: KafkaExporter;
  /** The certificate-expiry probe; undefined without TLS or with `certificateProbe: false`. */
  public readonly certificateProbe?: CertificateExpiryProbe;
  public readonly alertRules: KafkaAlertRule[];
  /** File name of the rule file in the rules ConfigMap. */
  public readonly ruleFileName: string;
  public readonly alertRulesYaml: string;
  /** promtool unit tests of the rules (`promtool test rules`), referencing `ruleFileName`. */
  public readonly ruleTestsYaml: string;
  public readonly namespace: string;
  public readonly brokerTarget: ScrapeTarget;
  public readonly metadataQuorumTarget: ScrapeTarget;

  constructor(scope: Construct, id: string, props: KafkaMonitoringProps) {
    super(scope, id);
    const cluster = props.cluster;
    // Prometheus must run where the brokers' NetworkPolicy admits the metrics scraper.
    const scraperNamespace = cluster.metricsScraper?.namespace;
    if (props.namespace !== undefined && scraperNamespace !== undefined && props.namespace !== scraperNamespace) {
      throw new KafkaPlatformValidationError(this.node.path, 'namespace',
        `Prometheus in namespace "${props.namespace}" could not scrape the brokers: cluster "${cluster.clusterName}" admits the metrics scraper from namespace "${scraperNamespace}" only`,
        `set the cluster's networkPolicy.monitoringNamespace to "${props.namespace}", or set namespace to "${scraperNamespace}" (or leave it unset)`);
    }
    this.namespace = props.namespace ?? scraperNamespace ?? DEFAULT_MONITORING_NAMESPACE;
    const kraft = cluster.metadataMode === KafkaMetadataMode.KRAFT;
    this.brokerTarget = { jobName: `${cluster.clusterName}-brokers`, namespace: cluster.namespace, podSelector: cluster.brokerSelector, port: cluster.metricsPort, path: cluster.metricsPath };
    this.metadataQuorumTarget = {
      jobName: `${cluster.clusterName}-${kraft ? 'controllers' : 'zookeeper'}`,
      namespace: cluster.namespace, podSelector: cluster.metadataQuorumSelector, port: cluster.metricsPort, path: cluster.metricsPath,
    };
    this.kafkaExporter = new KafkaExporter(this, 'kafka-exporter', { cluster, ...props.kafkaExporter });
    if (props.certificateProbe !== false && cluster.internalTls?.enabled) {
      this.certificateProbe = new CertificateExpiryProbe(this, 'certificate-probe', { cluster, ...(typeof props.certificateProbe === 'object' ? props.certificateProbe : {}) });
    }
    if (props.alertmanager) {
      this.alertmanager = new Alertmanager(this, 'alertmanager', { cluster, namespace: this.namespace, ...props.alertmanager });
    }
    const scrapeKubelet = props.prometheus?.scrapeKubelet ?? true;
    const srTargets = props.schemaRegistryTargets ?? [];
    const connectTargets = props.connectTargets ?? [];
    this.alertRules = buildKafkaAlertRules({
      clusterName: cluster.clusterName,
      namespace: cluster.namespace,
      metadataMode: cluster.metadataMode,
      brokerCount: cluster.brokerCount,
      metadataQuorumSize: cluster.metadataQuorumSize,
      brokerJob: this.brokerTarget.jobName,
      metadataQuorumJob: this.metadataQuorumTarget.jobName,
      kafkaExporterJob: this.kafkaExporter.scrapeTarget.jobName,
      kubeletJob: scrapeKubelet ? KUBELET_JOB : undefined,
      connectJobs: connectTargets.map(t => t.jobName),
      schemaRegistryJobs: srTargets.map(t => t.jobName),
      certificateProbeJob: this.certificateProbe?.scrapeTarget.jobName,
      controllerCertificateProbeJob: this.certificateProbe?.controllerScrapeTarget?.jobName,
    }, props.alertThresholds, { ...DEFAULT_KAFKA_METRIC_NAMES, ...props.metricNames }, this.node.path);
    this.ruleFileName = `kafka-${cluster.clusterName}.rules.yaml`;
    this.alertRulesYaml = renderAlertRulesYaml(cluster.clusterName, this.alertRules);
    this.ruleTestsYaml = renderRuleTestsYaml(cluster.clusterName, this.alertRules, this.ruleFileName);
    this.prometheus = new PrometheusServer(this, 'prometheus', {
      cluster,
      namespace: this.namespace,
      podLabels: cluster.metricsScraper?.podLabels,
      ...props.prometheus,
      targets: [this.brokerTarget, this.metadataQuorumTarget, this.kafkaExporter.scrapeTarget, ...(this.certificateProbe ? [this.certificateProbe.scrapeTarget] : []), ...(this.certificateProbe?.controllerScrapeTarget ? [this.certificateProbe.controllerScrapeTarget] : []), ...srTargets, ...connectTargets, ...(props.additionalTargets ?? [])],
      ruleFiles: { [this.ruleFileName]: this.alertRulesYaml },
      alertmanagers: this.alertmanager?.endpoints,
    });
    this.alertmanager?.allowHttpFrom(this.prometheus.podPeer);
  }
}
