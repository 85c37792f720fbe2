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
import { SCHEMA_REGISTRY_JMX_RULES } from '../observability/component-jmx-rules';
import { JMX_AGENT_PORT_NAME } from '../observability/jmx-agent';
import { ScrapeTarget } from '../observability/scrape-target';
import { AclOperation, ContainerResources, IKafkaCluster, KafkaUserCredentials } from '../types';
import { ECOSYSTEM_IMAGES } from './images';
import { addJmxAgent, JmxAgentOptions } from './jmx-agent';
import { JVM_HEAP_FROM_LIMIT, kafkaClientSecurity } from './kafka-client';
import { compactedTopic, declareInternalTopic, internalTopicReplicationFactor, minIsrFor } from './kafka-topics';
import { acl, GROUP_MEMBER, TOPIC_READ_WRITE } from '../acls/acl-builders';

const DEFAULT_RESOURCES = { cpuRequest: '250m', cpuLimit: '1', memory: '1Gi' };

export type SchemaCompatibility = 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE' | 'NONE';

export interface SchemaRegistryProps {
  /** The Kafka cluster that stores the schemas. */
  readonly cluster: IKafkaCluster;
  /** Name of the Deployment, Service and Kafka user. @default `<clusterName>-schema-registry` */
  readonly name?: string;
  /** @default ECOSYSTEM_IMAGES.schemaRegistry (confluentinc/cp-schema-registry, pinned) */
  readonly image?: string;
  /** At least 2 in the production profile. @default 2 */
  readonly replicas?: number;
  /** @default 250m/1 CPU, 1Gi */
  readonly resources?: ContainerResources;
  /** Kafka topic holding the schemas. Must be unique per Schema Registry cluster. @default `_schemas` */
  readonly topicName?: string;
  /** @default 3 (the broker count, at most 3, in the development profile) */
  readonly topicReplicationFactor?: number;
  /** @default topicReplicationFactor - 1 */
  readonly topicMinInsyncReplicas?: number;
  /** Default compatibility level for new subjects. @default 'BACKWARD' */
  readonly compatibility?: SchemaCompatibility;
  /** JMX exporter agent for metrics. @default - jmx_prometheus_javaagent 1.0.1 from Maven Central */
  readonly jmxAgent?: JmxAgentOptions;
}

const HTTP_PORT = 8081;
const CONFLUENT_UID = 1000;

/**
 * Confluent Schema Registry: 2+ replicas spread over nodes and zones, a PDB,
 * HTTP probes, its own SCRAM user and a compacted RF 3 `_schemas` topic.
 * Replicas elect a primary through the Kafka group protocol, so any replica
 * serves reads and forwards writes.
 */
export class SchemaRegistry extends Construct {
  /** In-cluster URL clients use (`http://<service>.<namespace>.svc:8081`). */
  public readonly url: string;
  public readonly serviceName: string;
  public readonly credentials: KafkaUserCredentials;
  public readonly topicName: string;
  public readonly scrapeTarget: ScrapeTarget;
  public readonly podSelector: Record<string, string>;
  /** Label a pod (in any namespace) needs to reach the HTTP API; NetworkPolicy `<name>-ingress` admits nobody else but the replicas and the peers added with `allowHttpFrom`. */
  public readonly clientLabel: { readonly key: string; readonly value: string };
  /** The Schema Registry pods, as a NetworkPolicy peer of other components. */
  public readonly podPeer: IngressPeer;
  private readonly ingressPolicy: ComponentIngressPolicy;

