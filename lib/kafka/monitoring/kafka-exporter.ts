import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { addPodDisruptionBudget } from '../k8s/disruption-budget';
import { caBundleVolume } from '../k8s/ca-bundle-volume';
import { secretEnv } from '../k8s/env';
import { assertPinnedImage } from '../k8s/image-pinning';
import { componentLabels } from '../k8s/labels';
import { validateDnsName } from '../k8s/names';
import { ComponentIngressPolicy } from '../k8s/network-policy';
import { haPlacement } from '../k8s/placement';
import { assertResourceQuantities, containerResources } from '../k8s/quantities';
import { validateReplicas } from '../k8s/replicas';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../k8s/security-context';
import { ScrapeTarget } from '../observability/scrape-target';
import { AclOperation, ContainerResources, IKafkaCluster, KafkaUserCredentials } from '../types';
import { MONITORING_IMAGES } from './images';
import { acl } from '../acls/acl-builders';

const DEFAULT_RESOURCES = { cpuRequest: '50m', cpuLimit: '500m', memory: '256Mi' };

export interface KafkaExporterOptions {
  /** @default `<clusterName>-kafka-exporter` */
  readonly name?: string;
  /** @default MONITORING_IMAGES.kafkaExporter (danielqsj/kafka-exporter, pinned) */
  readonly image?: string;
  /** Lag alerts use `max by` so replicas do not double count. @default 2 */
  readonly replicas?: number;
  /** @default 50m/500m CPU, 256Mi */
  readonly resources?: ContainerResources;
  /** Consumer groups to export (regex). @default '.*' */
  readonly groupFilter?: string;
  /** Topics to export (regex). @default '.*' */
  readonly topicFilter?: string;
}

export interface KafkaExporterProps extends KafkaExporterOptions {
  readonly cluster: IKafkaCluster;
}

const PORT = 9308;
const NOBODY = 65534;

/**
 * danielqsj/kafka-exporter for consumer-group lag (`kafka_consumergroup_lag`,
 * `kafka_consumergroup_lag_sum`), authenticated with its own SCRAM user. The
 * password reaches the `--sasl.password` flag through Kubernetes'
 * `$(VAR)` expansion of an env var read from the user's Secret.
 */
export class KafkaExporter extends Construct {
  public readonly credentials: KafkaUserCredentials;
  public readonly scrapeTarget: ScrapeTarget;

  constructor(scope: Construct, id: string, props: KafkaExporterProps) {
    super(scope, id);
    const cluster = props.cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-kafka-exporter`;
    validateDnsName(path, 'kafkaExporter.name', name);
    const image = props.image ?? MONITORING_IMAGES.kafkaExporter;
    assertPinnedImage(path, 'kafkaExporter.image', image);
    assertResourceQuantities(path, 'kafkaExporter.resources', props.resources, DEFAULT_RESOURCES);
    const replicas = props.replicas ?? 2;
    validateReplicas(cluster.profile, path, 'kafkaExporter.replicas', replicas, 1);
    const ns = cluster.namespace;
    // Describe only: lag is computed from offsets and metadata; it can neither read records nor change anything.
    this.credentials = cluster.addUser(name, {
      // Its config names the mechanism (cluster.saslMechanism), not the Secret: no password rotation for it.
      fixedScramMechanism: true,
      acls: [acl.topic('*', AclOperation.DESCRIBE), acl.group('*', AclOperation.DESCRIBE), acl.cluster(AclOperation.DESCRIBE)],
    });
    const { selector, all: labels } = componentLabels(cluster.clusterName, 'kafka-exporter', name);
    // The CA bundle ConfigMap (public CA only): sarama verifies each broker's certificate and host name against it.
    const ca = caBundleVolume(cluster.internalTls);
    const mechanism = cluster.saslMechanism === 'SCRAM-SHA-256' ? 'scram-sha256' : 'scram-sha512';
    const args = [
      ...cluster.internalBootstrapServers.split(',').map(s => `--kafka.server=${s.trim()}`),
      // The newest protocol level the exporter's Kafka client (sarama) knows; Kafka 4.x brokers accept its requests.
      '--kafka.version=3.6.0',
      '--sasl.enabled',
      `--sasl.mechanism=${mechanism}`,
      `--sasl.username=${this.credentials.username}`,
      '--sasl.password=$(KAFKA_SASL_PASSWORD)',
      // --tls.insecure-skip-tls-verify stays at its default (false); --tls.server-name stays empty, so each broker's own host name is verified.
      ...(ca.caFile ? ['--tls.enabled', `--tls.ca-file=${ca.caFile}`] : []),
      `--group.filter=${props.groupFilter ?? '.*'}`,
      `--topic.filter=${props.topicFilter ?? '.*'}`,
      `--web.listen-address=:${PORT}`,
    ];
    new ApiObject(this, 'deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels },
      spec: {
        replicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...labels, [cluster.clientAccessLabel.key]: cluster.clientAccessLabel.value } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(NOBODY),
            ...haPlacement(selector, cluster.profile),
            containers: [{
              name: 'kafka-exporter',
              image,
              args,
              env: [secretEnv('KAFKA_SASL_PASSWORD', this.credentials.secretName, this.credentials.passwordKey)],
              ports: [{ name: 'metrics', containerPort: PORT, protocol: 'TCP' }],
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              readinessProbe: { httpGet: { path: '/healthz', port: 'metrics' }, periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: '/healthz', port: 'metrics' }, periodSeconds: 30, timeoutSeconds: 10, failureThreshold: 5 },
              securityContext: restrictedContainerSecurityContext({ readOnlyRootFilesystem: true }),
              ...(ca.volumeMounts.length > 0 ? { volumeMounts: ca.volumeMounts } : {}),
            }],
            ...(ca.volumes.length > 0 ? { volumes: ca.volumes } : {}),
          },
        },
      },
    });
    if (replicas > 1) addPodDisruptionBudget(this, name, ns, labels, selector);
    // Only the scraping Prometheus reaches the exporter (it serves nothing else).
    const policy = new ComponentIngressPolicy(this, 'network-policy', { name, namespace: ns, labels, podSelector: selector, ports: { metrics: [{ port: PORT }] } });
    this.scrapeTarget = { jobName: name, namespace: ns, podSelector: selector, port: PORT, allowScraper: peer => policy.allow('metrics', peer) };
  }
}
