import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { addPodDisruptionBudget } from '../k8s/disruption-budget';
import { plainEnv, secretEnv } from '../k8s/env';
import { assertPinnedImage } from '../k8s/image-pinning';
import { componentLabels } from '../k8s/labels';
import { validateDnsName } from '../k8s/names';
import { clientLabelFor, ComponentIngressPolicy, IngressPeer } from '../k8s/network-policy';
import { haPlacement } from '../k8s/placement';
import { httpProbes } from '../k8s/probes';
import { assertResourceQuantities, containerResources } from '../k8s/quantities';
import { validateReplicas } from '../k8s/replicas';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../k8s/security-context';
import { addService } from '../k8s/service';
import { ScrapeTarget } from '../observability/scrape-target';
import { AclOperation, ContainerResources, IKafkaCluster, KafkaUserCredentials } from '../types';
import { ECOSYSTEM_IMAGES } from './images';
import { kafkaClientSecurity } from './kafka-client';
import { acl } from '../acls/acl-builders';

const DEFAULT_RESOURCES = { cpuRequest: '100m', cpuLimit: '1', memory: '1Gi' };

export interface KafbatUiProps {
  readonly cluster: IKafkaCluster;
  /** @default `<clusterName>-ui` */
  readonly name?: string;
  /** @default ECOSYSTEM_IMAGES.kafbatUi (ghcr.io/kafbat/kafka-ui, pinned) */
  readonly image?: string;
  /** @default 2 */
  readonly replicas?: number;
  /** @default 100m/1 CPU, 1Gi */
  readonly resources?: ContainerResources;
  /**
   * Existing Secret with keys `username` and `password` for the UI's login
   * form. Create it before deploying (the UI never runs without login).
   * @default `<name>-login`
   */
  readonly loginSecretName?: string;
  /**
   * Forbid changes (topic creation, message production, ...) from the UI. Its
   * Kafka user gets read-only ACLs too, so the cluster enforces it.
   * @default true
   */
  readonly readOnly?: boolean;
  /** Schema Registry URL to browse schemas. @default - none */
  readonly schemaRegistryUrl?: string;
  /** Kafka Connect clusters to manage, as name → REST URL. @default {} */
  readonly connectClusters?: Record<string, string>;
  /** ksqlDB server URL. @default - none */
  readonly ksqlDbUrl?: string;
  /** Extra pod labels, e.g. `KafkaConnect.restClientLabel` so the UI may call Connect's REST API. @default {} */
  readonly podLabels?: Record<string, string>;
}

const HTTP_PORT = 8080;
const UI_UID = 1000;

/**
 * Kafbat UI (Apache-2.0), an open-source stand-in for Confluent Control
 * Center: topics, consumer groups, schemas, Connect and ksqlDB. It uses its
 * own SCRAM user and a login form whose credentials come from a Secret.
 */
export class KafbatUi extends Construct {
  public readonly url: string;
  public readonly credentials: KafkaUserCredentials;
  public readonly scrapeTarget: ScrapeTarget;
  /**
   * Label a pod (in any namespace) needs to reach the UI, e.g. your ingress
   * controller's pods (NetworkPolicy `<name>-ingress`).
   */
  public readonly clientLabel: { readonly key: string; readonly value: string };
  /** The UI pods, as a NetworkPolicy peer of the components it calls. */
  public readonly podPeer: IngressPeer;
  private readonly ingressPolicy: ComponentIngressPolicy;

