import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { addPodDisruptionBudget } from '../k8s/disruption-budget';
import { fieldEnv, plainEnv } from '../k8s/env';
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
import { KSQLDB_JMX_RULES } from '../observability/component-jmx-rules';
import { JMX_AGENT_PORT_NAME } from '../observability/jmx-agent';
import { ScrapeTarget } from '../observability/scrape-target';
import { AclOperation, ContainerResources, IKafkaCluster, KafkaUserCredentials } from '../types';
import { ECOSYSTEM_IMAGES } from './images';
import { addJmxAgent, JmxAgentOptions } from './jmx-agent';
import { JVM_HEAP_FROM_LIMIT, kafkaClientSecurity } from './kafka-client';
import { declareInternalTopic, internalTopicReplicationFactor, minIsrFor } from './kafka-topics';
import { acl } from '../acls/acl-builders';

const DEFAULT_RESOURCES = { cpuRequest: '500m', cpuLimit: '2', memory: '2Gi' };

export interface KsqlDbProps {
  readonly cluster: IKafkaCluster;
  /** @default `<clusterName>-ksqldb` */
  readonly name?: string;
  /** @default ECOSYSTEM_IMAGES.ksqlDb (confluentinc/cp-ksqldb-server, pinned) */
  readonly image?: string;
  /** At least 2 in the production profile. @default 2 */
  readonly replicas?: number;
  /** @default 500m/2 CPU, 2Gi */
  readonly resources?: ContainerResources;
  /** `ksql.service.id`; prefixes the internal topics. @default `<name>_` */
  readonly serviceId?: string;
  /** RF of the command topic, processing log and Kafka Streams internal topics. @default 3 (broker count, at most 3, in development) */
  readonly topicReplicationFactor?: number;
  /** @default topicReplicationFactor - 1 */
  readonly topicMinInsyncReplicas?: number;
  /** Schema Registry URL for Avro/Protobuf/JSON_SR formats. @default - none */
  readonly schemaRegistryUrl?: string;
  /** @default - jmx_prometheus_javaagent 1.0.1 from Maven Central */
  readonly jmxAgent?: JmxAgentOptions;
}

const HTTP_PORT = 8088;
const CONFLUENT_UID = 1000;

/**
 * ksqlDB server cluster: 2+ replicas sharing one service id (queries are
 * distributed over them, with a standby replica of each state store), its
 * own SCRAM user, and RF 3 internal topics declared on the cluster.
 */
export class KsqlDb extends Construct {
  public readonly url: string;
  public readonly credentials: KafkaUserCredentials;
  public readonly serviceId: string;
  public readonly commandTopic: string;
  public readonly processingLogTopic: string;
  public readonly scrapeTarget: ScrapeTarget;
  public readonly podSelector: Record<string, string>;
  /** Label a pod (in any namespace) needs to reach the HTTP API (NetworkPolicy `<name>-ingress`). */
  public readonly clientLabel: { readonly key: string; readonly value: string };
  /** The ksqlDB pods, as a NetworkPolicy peer of other components (Schema Registry). */
  public readonly podPeer: IngressPeer;
  private readonly ingressPolicy: ComponentIngressPolicy;

