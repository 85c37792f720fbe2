import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { addPodDisruptionBudget } from '../k8s/disruption-budget';
import { fieldEnv, plainEnv, secretEnv } from '../k8s/env';
import { hashOf } from '../k8s/hash';
import { assertPinnedImage } from '../k8s/image-pinning';
import { componentLabels } from '../k8s/labels';
import { validateDnsName } from '../k8s/names';
import { clientLabelFor, ComponentIngressPolicy, IngressPeer } from '../k8s/network-policy';
import { haPlacement } from '../k8s/placement';
import { httpProbes } from '../k8s/probes';
import { assertResourceQuantities, containerResources } from '../k8s/quantities';
import { propertiesMapProblems } from '../model/java-properties';
import { validateReplicas } from '../k8s/replicas';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../k8s/security-context';
import { addService } from '../k8s/service';
import { CONNECT_JMX_RULES } from '../observability/component-jmx-rules';
import { JMX_AGENT_PORT_NAME } from '../observability/jmx-agent';
import { ScrapeTarget } from '../observability/scrape-target';
import { AclOperation, ContainerResources, IKafkaCluster, KafkaAcl, KafkaUserCredentials } from '../types';
import { ConnectPlugin, CONNECT_PLUGIN_DIR } from './connect-plugin';
import {
  CONNECT_ADVERTISED_HOST_ENV, CONNECT_JAAS_ENV, CONNECT_REST_PORT_ENV, CONNECT_SECRETS_DIR, PROTECTED_WORKER_PROPERTIES, renderConnectWorkerProperties,
} from './connect-worker-config';
import { renderConnectorConfigJson, SUBMIT_CONNECTORS_SCRIPT } from './connector-submission';
import { ECOSYSTEM_IMAGES } from './images';
import { addJmxAgent, JmxAgentOptions } from './jmx-agent';
import { JVM_HEAP_FROM_LIMIT, kafkaClientTransport } from './kafka-client';
import { compactedTopic, declareInternalTopic, internalTopicReplicationFactor, minIsrFor } from './kafka-topics';
import { acl, GROUP_MEMBER, TOPIC_READ_WRITE } from '../acls/acl-builders';

const DEFAULT_RESOURCES = { cpuRequest: '500m', cpuLimit: '2', memory: '2Gi' };

export interface KafkaConnectProps {
  readonly cluster: IKafkaCluster;
  /** Name of the Deployment, Service, Kafka user and Connect group. @default `<clusterName>-connect` */
  readonly name?: string;
  /** Worker image; may be one with plugins baked in. @default ECOSYSTEM_IMAGES.kafkaConnect (confluentinc/cp-kafka-connect, pinned) */
  readonly image?: string;
  /** At least 2 in the production profile. @default 2 */
  readonly replicas?: number;
  /** @default 500m/2 CPU, 2Gi */
  readonly resources?: ContainerResources;
  /** Plugins installed into the plugin path before the worker starts. @default [] */
  readonly plugins?: ConnectPlugin[];
  /** Extra `connect-distributed.properties` entries (converters, ...). Security, topic and group settings are owned by this construct. @default {} */
  readonly workerConfig?: Record<string, string>;
  /** @default 3 (the broker count, at most 3, in the development profile) */
  readonly topicReplicationFactor?: number;
  /** @default topicReplicationFactor - 1 */
  readonly topicMinInsyncReplicas?: number;
  /** Partitions of the offsets topic. @default 25 (Connect's recommendation) */
  readonly offsetTopicPartitions?: number;
  /** Partitions of the status topic. @default 5 (Connect's recommendation) */
  readonly statusTopicPartitions?: number;
  /** JMX exporter agent for metrics. @default - jmx_prometheus_javaagent 1.0.1 from Maven Central */
  readonly jmxAgent?: JmxAgentOptions;
}

/** A Kubernetes Secret key that becomes a connector config value. */
export interface ConnectorSecretRef {
  readonly secretName: string;
  readonly key: string;
}

/** What `KafkaConnector` registers with its Connect cluster. */
export interface ConnectorRegistration {
  readonly name: string;
  /** The full config sent to Connect, secrets already replaced by `${dir:...}` references. */
  readonly config: Record<string, string>;
  readonly secretNames: string[];
  /** What the workers need to run it (topics, its group). @default [] */
  readonly acls?: KafkaAcl[];
}

const REST_PORT = 8083;
const CONFLUENT_UID = 1000;

/**
 * Kafka Connect in distributed mode: 2+ workers (anti-affinity, zone
 * spread, PDB), its own SCRAM user, the config/offsets/status topics
 * (compacted, RF 3, 1/25/5 partitions), plugins installed by init
 * containers, and `KafkaConnector`s applied idempotently by a Job through
 * the REST API.
 *
 * The worker configuration lives in the ConfigMap `<name>-worker-config`
 * (key `connect-distributed.properties`) and contains no secret.
 */