  constructor(scope: Construct, id: string, props: KafbatUiProps) {
    super(scope, id);
    const cluster = props.cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-ui`;
    validateDnsName(path, 'name', name);
    const image = props.image ?? ECOSYSTEM_IMAGES.kafbatUi;
    assertPinnedImage(path, 'image', image);
    assertResourceQuantities(path, 'resources', props.resources, DEFAULT_RESOURCES);
    const replicas = props.replicas ?? 2;
    validateReplicas(cluster.profile, path, 'replicas', replicas, 2);
    const ns = cluster.namespace;
    const readOnly = props.readOnly ?? true;
    // The cluster enforces what the UI promises: read and describe everything, change nothing unless asked.
    const changes = readOnly ? [] : [AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER, AclOperation.ALTER_CONFIGS];
    this.credentials = cluster.addUser(name, {
      // Its config names the mechanism (cluster.saslMechanism), not the Secret: no password rotation for it.
      fixedScramMechanism: true,
      acls: [
        acl.topic('*', AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, ...changes),
        acl.group('*', AclOperation.DESCRIBE, ...(readOnly ? [] : [AclOperation.READ, AclOperation.DELETE])),
        acl.cluster(AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS),
      ],
    });
    const { selector, all: labels } = componentLabels(cluster.clusterName, 'kafbat-ui', name);
    const loginSecret = props.loginSecretName ?? `${name}-login`;

    const p = 'KAFKA_CLUSTERS_0_';
    // Kafbat passes `kafka.clusters[0].properties.*` to every Kafka client it creates (admin, consumer, producer).
    const kafkaSecurity = kafkaClientSecurity(cluster, this.credentials, `${p}PROPERTIES_`);
    const env = [
      plainEnv(`${p}NAME`, cluster.clusterName),
      plainEnv(`${p}BOOTSTRAPSERVERS`, cluster.internalBootstrapServers),
      ...kafkaSecurity.env,
      plainEnv(`${p}READONLY`, String(readOnly)),
      ...(props.schemaRegistryUrl ? [plainEnv(`${p}SCHEMAREGISTRY`, props.schemaRegistryUrl)] : []),
      ...Object.entries(props.connectClusters ?? {}).sort(([a], [b]) => a.localeCompare(b)).flatMap(([connectName, url], i) => [
        plainEnv(`${p}KAFKACONNECT_${i}_NAME`, connectName),
        plainEnv(`${p}KAFKACONNECT_${i}_ADDRESS`, url),
      ]),
      ...(props.ksqlDbUrl ? [plainEnv(`${p}KSQLDBSERVER`, props.ksqlDbUrl)] : []),
      plainEnv('AUTH_TYPE', 'LOGIN_FORM'),
      secretEnv('SPRING_SECURITY_USER_NAME', loginSecret, 'username'),
      secretEnv('SPRING_SECURITY_USER_PASSWORD', loginSecret, 'password'),
      plainEnv('DYNAMIC_CONFIG_ENABLED', 'false'),
      plainEnv('JAVA_OPTS', '-XX:InitialRAMPercentage=50.0 -XX:MaxRAMPercentage=70.0'),
    ];

    new ApiObject(this, 'deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels },
      spec: {
        replicas,
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: { ...props.podLabels, ...labels, [cluster.clientAccessLabel.key]: cluster.clientAccessLabel.value } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(UI_UID),
            ...haPlacement(selector, cluster.profile),
            containers: [{
              name: 'kafbat-ui',
              image,
              ports: [{ name: 'http', containerPort: HTTP_PORT, protocol: 'TCP' }],
              env,
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              ...httpProbes('/actuator/health', 'http', 120),
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }, ...kafkaSecurity.volumeMounts],
              securityContext: restrictedContainerSecurityContext(),
            }],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }, ...kafkaSecurity.volumes],
          },
        },
      },
    });
    addPodDisruptionBudget(this, name, ns, labels, selector);
    // Login sessions live in one replica's memory: keep a browser on the same pod.
    addService(this, 'service', { name, namespace: ns, labels, selector, ports: [{ name: 'http', port: HTTP_PORT, targetPort: 'http' }], sessionAffinity: true });
    this.url = `http://${name}.${ns}.svc:${HTTP_PORT}`;
    this.clientLabel = clientLabelFor(name);
    this.podPeer = { podLabels: selector, namespace: ns };
    // Metrics are served on the HTTP port (`/actuator/prometheus`): the scraper is admitted to it.
    this.ingressPolicy = new ComponentIngressPolicy(this, 'network-policy', {
      name, namespace: ns, labels, podSelector: selector,
      ports: { http: [{ port: HTTP_PORT }] },
    });
    this.ingressPolicy.allow('http', { podLabels: { [this.clientLabel.key]: this.clientLabel.value }, anyNamespace: true });
    this.scrapeTarget = { jobName: name, namespace: ns, podSelector: selector, port: HTTP_PORT, path: '/actuator/prometheus', allowScraper: peer => this.ingressPolicy.allow('http', peer) };
  }
}