  constructor(scope: Construct, id: string, props: KsqlDbProps) {
    super(scope, id);
    const cluster = props.cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-ksqldb`;
    validateDnsName(path, 'name', name);
    const image = props.image ?? ECOSYSTEM_IMAGES.ksqlDb;
    assertPinnedImage(path, 'image', image);
    assertResourceQuantities(path, 'resources', props.resources, DEFAULT_RESOURCES);
    const replicas = props.replicas ?? 2;
    validateReplicas(cluster.profile, path, 'replicas', replicas, 2);
    const ns = cluster.namespace;

    this.serviceId = props.serviceId ?? `${name.replace(/-/g, '_')}_`;
    const rf = internalTopicReplicationFactor(cluster, props.topicReplicationFactor);
    const minIsr = props.topicMinInsyncReplicas ?? minIsrFor(rf);
    const topicProps = { replicationFactor: 'topicReplicationFactor', minInsyncReplicas: 'topicMinInsyncReplicas' };
    // The command topic is ksqlDB's write-ahead log of statements: one partition, kept forever.
    this.commandTopic = `_confluent-ksql-${this.serviceId}_command_topic`;
    declareInternalTopic(cluster, path, topicProps, {
      name: this.commandTopic, partitions: 1, replicationFactor: rf,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'min.insync.replicas': String(minIsr) },
    });
    this.processingLogTopic = `${this.serviceId}ksql_processing_log`;
    declareInternalTopic(cluster, path, topicProps, {
      name: this.processingLogTopic, partitions: 1, replicationFactor: rf,
      config: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * 24 * 3600 * 1000), 'min.insync.replicas': String(minIsr) },
    });

    // Least privilege: everything under its own prefixes (command topic, processing log, Streams internals, groups).
    // Queries over application topics need those granted too: cluster.addUser(ksql.credentials.username, { acls }).
    this.credentials = cluster.addUser(name, {
      // Its config names the mechanism (cluster.saslMechanism), not the Secret: no password rotation for it.
      fixedScramMechanism: true,
      acls: [
        acl.topicPrefix(`_confluent-ksql-${this.serviceId}`, AclOperation.ALL),
        acl.topicPrefix(this.serviceId, AclOperation.ALL),
        acl.groupPrefix(`_confluent-ksql-${this.serviceId}`, AclOperation.ALL),
        acl.transactionalIdPrefix(this.serviceId, AclOperation.ALL),
        acl.cluster(AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS),
      ],
    });
    const { selector, all: labels } = componentLabels(cluster.clusterName, 'ksqldb', name);
    this.podSelector = selector;

    const jmx = addJmxAgent(this, {
      name, namespace: ns, labels, image, options: props.jmxAgent,
      rules: KSQLDB_JMX_RULES,
    });

    const kafkaSecurity = kafkaClientSecurity(cluster, this.credentials, 'KSQL_');
    const env = [
      fieldEnv('POD_IP', 'status.podIP'),
      plainEnv('KSQL_LISTENERS', `http://0.0.0.0:${HTTP_PORT}`),
      // Pull queries are forwarded between servers by this address.
      plainEnv('KSQL_KSQL_ADVERTISED_LISTENER', `http://$(POD_IP):${HTTP_PORT}`),
      plainEnv('KSQL_BOOTSTRAP_SERVERS', cluster.internalBootstrapServers),
      ...kafkaSecurity.env,
      plainEnv('KSQL_KSQL_SERVICE_ID', this.serviceId),
      plainEnv('KSQL_KSQL_INTERNAL_TOPIC_REPLICAS', String(rf)),
      plainEnv('KSQL_KSQL_INTERNAL_TOPIC_MIN_INSYNC_REPLICAS', String(minIsr)),
      plainEnv('KSQL_KSQL_STREAMS_REPLICATION_FACTOR', String(rf)),
      plainEnv('KSQL_KSQL_STREAMS_PRODUCER_ACKS', 'all'),
      plainEnv('KSQL_KSQL_STREAMS_NUM_STANDBY_REPLICAS', '1'),
      plainEnv('KSQL_KSQL_QUERY_PULL_ENABLE_STANDBY_READS', 'true'),
      plainEnv('KSQL_KSQL_HEARTBEAT_ENABLE', 'true'),
      plainEnv('KSQL_KSQL_LAG_REPORTING_ENABLE', 'true'),
      plainEnv('KSQL_KSQL_STREAMS_STATE_DIR', '/var/lib/ksqldb/state'),
      plainEnv('KSQL_KSQL_LOGGING_PROCESSING_TOPIC_NAME', this.processingLogTopic),
      plainEnv('KSQL_KSQL_LOGGING_PROCESSING_TOPIC_AUTO_CREATE', 'false'),
      plainEnv('KSQL_KSQL_LOGGING_PROCESSING_STREAM_AUTO_CREATE', 'true'),
      plainEnv('KSQL_KSQL_LOGGING_PROCESSING_TOPIC_REPLICATION_FACTOR', String(rf)),
      ...(props.schemaRegistryUrl ? [plainEnv('KSQL_KSQL_SCHEMA_REGISTRY_URL', props.schemaRegistryUrl)] : []),
      plainEnv('KSQL_HEAP_OPTS', JVM_HEAP_FROM_LIMIT),
      plainEnv('KSQL_OPTS', jmx.javaAgentArg),
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
            terminationGracePeriodSeconds: 60,
            securityContext: restrictedPodSecurityContext(CONFLUENT_UID),
            ...haPlacement(selector, cluster.profile),
            initContainers: [jmx.initContainer],
            containers: [{
              name: 'ksqldb',
              image,
              ports: [{ name: 'http', containerPort: HTTP_PORT, protocol: 'TCP' }, { name: JMX_AGENT_PORT_NAME, containerPort: jmx.port, protocol: 'TCP' }],
              env,
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              ...httpProbes('/info', 'http', 180),
              volumeMounts: [...jmx.volumeMounts, { name: 'state', mountPath: '/var/lib/ksqldb' }, ...kafkaSecurity.volumeMounts],
              securityContext: restrictedContainerSecurityContext(),
            }],
            // State stores are rebuilt from changelog topics (and standbys) after a reschedule.
            volumes: [...jmx.volumes, { name: 'state', emptyDir: { sizeLimit: '10Gi' } }, ...kafkaSecurity.volumes],
          },
        },
      },
    });
    addPodDisruptionBudget(this, name, ns, labels, selector);
    addService(this, 'service', { name, namespace: ns, labels, selector, ports: [{ name: 'http', port: HTTP_PORT, targetPort: 'http' }] });
    this.url = `http://${name}.${ns}.svc:${HTTP_PORT}`;
    this.clientLabel = clientLabelFor(name);
    this.podPeer = { podLabels: selector, namespace: ns };
    this.ingressPolicy = new ComponentIngressPolicy(this, 'network-policy', {
      name, namespace: ns, labels, podSelector: selector,
      ports: { http: [{ port: HTTP_PORT }], metrics: [{ port: jmx.port }] },
    });
    // Servers forward pull queries and send heartbeats/lag reports to each other over the HTTP API.
    this.ingressPolicy.allow('http', this.podPeer);
    this.ingressPolicy.allow('http', { podLabels: { [this.clientLabel.key]: this.clientLabel.value }, anyNamespace: true });
    this.scrapeTarget = { jobName: name, namespace: ns, podSelector: selector, port: jmx.port, allowScraper: peer => this.ingressPolicy.allow('metrics', peer) };
  }

  /** Lets `peer` (e.g. the web UI) call the HTTP API. */
  public allowHttpFrom(peer: IngressPeer): void {
    this.ingressPolicy.allow('http', peer);
  }
}