export class KafkaConnect extends Construct {
  public readonly cluster: IKafkaCluster;
  public readonly connectName: string;
  public readonly namespace: string;
  /** In-cluster REST URL. */
  public readonly url: string;
  public readonly credentials: KafkaUserCredentials;
  public readonly image: string;
  public readonly workerConfigMapName: string;
  /** ConfigMap with `submit-connectors.sh` and one `<connector>.json` per connector. */
  public readonly connectorsConfigMapName: string;
  public readonly topics: { readonly config: string; readonly offset: string; readonly status: string };
  public readonly scrapeTarget: ScrapeTarget;
  public readonly podSelector: Record<string, string>;
  /**
   * Pod label that lets a pod (in any namespace) call the Connect REST API;
   * a NetworkPolicy admits only the workers themselves and pods with it.
   * The submission Job and the Kafbat UI carry it.
   */
  public readonly restClientLabel: { readonly key: string; readonly value: string };
  /** The worker pods, as a NetworkPolicy peer of other components (Schema Registry). */
  public readonly podPeer: IngressPeer;
  private readonly ingressPolicy: ComponentIngressPolicy;
  private readonly connectors = new Map<string, ConnectorRegistration>();
  private readonly labels: Record<string, string>;
  private submission?: ApiObject;

  constructor(scope: Construct, id: string, props: KafkaConnectProps) {
    super(scope, id);
    const cluster = props.cluster;
    this.cluster = cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-connect`;
    validateDnsName(path, 'name', name, 40);
    this.connectName = name;
    this.image = props.image ?? ECOSYSTEM_IMAGES.kafkaConnect;
    assertPinnedImage(path, 'image', this.image);
    assertResourceQuantities(path, 'resources', props.resources, DEFAULT_RESOURCES);
    const replicas = props.replicas ?? 2;
    validateReplicas(cluster.profile, path, 'replicas', replicas, 2);
    const ns = cluster.namespace;
    this.namespace = ns;

    // One line per entry in connect-distributed.properties: no key or value may add, drop or rename a line.
    const [badEntry] = propertiesMapProblems('workerConfig', props.workerConfig);
    if (badEntry) throw new KafkaPlatformValidationError(path, badEntry.prop, badEntry.problem, badEntry.fix);
    for (const key of Object.keys(props.workerConfig ?? {})) {
      if (PROTECTED_WORKER_PROPERTIES.includes(key) || key.startsWith('config.providers')) {
        throw new KafkaPlatformValidationError(path, `workerConfig["${key}"]`, 'is managed by KafkaConnect (security, internal topics or secret providers)', `remove "${key}" from workerConfig; use the matching KafkaConnect prop instead`);
      }
      if (/password|secret/i.test(key)) {
        throw new KafkaPlatformValidationError(path, `workerConfig["${key}"]`, 'looks like a secret, and workerConfig is stored in a ConfigMap', 'reference a mounted Secret with ${dir:...} in a KafkaConnector, or bake it into the image');
      }
    }

    // Internal topics: one config partition (Connect requires it), offsets 25 and status 5 as Connect recommends.
    const rf = internalTopicReplicationFactor(cluster, props.topicReplicationFactor);
    const minIsr = props.topicMinInsyncReplicas ?? minIsrFor(rf);
    this.topics = { config: `${name}-configs`, offset: `${name}-offsets`, status: `${name}-status` };
    const offsetPartitions = props.offsetTopicPartitions ?? 25;
    const statusPartitions = props.statusTopicPartitions ?? 5;
    const topicProps = { replicationFactor: 'topicReplicationFactor', minInsyncReplicas: 'topicMinInsyncReplicas' };
    declareInternalTopic(cluster, path, topicProps, compactedTopic(this.topics.config, 1, rf, minIsr));
    declareInternalTopic(cluster, path, topicProps, compactedTopic(this.topics.offset, offsetPartitions, rf, minIsr));
    declareInternalTopic(cluster, path, topicProps, compactedTopic(this.topics.status, statusPartitions, rf, minIsr));

    // Least privilege: its internal topics and its own group; each KafkaConnector adds the topics it names.
    this.credentials = cluster.addUser(name, {
      // Its config names the mechanism (cluster.saslMechanism), not the Secret: no password rotation for it.
      fixedScramMechanism: true,
      acls: [
        acl.topic(this.topics.config, ...TOPIC_READ_WRITE),
        acl.topic(this.topics.offset, ...TOPIC_READ_WRITE),
        acl.topic(this.topics.status, ...TOPIC_READ_WRITE),
        acl.group(name, ...GROUP_MEMBER),
        acl.cluster(AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS),
      ],
    });
    const { selector, all: labels } = componentLabels(cluster.clusterName, 'kafka-connect', name);
    this.labels = labels;
    this.podSelector = selector;

    this.workerConfigMapName = `${name}-worker-config`;
    const transport = kafkaClientTransport(cluster);
    const { 'security.protocol': securityProtocol, ...sslProperties } = transport.properties;
    new ApiObject(this, 'worker-config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: this.workerConfigMapName, namespace: ns, labels },
      data: {
        'connect-distributed.properties': renderConnectWorkerProperties({
          bootstrapServers: cluster.internalBootstrapServers,
          securityProtocol,
          saslMechanism: cluster.saslMechanism,
          sslProperties,
          groupId: name,
          configTopic: this.topics.config,
          offsetTopic: this.topics.offset,
          statusTopic: this.topics.status,
          replicationFactor: rf,
          offsetPartitions,
          statusPartitions,
          overrides: props.workerConfig,
        }),
      },
    });

    const jmx = addJmxAgent(this, {
      name, namespace: ns, labels, image: this.image, options: props.jmxAgent,
      rules: CONNECT_JMX_RULES,
    });

    const plugins = props.plugins ?? [];
    const pluginNames = new Set<string>();
    plugins.forEach((p, i) => {
      if (pluginNames.has(p.name)) {
        throw new KafkaPlatformValidationError(path, `plugins[${i}].name`, `plugin name "${p.name}" is used twice`, 'give each plugin its own name');
      }
      pluginNames.add(p.name);
    });
    const pluginInits = plugins.map((p, i) => p.initContainer(this.image, path, `plugins[${i}]`));

    const secretNames = (): string[] => [...new Set([...this.connectors.values()].flatMap(c => c.secretNames))].sort();
    const command = [
      '/bin/sh', '-c',
      // The CP image's own entrypoint would rebuild the config from CONNECT_* env vars; run the worker on the ConfigMap instead.
      'exec connect-distributed /etc/kafka-connect/connect-distributed.properties',
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
          metadata: { labels: { ...labels, [cluster.clientAccessLabel.key]: cluster.clientAccessLabel.value } },
          spec: {
            automountServiceAccountToken: false,
            // Let in-flight tasks commit offsets and leave the group cleanly.
            terminationGracePeriodSeconds: 60,
            securityContext: restrictedPodSecurityContext(CONFLUENT_UID),
            ...haPlacement(selector, cluster.profile),
            initContainers: [jmx.initContainer, ...pluginInits],
            containers: [{
              name: 'connect',
              image: this.image,
              command,
              ports: [{ name: 'http', containerPort: REST_PORT, protocol: 'TCP' }, { name: JMX_AGENT_PORT_NAME, containerPort: jmx.port, protocol: 'TCP' }],
              env: [
                secretEnv(CONNECT_JAAS_ENV, this.credentials.secretName, this.credentials.jaasConfigKey),
                fieldEnv(CONNECT_ADVERTISED_HOST_ENV, 'status.podIP'),
                plainEnv(CONNECT_REST_PORT_ENV, String(REST_PORT)),
                plainEnv('KAFKA_HEAP_OPTS', JVM_HEAP_FROM_LIMIT),
                plainEnv('KAFKA_OPTS', jmx.javaAgentArg),
                plainEnv('KAFKA_LOG4J_OPTS', '-Dlog4j.configuration=file:/etc/kafka/connect-log4j.properties'),
              ],
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              ...httpProbes('/connectors', 'http', 180),
              volumeMounts: Lazy.any({
                produce: () => [
                  { name: 'worker-config', mountPath: '/etc/kafka-connect', readOnly: true },
                  { name: 'connect-plugins', mountPath: CONNECT_PLUGIN_DIR, readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                  // Always present: the DirectoryConfigProvider refuses to start on a missing allowed path.
                  { name: 'connect-secrets', mountPath: CONNECT_SECRETS_DIR, readOnly: true },
                  ...jmx.volumeMounts,
                  ...transport.volumeMounts,
                  ...secretNames().map(s => ({ name: `secret-${s}`, mountPath: `${CONNECT_SECRETS_DIR}/${s}`, readOnly: true })),
                ],
              }),
              securityContext: restrictedContainerSecurityContext(),
            }],
            volumes: Lazy.any({
              produce: () => [
                { name: 'worker-config', configMap: { name: this.workerConfigMapName } },
                { name: 'connect-plugins', emptyDir: { sizeLimit: '2Gi' } },
                { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } },
                { name: 'connect-secrets', emptyDir: { sizeLimit: '1Mi' } },
                ...jmx.volumes,
                ...transport.volumes,
                ...secretNames().map(s => ({ name: `secret-${s}`, secret: { secretName: s, defaultMode: 0o440 } })),
              ],
            }),
          },
        },
      },
    });
    addPodDisruptionBudget(this, name, ns, labels, selector);
    addService(this, 'service', { name, namespace: ns, labels, selector, ports: [{ name: 'http', port: REST_PORT, targetPort: 'http' }] });
    this.url = `http://${name}.${ns}.svc:${REST_PORT}`;
    this.restClientLabel = clientLabelFor(name, 'rest-client');
    this.podPeer = { podLabels: selector, namespace: ns };
    // The REST API can create connectors that read the mounted Secrets: only the workers (request forwarding) and labelled clients reach it.
    this.ingressPolicy = new ComponentIngressPolicy(this, 'network-policy', {
      name, namespace: ns, labels, podSelector: selector,
      ports: { http: [{ port: REST_PORT }], metrics: [{ port: jmx.port }] },
    });
    this.ingressPolicy.allow('http', this.podPeer);
    this.ingressPolicy.allow('http', { podLabels: { [this.restClientLabel.key]: this.restClientLabel.value }, anyNamespace: true });
    this.connectorsConfigMapName = `${name}-connectors`;
    this.scrapeTarget = { jobName: name, namespace: ns, podSelector: selector, port: jmx.port, allowScraper: peer => this.ingressPolicy.allow('metrics', peer) };
  }