  constructor(scope: Construct, id: string, props: SchemaRegistryProps) {
    super(scope, id);
    const cluster = props.cluster;
    const path = this.node.path;
    const name = props.name ?? `${cluster.clusterName}-schema-registry`;
    validateDnsName(path, 'name', name);
    const image = props.image ?? ECOSYSTEM_IMAGES.schemaRegistry;
    assertPinnedImage(path, 'image', image);
    assertResourceQuantities(path, 'resources', props.resources, DEFAULT_RESOURCES);
    const replicas = props.replicas ?? 2;
    validateReplicas(cluster.profile, path, 'replicas', replicas, 2);

    this.topicName = props.topicName ?? '_schemas';
    const rf = internalTopicReplicationFactor(cluster, props.topicReplicationFactor);
    // One partition: the schema log is a totally ordered log of all schema writes.
    declareInternalTopic(cluster, path, { replicationFactor: 'topicReplicationFactor', minInsyncReplicas: 'topicMinInsyncReplicas' },
      compactedTopic(this.topicName, 1, rf, props.topicMinInsyncReplicas ?? minIsrFor(rf)));

    // Least privilege: its own topic and its own group (primary election), nothing else.
    this.credentials = cluster.addUser(name, {
      // Its config names the mechanism (cluster.saslMechanism), not the Secret: no password rotation for it.
      fixedScramMechanism: true,
      acls: [
        acl.topic(this.topicName, ...TOPIC_READ_WRITE),
        acl.group(name, ...GROUP_MEMBER),
        acl.cluster(AclOperation.DESCRIBE),
      ],
    });
    const { selector, all: labels } = componentLabels(cluster.clusterName, 'schema-registry', name);
    this.podSelector = selector;
    const ns = cluster.namespace;

    const jmx = addJmxAgent(this, {
      name, namespace: ns, labels, image, options: props.jmxAgent,
      rules: SCHEMA_REGISTRY_JMX_RULES,
    });

    const kafkaSecurity = kafkaClientSecurity(cluster, this.credentials, 'SCHEMA_REGISTRY_KAFKASTORE_');
    const env = [
      fieldEnv('SCHEMA_REGISTRY_HOST_NAME', 'status.podIP'),
      plainEnv('SCHEMA_REGISTRY_LISTENERS', `http://0.0.0.0:${HTTP_PORT}`),
      plainEnv('SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS', cluster.internalBootstrapServers),
      ...kafkaSecurity.env,
      plainEnv('SCHEMA_REGISTRY_KAFKASTORE_TOPIC', this.topicName),
      plainEnv('SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR', String(rf)),
      plainEnv('SCHEMA_REGISTRY_SCHEMA_REGISTRY_GROUP_ID', name),
      plainEnv('SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL', (props.compatibility ?? 'BACKWARD').toLowerCase()),
      plainEnv('SCHEMA_REGISTRY_HEAP_OPTS', JVM_HEAP_FROM_LIMIT),
      plainEnv('SCHEMA_REGISTRY_OPTS', jmx.javaAgentArg),
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
            securityContext: restrictedPodSecurityContext(CONFLUENT_UID),
            ...haPlacement(selector, cluster.profile),
            initContainers: [jmx.initContainer],
            containers: [{
              name: 'schema-registry',
              image,
              ports: [{ name: 'http', containerPort: HTTP_PORT, protocol: 'TCP' }, { name: JMX_AGENT_PORT_NAME, containerPort: jmx.port, protocol: 'TCP' }],
              env,
              resources: containerResources(props.resources, DEFAULT_RESOURCES),
              // `/subjects` answers only once the registry has read the schema log.
              ...httpProbes('/subjects', 'http', 120),
              volumeMounts: [...jmx.volumeMounts, ...kafkaSecurity.volumeMounts],
              securityContext: restrictedContainerSecurityContext(),
            }],
            volumes: [...jmx.volumes, ...kafkaSecurity.volumes],
          },
        },
      },
    });
    addPodDisruptionBudget(this, name, ns, labels, selector);
    this.serviceName = name;
    addService(this, 'service', { name, namespace: ns, labels, selector, ports: [{ name: 'http', port: HTTP_PORT, targetPort: 'http' }] });
    this.url = `http://${name}.${ns}.svc:${HTTP_PORT}`;
    this.clientLabel = clientLabelFor(name);
    this.podPeer = { podLabels: selector, namespace: ns };
    this.ingressPolicy = new ComponentIngressPolicy(this, 'network-policy', {
      name, namespace: ns, labels, podSelector: selector,
      ports: { http: [{ port: HTTP_PORT }], metrics: [{ port: jmx.port }] },
    });
    // Followers forward writes to the elected primary over the HTTP API.
    this.ingressPolicy.allow('http', this.podPeer);
    this.ingressPolicy.allow('http', { podLabels: { [this.clientLabel.key]: this.clientLabel.value }, anyNamespace: true });
    this.scrapeTarget = { jobName: name, namespace: ns, podSelector: selector, port: jmx.port, allowScraper: peer => this.ingressPolicy.allow('metrics', peer) };
  }

  /** Lets `peer` (e.g. Connect workers using the Avro converter) call the HTTP API. */
  public allowHttpFrom(peer: IngressPeer): void {
    this.ingressPolicy.allow('http', peer);
  }
}