  /** Registered connectors, by name (sorted). */
  public get connectorRegistrations(): ConnectorRegistration[] {
    return [...this.connectors.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Called by `KafkaConnector`. */
  public registerConnector(ownerPath: string, registration: ConnectorRegistration): void {
    if (this.connectors.has(registration.name)) {
      throw new KafkaPlatformValidationError(ownerPath, 'name', `connector "${registration.name}" is declared twice on ${this.node.path}`, 'give each KafkaConnector a unique name');
    }
    this.connectors.set(registration.name, registration);
    if ((registration.acls ?? []).length > 0) this.cluster.addUser(this.credentials.username, { acls: registration.acls });
    if (!this.submission) this.submission = this.addConnectorSubmission();
  }

  /** Files of the connectors ConfigMap: the script plus one JSON body per connector. */
  public renderConnectorFiles(): Record<string, string> {
    const files: Record<string, string> = { 'submit-connectors.sh': SUBMIT_CONNECTORS_SCRIPT };
    for (const c of this.connectorRegistrations) files[`${c.name}.json`] = renderConnectorConfigJson(c.config);
    return files;
  }

  private addConnectorSubmission(): ApiObject {
    const ns = this.namespace;
    // Own labels: the Job's pod must not match the workers' Service, PDB or anti-affinity selectors.
    const jobLabels = componentLabels(this.cluster.clusterName, 'kafka-connect-connectors', `${this.connectName}-connectors`).all;
    new ApiObject(this, 'connectors-config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: this.connectorsConfigMapName, namespace: ns, labels: this.labels },
      data: Lazy.any({ produce: () => this.renderConnectorFiles() }),
    });
    // A Job's pod template is immutable, so the name carries a hash of the
    // connector configs: a change yields a new Job that re-applies everything.
    const contentHash = (): string => hashOf(this.renderConnectorFiles()).slice(0, 10);
    return new ApiObject(this, 'connectors-job', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: Lazy.any({ produce: () => `${this.connectName}-connectors-${contentHash()}` }), namespace: ns, labels: jobLabels },
      spec: {
        backoffLimit: 6,
        ttlSecondsAfterFinished: 86400,
        template: {
          metadata: { labels: { ...jobLabels, [this.restClientLabel.key]: this.restClientLabel.value } },
          spec: {
            restartPolicy: 'OnFailure',
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(CONFLUENT_UID),
            containers: [{
              name: 'submit-connectors',
              image: this.image,
              command: ['/bin/sh', '/etc/kafka-connect/connectors/submit-connectors.sh'],
              env: [plainEnv('CONNECT_URL', this.url), plainEnv('CONNECTORS_DIR', '/etc/kafka-connect/connectors')],
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
              volumeMounts: [{ name: 'connectors', mountPath: '/etc/kafka-connect/connectors', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
              securityContext: restrictedContainerSecurityContext(),
            }],
            volumes: [{ name: 'connectors', configMap: { name: this.connectorsConfigMapName } }, { name: 'tmp', emptyDir: { sizeLimit: '16Mi' } }],
          },
        },
      },
    });
  }
}
