import * as crypto from 'crypto';
import * as net from 'net';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../errors';
import { CONTROLLER_CLUSTER_DEFAULT_KEYS, haBrokerDefaults, renderProperties } from './broker-config';
import { deriveKraftClusterId } from './cluster-id';
import { KAFKA_DEFAULT_IMAGES, KAFKA_PATHS, KAFKA_PORTS } from './constants';
import { loadBalancerServiceFields } from './load-balancer';
import { KAFKA_LOG4J2_YAML, KAFKA_LOG4J_PROPERTIES, ZOOKEEPER_LOGBACK_XML } from './logging';
import { JMX_EXPORTER_AGENT, renderJmxExporterConfig } from './metrics/jmx-exporter';
import { brokerNodeIdScheme, controllerNodeIdScheme, nodeId, NodeIdScheme, replicasInZone } from './node-ids';
import { containerSecurityContext, heapMebibytes, podSecurityContext, resolveResources, ResolvedResources, resourceRequirements } from './pod-spec';
import { Finding, KafkaRuleContext, replicasAfterZoneLoss, runRulePack } from './rules';
import { MIN_TERMINATION_GRACE_PERIOD_SECONDS } from './rules/controlled-shutdown';
import { kafkaScript } from './scripts';
import { SynthTimeApiObject } from './synth-time-object';
import { isValidTopicName, knownTopicConfigs } from './topic-configs';
import {
  ContainerResources, ExternalEndpoint, ExternalListenerOptions, IKafkaCluster, KafkaMetadataMode, KafkaProfile,
  KafkaUserCredentials, LoadBalancerProvider, NodePlacement, TopicRequirement, VolumeSpec,
} from './types';

/** Broker pool options. */

/** Label the default NetworkPolicies require of the metrics scraper (see `KafkaNetworkPolicyOptions.monitoringPodSelector`). */
export const DEFAULT_METRICS_SCRAPER_LABELS: Readonly<Record<string, string>> = { 'kafka-platform.io/metrics-scraper': 'true' };

export interface KafkaBrokerOptions {
  /** Number of brokers; spread evenly over the zones. @default 3 */
  readonly replicas?: number;
  /** Log volume of each broker. @default { size: '100Gi' } */
  readonly storage?: VolumeSpec;
  /** @default { cpuRequest: '1', cpuLimit: '2', memory: '4Gi' } */
  readonly resources?: ContainerResources;
  /** `server.properties` overrides, validated against the HA invariants. @default {} */
  readonly config?: Record<string, string>;
  /** Seconds Kubernetes waits after SIGTERM before killing a broker; controlled shutdown needs time to move leaders. @default 180 */
  readonly terminationGracePeriodSeconds?: number;
  /** Fraction of the memory limit given to the JVM heap; the rest is page cache. @default 0.5 */
  readonly heapFraction?: number;
}

/** KRaft controller quorum options. */
export interface KafkaControllerOptions {
  /** 3 or 5. @default 3 */
  readonly replicas?: number;
  /** Metadata volume of each controller. @default { size: '20Gi' } */
  readonly storage?: VolumeSpec;
  /** @default { cpuRequest: '500m', cpuLimit: '1', memory: '2Gi' } */
  readonly resources?: ContainerResources;
  /** Controller `server.properties` overrides. @default {} */
  readonly config?: Record<string, string>;
}

/** ZooKeeper ensemble options (metadataMode ZOOKEEPER only). */
export interface ZooKeeperOptions {
  /** 3 or 5. @default 3 */
  readonly replicas?: number;
  /** Data volume of each ZooKeeper node. @default { size: '20Gi' } */
  readonly storage?: VolumeSpec;
  /** @default { cpuRequest: '250m', cpuLimit: '1', memory: '1Gi' } */
  readonly resources?: ContainerResources;
}

/** Who may reach which port. */
export interface KafkaNetworkPolicyOptions {
  /** Emit NetworkPolicies. Turning them off is a relaxed invariant (an error in PRODUCTION, a warning in DEVELOPMENT). @default true */
  readonly enabled?: boolean;
  /** Namespace of the Prometheus that scrapes the metrics port. @default 'monitoring' */
  readonly monitoringNamespace?: string;
  /**
   * Pod labels of the metrics scraper in `monitoringNamespace`. `KafkaMonitoring`'s Prometheus carries
   * them; a Prometheus of your own needs them too. `{}` admits every pod of `monitoringNamespace`.
   * @default { 'kafka-platform.io/metrics-scraper': 'true' }
   */
  readonly monitoringPodSelector?: Record<string, string>;
}

/** SCRAM credential handling. */
export interface KafkaCredentialsOptions {
  /** Name of the inter-broker (admin) SCRAM user. @default 'admin' */
  readonly adminUsername?: string;
  /**
   * Existing Secrets (keys `password` and `sasl.jaas.config`) by user name, used
   * instead of `<cluster>-user-<name>`. They must exist before the pods start.
   * @default {}
   */
  readonly existingSecrets?: Record<string, string>;
  /**
   * Run the in-cluster bootstrap Job that creates missing user Secrets with
   * random passwords. When false, every user's Secret must be supplied.
   * @default true
   */
  readonly createMissingSecrets?: boolean;
}

/** Container images, pinned by tag. */
export interface KafkaImageOptions {
  /** @default 'apache/kafka:4.1.1' (KRaft) or 'apache/kafka:3.9.1' (ZooKeeper mode) */
  readonly kafka?: string;
  /** @default 'zookeeper:3.8.4' */
  readonly zookeeper?: string;
  /** Image with bash, kubectl and openssl for the Secret bootstrap Job. @default 'alpine/k8s:1.33.5' */
  readonly secretsJob?: string;
  /** Image with curl and sha256sum that fetches the JMX exporter agent. @default 'curlimages/curl:8.11.1' */
  readonly agentFetcher?: string;
}

export interface KafkaClusterProps {
  /** Concrete zone label values (`topology.kubernetes.io/zone`) to spread over; they become `broker.rack`. */
  readonly zones: string[];
  /** @default 'kafka' */
  readonly namespace?: string;
  /** Prefix of every object name and the `app.kubernetes.io/instance` label. @default 'kafka' */
  readonly clusterName?: string;
  /** @default KafkaMetadataMode.KRAFT */
  readonly metadataMode?: KafkaMetadataMode;
  /** @default KafkaProfile.PRODUCTION */
  readonly profile?: KafkaProfile;
  /** @default - 3 brokers, see KafkaBrokerOptions */
  readonly brokers?: KafkaBrokerOptions;
  /** @default - 3 controllers, see KafkaControllerOptions */
  readonly controllers?: KafkaControllerOptions;
  /** @default - 3 nodes, see ZooKeeperOptions */
  readonly zookeeper?: ZooKeeperOptions;
  /** Default StorageClass of every volume (a VolumeSpec's own storageClassName wins). @default - the cluster's default StorageClass */
  readonly storageClassName?: string;
  /** @default - no node labels, no tolerations */
  readonly nodePlacement?: NodePlacement;
  /** @default - no external listener */
  readonly externalListener?: ExternalListenerOptions;
  /** Kafka image override (shorthand for images.kafka). @default see KafkaImageOptions */
  readonly image?: string;
  /** @default see KafkaImageOptions */
  readonly images?: KafkaImageOptions;
  /** Topics to create. @default [] */
  readonly topics?: TopicRequirement[];
  /** @default - NetworkPolicies on, scraper in namespace `monitoring` */
  readonly networkPolicy?: KafkaNetworkPolicyOptions;
  /** @default - Secrets created in-cluster by a bootstrap Job, admin user `admin` */
  readonly credentials?: KafkaCredentialsOptions;
  /** Kubernetes cluster DNS domain. @default 'cluster.local' */
  readonly clusterDomain?: string;
}

type Role = 'broker' | 'controller';

const ZONE_LABEL = 'topology.kubernetes.io/zone';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const USERNAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const LABEL_KEY_PREFIX = 'kafka-platform.io';

/**
 * A highly available Kafka cluster (KRaft by default) for any Kubernetes
 * cluster: brokers and controllers spread over zones, SCRAM authentication,
 * topics, NetworkPolicies and PodDisruptionBudgets. Every HA invariant is
 * checked at construction (see rules/).
 */
export class KafkaCluster extends Construct implements IKafkaCluster {
  public readonly constructPath: string;
  public readonly clusterName: string;
  public readonly namespace: string;
  public readonly metadataMode: KafkaMetadataMode;
  public readonly profile: KafkaProfile;
  public readonly zones: string[];
  public readonly brokerCount: number;
  public readonly defaultReplicationFactor: number;
  public readonly minInsyncReplicas: number;
  public readonly internalBootstrapServers: string;
  public readonly internalSecurityProtocol = 'SASL_PLAINTEXT';
  public readonly saslMechanism = 'SCRAM-SHA-512';
  public readonly externalBootstrapServers?: string;
  public readonly externalEndpoints: ExternalEndpoint[];
  public readonly brokerSelector: Record<string, string>;
  public readonly metadataQuorumSelector: Record<string, string>;
  public readonly clientAccessLabel: { readonly key: string; readonly value: string };
  public readonly metricsPort: number = KAFKA_PORTS.metrics;
  public readonly metricsPath = '/metrics';
  /** KRaft controllers, or ZooKeeper nodes in ZooKeeper mode. */
  public readonly metadataQuorumSize: number;
  /** Where the metrics scraper the NetworkPolicies admit to the metrics port lives (`networkPolicy.monitoringNamespace` / `monitoringPodSelector`). */
  public readonly metricsScraper: { readonly namespace: string; readonly podLabels?: Record<string, string> };

  /** KRaft cluster ID (derived from namespace and cluster name); undefined in ZooKeeper mode. */
  public readonly kraftClusterId?: string;
  /** Number of KRaft controllers (0 in ZooKeeper mode). */
  public readonly controllerCount: number;
  /** Number of ZooKeeper nodes (0 in KRaft mode). */
  public readonly zookeeperCount: number;
  /** Effective broker properties (HA defaults merged with `brokers.config`). */
  public readonly brokerConfig: Readonly<Record<string, string>>;
  /** The inter-broker/admin SCRAM user; its Secret is what the topic and user Jobs use. */
  public readonly adminCredentials: KafkaUserCredentials;
  /** Broker node IDs, in zone order then pod ordinal. */
  public readonly brokerNodeIds: number[];

  private readonly props: KafkaClusterProps;
  private readonly clusterDomain: string;
  private readonly kafkaImage: string;
  private readonly users = new Map<string, KafkaUserCredentials>();
  private readonly topics = new Map<string, TopicRequirement>();
  private readonly commonLabels: Record<string, string>;
  /** Props of the HA invariants the DEVELOPMENT profile relaxed; also written into the manifests. */
  private relaxedInvariants: string[] = [];
  /** Findings the user accepted through a `dangerously...` prop; printed, and written onto the objects they concern. */
  private acceptedRisks: Finding[] = [];

  constructor(scope: Construct, id: string, props: KafkaClusterProps) {
    super(scope, id);
    this.props = props;
    this.constructPath = this.node.path;
    this.clusterName = props.clusterName ?? 'kafka';
    this.namespace = props.namespace ?? 'kafka';
    this.metadataMode = props.metadataMode ?? KafkaMetadataMode.KRAFT;
    this.profile = props.profile ?? KafkaProfile.PRODUCTION;
    this.clusterDomain = props.clusterDomain ?? 'cluster.local';
    this.zones = [...(props.zones ?? [])];
    this.brokerCount = props.brokers?.replicas ?? 3;
    const kraft = this.metadataMode === KafkaMetadataMode.KRAFT;
    this.controllerCount = kraft ? props.controllers?.replicas ?? 3 : 0;
    this.zookeeperCount = kraft ? 0 : props.zookeeper?.replicas ?? 3;
    this.kafkaImage = props.image ?? props.images?.kafka ?? (kraft ? KAFKA_DEFAULT_IMAGES.kafkaKraft : KAFKA_DEFAULT_IMAGES.kafkaZooKeeper);
    this.metadataQuorumSize = kraft ? this.controllerCount : this.zookeeperCount;
    // Only the scraper, not every pod that happens to run in the monitoring namespace, reaches the metrics port.
    const scraperLabels = props.networkPolicy?.monitoringPodSelector ?? DEFAULT_METRICS_SCRAPER_LABELS;
    this.metricsScraper = {
      namespace: props.networkPolicy?.monitoringNamespace ?? 'monitoring',
      ...(Object.keys(scraperLabels).length > 0 ? { podLabels: { ...scraperLabels } } : {}),
    };

    this.validateBasics(props);

    this.brokerConfig = { ...haBrokerDefaults(this.metadataMode), ...(props.brokers?.config ?? {}) };
    this.runRules(props);
    this.defaultReplicationFactor = parseInt(this.brokerConfig['default.replication.factor'], 10);
    this.minInsyncReplicas = parseInt(this.brokerConfig['min.insync.replicas'], 10);

    this.commonLabels = {
      'app.kubernetes.io/name': 'kafka',
      'app.kubernetes.io/instance': this.clusterName,
      'app.kubernetes.io/managed-by': 'cdktf-kafka-platform',
    };
    this.brokerSelector = { 'app.kubernetes.io/instance': this.clusterName, 'app.kubernetes.io/component': 'broker' };
    this.metadataQuorumSelector = { 'app.kubernetes.io/instance': this.clusterName, 'app.kubernetes.io/component': kraft ? 'controller' : 'zookeeper' };
    this.clientAccessLabel = { key: `${LABEL_KEY_PREFIX}/${this.clusterName}-client`, value: 'true' };
    this.internalBootstrapServers = `${this.clusterName}-bootstrap.${this.namespace}.svc.${this.clusterDomain}:${KAFKA_PORTS.internal}`;
    this.kraftClusterId = kraft ? deriveKraftClusterId(this.namespace, this.clusterName) : undefined;

    const adminUsername = props.credentials?.adminUsername ?? 'admin';
    this.validateUsername(adminUsername, 'credentials.adminUsername');
    this.adminCredentials = this.credentialsFor(adminUsername);

    this.brokerNodeIds = [];
    this.zones.forEach((_z, zi) => {
      const scheme = brokerNodeIdScheme(zi);
      for (let o = 0; o < replicasInZone(this.brokerCount, this.zones.length, zi); o++) this.brokerNodeIds.push(nodeId(scheme, o));
    });

    const ext = props.externalListener;
    if (ext) {
      const port = ext.port ?? KAFKA_PORTS.external;
      this.externalBootstrapServers = `bootstrap.${ext.domain}:${port}`;
      this.externalEndpoints = [
        { hostname: `bootstrap.${ext.domain}`, serviceNamespace: this.namespace, serviceName: `${this.clusterName}-external-bootstrap`, port },
        ...this.brokerNodeIds.map(idn => ({ hostname: `broker-${idn}.${ext.domain}`, serviceNamespace: this.namespace, serviceName: `${this.clusterName}-broker-${idn}-external`, port })),
      ];
    } else {
      this.externalEndpoints = [];
    }

    this.createServices();
    if (kraft) {
      this.createKafkaPools('controller');
    } else {
      this.createZooKeeper();
    }
    this.createKafkaPools('broker');
    this.createDisruptionBudgets();
    if (ext) this.createExternalListener(ext);
    if ((props.networkPolicy?.enabled ?? true)) this.createNetworkPolicies();
    this.createCredentialJobs();
    this.createTopicsJob();

    for (const topic of props.topics ?? []) this.addTopic(topic);
  }

  // ---------------------------------------------------------------- public API

  public addUser(username: string): KafkaUserCredentials {
    this.validateUsername(username, `addUser("${username}")`);
    if (username === this.adminCredentials.username) {
      throw new KafkaPlatformValidationError(this.constructPath, `addUser("${username}")`, 'is the inter-broker admin user, which has full control of the cluster', 'use a separate user per component');
    }
    let creds = this.users.get(username);
    if (!creds) {
      creds = this.credentialsFor(username);
      this.users.set(username, creds);
    }
    return creds;
  }

  public validateTopic(ownerPath: string, prop: string, topic: TopicRequirement): void {
    const fail = (sub: string, problem: string, fix: string) => {
      throw new KafkaPlatformValidationError(ownerPath, `${prop}${sub}`, problem, fix);
    };
    const dev = this.profile === KafkaProfile.DEVELOPMENT;
    if (!isValidTopicName(topic.name)) fail('.name', `${JSON.stringify(topic.name)} is not a valid topic name`, 'use 1-249 characters of a-z A-Z 0-9 . _ -');
    if (!Number.isInteger(topic.partitions) || topic.partitions < 1) fail('.partitions', `${topic.partitions} is not a positive whole number`, 'use at least 1 partition');
    const rf = topic.replicationFactor;
    if (!Number.isInteger(rf) || rf < 1) fail('.replicationFactor', `${rf} is not a positive whole number`, 'use 3 (the cluster default)');
    if (rf > this.brokerCount) fail('.replicationFactor', `replication factor ${rf} is more than the ${this.brokerCount} broker(s)`, `lower it to at most ${this.brokerCount} or add brokers`);
    if (rf < 3 && !dev) fail('.replicationFactor', `replication factor ${rf} loses data or availability when one broker fails`, 'use 3, or the DEVELOPMENT profile for a non-HA cluster');
    const known = knownTopicConfigs(this.metadataMode === KafkaMetadataMode.ZOOKEEPER);
    for (const [key, value] of Object.entries(topic.config ?? {})) {
      if (!known.has(key)) fail(`.config["${key}"]`, 'is not a topic config Kafka knows', `use one of: ${[...known].sort().join(', ')}`);
      if (typeof value !== 'string' || value.length === 0 || /[\t\n\r]/.test(value)) fail(`.config["${key}"]`, `${JSON.stringify(value)} is not a non-empty single-line string`, 'pass the value as a string, e.g. "604800000"');
    }
    const isrRaw = topic.config?.['min.insync.replicas'];
    const isr = isrRaw === undefined ? this.minInsyncReplicas : (/^\d+$/.test(isrRaw) ? parseInt(isrRaw, 10) : NaN);
    if (!Number.isInteger(isr) || isr < 1) fail('.config["min.insync.replicas"]', `${JSON.stringify(isrRaw)} is not a positive integer`, 'use "2" with replication factor 3, or remove it to get the cluster default');
    if (isr >= rf && !(dev && rf === 1 && isr === 1)) {
      fail(isrRaw === undefined ? '.replicationFactor' : '.config["min.insync.replicas"]', `min.insync.replicas ${isr} is not below the replication factor ${rf}: one broker restart blocks acks=all producers`, `use replication factor ${isr + 1} or min.insync.replicas ${Math.max(1, rf - 1)}`);
    }
    if (isr < 2 && !dev) fail('.config["min.insync.replicas"]', `${isr} lets an acknowledged write live on one broker`, 'use 2 with replication factor 3');
    const left = replicasAfterZoneLoss(rf, this.zones.length);
    if (left < isr && !dev) {
      fail(isrRaw === undefined ? '.replicationFactor' : '.config["min.insync.replicas"]', `replication factor ${rf} over ${this.zones.length} zones keeps only ${left} replica(s) when a zone fails, fewer than min.insync.replicas ${isr}: acks=all writes stop`, `use replication factor 3 with min.insync.replicas 2, or lower min.insync.replicas to ${Math.max(1, left)}`);
    }
    const unclean = topic.config?.['unclean.leader.election.enable'];
    if (unclean !== undefined && unclean.toLowerCase() !== 'false' && !dev) fail('.config["unclean.leader.election.enable"]', `${JSON.stringify(unclean)} can drop acknowledged writes`, 'remove it (false is the default)');
  }

  public addTopic(topic: TopicRequirement): void {
    this.validateTopic(this.constructPath, `topics["${topic.name}"]`, topic);
    const existing = this.topics.get(topic.name);
    if (existing) {
      if (canonicalTopic(existing) !== canonicalTopic(topic)) {
        throw new KafkaPlatformValidationError(this.constructPath, `topics["${topic.name}"]`, 'is declared twice with different settings', 'declare each topic once, or make both declarations identical');
      }
      return;
    }
    this.topics.set(topic.name, { ...topic, config: topic.config ? { ...topic.config } : undefined });
  }

  /** Topics declared so far, sorted by name. */
  public get declaredTopics(): TopicRequirement[] {
    return [...this.topics.keys()].sort().map(k => this.topics.get(k)!);
  }

  /** Users declared with addUser so far, sorted by name (the admin user is not included). */
  public get declaredUsers(): KafkaUserCredentials[] {
    return [...this.users.keys()].sort().map(k => this.users.get(k)!);
  }

  // ------------------------------------------------------------- validation

  private fail(prop: string, problem: string, fix: string): never {
    throw new KafkaPlatformValidationError(this.constructPath, prop, problem, fix);
  }

  private validateBasics(props: KafkaClusterProps): void {
    if (!DNS_LABEL.test(this.clusterName) || this.clusterName.length > 40) {
      this.fail('clusterName', `${JSON.stringify(this.clusterName)} is not a DNS label of at most 40 characters`, 'use lower-case letters, digits and dashes, e.g. "kafka"');
    }
    if (!DNS_LABEL.test(this.namespace) || this.namespace.length > 63) {
      this.fail('namespace', `${JSON.stringify(this.namespace)} is not a valid namespace name`, 'use lower-case letters, digits and dashes');
    }
    if (!Object.values(KafkaMetadataMode).includes(this.metadataMode)) this.fail('metadataMode', `unknown mode ${JSON.stringify(this.metadataMode)}`, 'use KafkaMetadataMode.KRAFT or KafkaMetadataMode.ZOOKEEPER');
    if (!Object.values(KafkaProfile).includes(this.profile)) this.fail('profile', `unknown profile ${JSON.stringify(this.profile)}`, 'use KafkaProfile.PRODUCTION or KafkaProfile.DEVELOPMENT');
    if (this.metadataMode === KafkaMetadataMode.KRAFT && props.zookeeper) this.fail('zookeeper', 'is set but metadataMode is KRAFT', 'remove zookeeper, or set metadataMode: KafkaMetadataMode.ZOOKEEPER');
    if (this.metadataMode === KafkaMetadataMode.ZOOKEEPER && props.controllers) this.fail('controllers', 'is set but metadataMode is ZOOKEEPER', 'remove controllers (ZooKeeper mode uses zookeeper options)');
    if (props.image !== undefined && props.images?.kafka !== undefined) this.fail('image', 'is set together with images.kafka', 'set only one of them');
    const images: Array<[string, string | undefined]> = [
      ['image', props.image], ['images.kafka', props.images?.kafka], ['images.zookeeper', props.images?.zookeeper],
      ['images.secretsJob', props.images?.secretsJob], ['images.agentFetcher', props.images?.agentFetcher],
    ];
    for (const [prop, image] of images) {
      if (image === undefined) continue;
      const tag = /^[^@]+:([\w][\w.-]{0,127})$/.exec(image)?.[1];
      if (!/@sha256:[0-9a-f]{64}$/.test(image) && (!tag || tag === 'latest')) {
        this.fail(prop, `${JSON.stringify(image)} is not pinned`, 'pin a tag (e.g. apache/kafka:4.1.1) or a digest, never latest');
      }
    }
    // The generated configuration is version specific: log4j2 and KRaft-only settings for 4.x, ZooKeeper for 3.x.
    const kafkaImageProp = props.image !== undefined ? 'image' : 'images.kafka';
    const kafkaMajor = /^[^@]+:v?(\d+)\.\d+/.exec(props.image ?? props.images?.kafka ?? '')?.[1];
    if (kafkaMajor !== undefined) {
      const wanted = this.metadataMode === KafkaMetadataMode.KRAFT ? '4' : '3';
      if (kafkaMajor !== wanted) {
        this.fail(kafkaImageProp, `Kafka ${kafkaMajor}.x does not fit metadataMode ${this.metadataMode.toUpperCase()}`, this.metadataMode === KafkaMetadataMode.KRAFT
          ? 'use a Kafka 4.1 image (e.g. apache/kafka:4.1.1), or metadataMode ZOOKEEPER for 3.9'
          : 'use a Kafka 3.9 image (e.g. apache/kafka:3.9.1): Kafka 4 has no ZooKeeper mode');
      }
    }
    const resourceSets: Array<[string, ContainerResources | undefined]> = [
      ['brokers.resources', props.brokers?.resources], ['controllers.resources', props.controllers?.resources], ['zookeeper.resources', props.zookeeper?.resources],
    ];
    for (const [prop, r] of resourceSets) {
      if (!r) continue;
      if (r.memory !== undefined && !/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/.test(r.memory)) this.fail(`${prop}.memory`, `${JSON.stringify(r.memory)} is not a memory quantity`, 'use e.g. "4Gi"');
      for (const key of ['cpuRequest', 'cpuLimit'] as const) {
        const v = r[key];
        if (v !== undefined && !/^(\d+(\.\d+)?|\d+m)$/.test(v)) this.fail(`${prop}.${key}`, `${JSON.stringify(v)} is not a CPU quantity`, 'use e.g. "500m" or "2"');
      }
    }
    const volumes: Array<[string, VolumeSpec | undefined]> = [['brokers.storage', props.brokers?.storage], ['controllers.storage', props.controllers?.storage], ['zookeeper.storage', props.zookeeper?.storage]];
    for (const [prop, v] of volumes) {
      if (v?.size !== undefined && !/^\d+(Ki|Mi|Gi|Ti|Pi)$/.test(v.size)) this.fail(`${prop}.size`, `${JSON.stringify(v.size)} is not a storage quantity`, 'use e.g. "100Gi"');
    }
    const storageClasses: Array<[string, string | undefined]> = [['storageClassName', props.storageClassName], ...volumes.map(([prop, v]): [string, string | undefined] => [`${prop}.storageClassName`, v?.storageClassName])];
    for (const [prop, sc] of storageClasses) {
      if (sc !== undefined && (!DNS_SUBDOMAIN.test(sc) || sc.length > 253)) this.fail(prop, `${JSON.stringify(sc)} is not a StorageClass name`, 'use the name of a StorageClass of the cluster, e.g. "gp3-encrypted"');
    }
    const hf = props.brokers?.heapFraction;
    if (hf !== undefined && !(hf >= 0.2 && hf <= 0.8)) this.fail('brokers.heapFraction', `${hf} leaves too little for the ${hf < 0.2 ? 'heap' : 'page cache'}`, 'use a value between 0.2 and 0.8 (default 0.5)');
    const ext = props.externalListener;
    for (const cidr of ext?.loadBalancer.allowedSourceCidrs ?? []) {
      if (!isCidr(cidr)) this.fail('externalListener.loadBalancer.allowedSourceCidrs', `${JSON.stringify(cidr)} is not a CIDR block`, 'use blocks such as "10.0.0.0/8" or "2001:db8::/32"');
    }
    if (ext?.loadBalancer.provider === LoadBalancerProvider.ALIBABA_NLB && Object.keys(ext.loadBalancer.zoneMappings ?? {}).length < 2) {
      this.fail('externalListener.loadBalancer.zoneMappings', 'an Alibaba Cloud NLB needs vSwitches in at least two zones', 'set zoneMappings to { "<zone>": "<vsw-id>", ... } for two or more zones');
    }
    for (const [user, secret] of Object.entries(props.credentials?.existingSecrets ?? {})) {
      if (!DNS_LABEL.test(secret) && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secret)) this.fail(`credentials.existingSecrets["${user}"]`, `${JSON.stringify(secret)} is not a valid Secret name`, 'use the name of an existing Secret in the namespace');
    }
    const nodeLabels = props.nodePlacement?.nodeLabels ?? {};
    for (const [k, v] of Object.entries(nodeLabels)) {
      if (!/^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(k) || v.length > 63) this.fail(`nodePlacement.nodeLabels["${k}"]`, 'is not a valid label', 'use a Kubernetes label key and value');
    }
  }

  private runRules(props: KafkaClusterProps): void {
    const ctx: KafkaRuleContext = {
      profile: this.profile,
      metadataMode: this.metadataMode,
      zones: this.zones,
      brokerCount: this.brokerCount,
      controllerCount: this.controllerCount,
      zookeeperCount: this.zookeeperCount,
      brokerConfig: this.brokerConfig,
      brokerConfigOverrides: props.brokers?.config ?? {},
      controllerConfigOverrides: props.controllers?.config ?? {},
      terminationGracePeriodSeconds: props.brokers?.terminationGracePeriodSeconds ?? 180,
      networkPoliciesEnabled: props.networkPolicy?.enabled ?? true,
      externalListener: props.externalListener,
    };
    const findings = runRulePack(ctx);
    const dev = this.profile === KafkaProfile.DEVELOPMENT;
    const blocking = findings.filter(f => f.acceptedBy === undefined && (!f.relaxable || !dev));
    if (blocking.length > 0) {
      const first = blocking[0];
      const err = new KafkaPlatformValidationError(this.constructPath, first.prop, first.problem, first.fix);
      if (blocking.length > 1) {
        err.message += ` (and ${blocking.length - 1} more: ${blocking.slice(1).map(f => `${f.prop}: ${f.problem}`).join('; ')})`;
      }
      throw err;
    }
    const relaxed = findings.filter(f => f.relaxable && f.acceptedBy === undefined);
    if (relaxed.length > 0) {
      this.relaxedInvariants = [...new Set(relaxed.map(f => f.prop))];
      warnRelaxed(this.constructPath, relaxed);
    }
    this.acceptedRisks = findings.filter(f => f.acceptedBy !== undefined);
    if (this.acceptedRisks.length > 0) warnAccepted(this.constructPath, this.acceptedRisks);
  }

  private validateUsername(name: string, prop: string): void {
    if (!USERNAME.test(name) || name.length > 40) {
      this.fail(prop, `${JSON.stringify(name)} is not a valid user name`, 'use lower-case letters, digits, dots and dashes (at most 40), e.g. "schema-registry"');
    }
  }

  private credentialsFor(username: string): KafkaUserCredentials {
    const existing = this.props.credentials?.existingSecrets?.[username];
    return { username, secretName: existing ?? `${this.clusterName}-user-${username}`, passwordKey: 'password', jaasConfigKey: 'sasl.jaas.config' };
  }

  // ------------------------------------------------------------- naming

  private name(suffix: string): string {
    return `${this.clusterName}-${suffix}`;
  }

  private headlessServiceName(role: Role | 'zookeeper'): string {
    return this.name(`${role}-headless`);
  }

  private podFqdn(podName: string, role: Role | 'zookeeper'): string {
    return `${podName}.${this.headlessServiceName(role)}.${this.namespace}.svc.${this.clusterDomain}`;
  }

  private labels(component: string, extra: Record<string, string> = {}): Record<string, string> {
    return { ...this.commonLabels, 'app.kubernetes.io/component': component, ...extra };
  }

  private meta(name: string, component: string, extra: Record<string, any> = {}): Record<string, any> {
    return { name, namespace: this.namespace, labels: this.labels(component), ...extra };
  }

  /** GitOps users read the YAML, not the synth log: a relaxed (DEVELOPMENT) cluster says so on its StatefulSets. */
  private relaxedAnnotations(): { annotations?: Record<string, string> } {
    if (this.relaxedInvariants.length === 0) return {};
    return { annotations: { [`${LABEL_KEY_PREFIX}/ha-warning`]: `NOT highly available: profile DEVELOPMENT relaxes ${this.relaxedInvariants.join(', ')}` } };
  }

  private selectorFor(role: Role | 'zookeeper'): Record<string, string> {
    return { 'app.kubernetes.io/instance': this.clusterName, 'app.kubernetes.io/component': role };
  }

  /** `id@host:port,...` for controller.quorum.voters. */
  public get controllerQuorumVoters(): string {
    const voters: string[] = [];
    for (let k = 0; k < this.controllerCount; k++) {
      const zi = k % this.zones.length;
      const ordinal = Math.floor(k / this.zones.length);
      const id = nodeId(controllerNodeIdScheme(zi, this.zones.length), ordinal);
      voters.push(`${id}@${this.podFqdn(`${this.name(`controller-${zi}`)}-${ordinal}`, 'controller')}:${KAFKA_PORTS.controller}`);
    }
    return voters.join(',');
  }

  /** `host:port,...` for zookeeper.connect. */
  public get zookeeperConnect(): string {
    return Array.from({ length: this.zookeeperCount }, (_v, i) => `${this.podFqdn(`${this.name('zookeeper')}-${i}`, 'zookeeper')}:${KAFKA_PORTS.zookeeperClient}`).join(',');
  }

  // ------------------------------------------------------------- services

  private createServices(): void {
    const brokerPorts = [
      { name: 'internal', port: KAFKA_PORTS.internal, targetPort: KAFKA_PORTS.internal, protocol: 'TCP' },
      { name: 'metrics', port: KAFKA_PORTS.metrics, targetPort: KAFKA_PORTS.metrics, protocol: 'TCP' },
    ];
    new ApiObject(this, 'broker-headless', {
      apiVersion: 'v1', kind: 'Service',
      metadata: this.meta(this.headlessServiceName('broker'), 'broker'),
      spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector: this.brokerSelector, ports: brokerPorts },
    });
    new ApiObject(this, 'bootstrap', {
      apiVersion: 'v1', kind: 'Service',
      metadata: this.meta(this.name('bootstrap'), 'broker'),
      spec: { type: 'ClusterIP', selector: this.brokerSelector, ports: [brokerPorts[0]] },
    });
    if (this.metadataMode === KafkaMetadataMode.KRAFT) {
      new ApiObject(this, 'controller-headless', {
        apiVersion: 'v1', kind: 'Service',
        metadata: this.meta(this.headlessServiceName('controller'), 'controller'),
        // Controllers must find each other before any of them is ready (quorum formation).
        spec: {
          clusterIP: 'None', publishNotReadyAddresses: true, selector: this.selectorFor('controller'),
          ports: [
            { name: 'controller', port: KAFKA_PORTS.controller, targetPort: KAFKA_PORTS.controller, protocol: 'TCP' },
            { name: 'metrics', port: KAFKA_PORTS.metrics, targetPort: KAFKA_PORTS.metrics, protocol: 'TCP' },
          ],
        },
      });
    }
  }

  // ------------------------------------------------------------- Kafka pods

  private roleResources(role: Role): ResolvedResources {
    const r = role === 'broker'
      ? resolveResources(this.props.brokers?.resources, { cpuRequest: '1', cpuLimit: '2', memory: '4Gi' })
      : resolveResources(this.props.controllers?.resources, { cpuRequest: '500m', cpuLimit: '1', memory: '2Gi' });
    const min = role === 'broker' ? 1024 : 512;
    if (!(r.memoryBytes >= min * 2 ** 20)) this.fail(`${role}s.resources.memory`, `${r.memory} is too little for a Kafka ${role}`, `use at least ${min}Mi`);
    return r;
  }

  private roleBaseProperties(role: Role): Record<string, string> {
    const kraft = this.metadataMode === KafkaMetadataMode.KRAFT;
    const ext = this.props.externalListener;
    if (role === 'controller') {
      const clusterDefaults = Object.fromEntries(CONTROLLER_CLUSTER_DEFAULT_KEYS.filter(k => this.brokerConfig[k] !== undefined).map(k => [k, this.brokerConfig[k]]));
      return {
        ...clusterDefaults,
        'process.roles': 'controller',
        'controller.listener.names': 'CONTROLLER',
        // The controller listener is reachable only from brokers and controllers (NetworkPolicy).
        'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT',
        ...(this.props.controllers?.config ?? {}),
      };
    }
    const protocolMap = [...(kraft ? ['CONTROLLER:PLAINTEXT'] : []), 'INTERNAL:SASL_PLAINTEXT', ...(ext ? ['EXTERNAL:SASL_SSL'] : [])].join(',');
    const props: Record<string, string> = {
      ...this.brokerConfig,
      ...(kraft ? { 'process.roles': 'broker', 'controller.listener.names': 'CONTROLLER' } : { 'broker.id.generation.enable': 'false' }),
      'listener.security.protocol.map': protocolMap,
      'inter.broker.listener.name': 'INTERNAL',
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
      'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
    };
    if (ext) {
      props['listener.name.external.sasl.enabled.mechanisms'] = 'SCRAM-SHA-512';
      props['listener.name.external.scram-sha-512.sasl.jaas.config'] = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
      props['listener.name.external.ssl.enabled.protocols'] = 'TLSv1.3,TLSv1.2';
    }
    return props;
  }

  private createKafkaPools(role: Role): void {
    const resources = this.roleResources(role);
    const heapMb = heapMebibytes(resources.memoryBytes, role === 'broker' ? this.props.brokers?.heapFraction ?? 0.5 : 0.5);
    const baseProperties = renderProperties(
      `Base ${role} configuration generated by cdktf-kafka-platform.\nPer-pod values (node id, rack, listeners, credentials) are appended by kafka-start.sh.`,
      this.roleBaseProperties(role),
    );
    const configMapName = this.name(`${role}-config`);
    const configData: Record<string, string> = {
      'server.properties': baseProperties,
      'kafka-start.sh': kafkaScript('kafka-start.sh'),
      'kafka-ready.sh': kafkaScript('kafka-ready.sh'),
      'jmx-exporter.yaml': renderJmxExporterConfig(),
      ...(this.metadataMode === KafkaMetadataMode.KRAFT ? { 'log4j2.yaml': KAFKA_LOG4J2_YAML } : { 'log4j.properties': KAFKA_LOG4J_PROPERTIES }),
    };
    new ApiObject(this, `${role}-config`, {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: this.meta(configMapName, role),
      data: configData,
    });
    const configHash = hashOf(configData);

    const total = role === 'broker' ? this.brokerCount : this.controllerCount;
    const storage = role === 'broker' ? this.props.brokers?.storage : this.props.controllers?.storage;
    const storageSize = storage?.size ?? (role === 'broker' ? '100Gi' : '20Gi');
    const storageClass = storage?.storageClassName ?? this.props.storageClassName;
    const grace = role === 'broker' ? this.props.brokers?.terminationGracePeriodSeconds ?? 180 : MIN_TERMINATION_GRACE_PERIOD_SECONDS;
    const ext = this.props.externalListener;

    this.zones.forEach((zone, zi) => {
      const replicas = replicasInZone(total, this.zones.length, zi);
      if (replicas === 0) return;
      const stsName = this.name(`${role}-${zi}`);
      const scheme: NodeIdScheme = role === 'broker' ? brokerNodeIdScheme(zi) : controllerNodeIdScheme(zi, this.zones.length);
      const selector = { ...this.selectorFor(role), [`${LABEL_KEY_PREFIX}/zone-index`]: String(zi) };
      const podLabels = { ...this.labels(role), ...selector, [`${LABEL_KEY_PREFIX}/zone`]: zone };
      const env = this.kafkaEnv(role, zone, zi, scheme, heapMb);
      const listenPort = role === 'broker' ? KAFKA_PORTS.internal : KAFKA_PORTS.controller;
      const ports = [
        { name: role === 'broker' ? 'internal' : 'controller', containerPort: listenPort, protocol: 'TCP' },
        { name: 'metrics', containerPort: KAFKA_PORTS.metrics, protocol: 'TCP' },
        ...(role === 'broker' && ext ? [{ name: 'external', containerPort: ext.port ?? KAFKA_PORTS.external, protocol: 'TCP' }] : []),
      ];
      const volumeMounts = [
        { name: 'template', mountPath: KAFKA_PATHS.template, readOnly: true },
        { name: 'config', mountPath: KAFKA_PATHS.config },
        { name: 'logs', mountPath: KAFKA_PATHS.logs },
        { name: 'tmp', mountPath: KAFKA_PATHS.tmp },
        { name: 'jmx-exporter', mountPath: KAFKA_PATHS.agent, readOnly: true },
        { name: 'data', mountPath: KAFKA_PATHS.dataMount },
        ...(role === 'broker' && ext ? [{ name: 'external-tls', mountPath: KAFKA_PATHS.externalTls, readOnly: true }] : []),
      ];
      const volumes = [
        { name: 'template', configMap: { name: configMapName, defaultMode: 0o444 } },
        { name: 'config', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
        { name: 'logs', emptyDir: { sizeLimit: '2Gi' } },
        { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
        { name: 'jmx-exporter', emptyDir: { sizeLimit: '32Mi' } },
        ...(role === 'broker' && ext ? [{ name: 'external-tls', secret: { secretName: this.externalTlsSecretName(ext), defaultMode: 0o440 } }] : []),
      ];
      new ApiObject(this, stsName, {
        apiVersion: 'apps/v1', kind: 'StatefulSet',
        metadata: this.meta(stsName, role, { labels: { ...this.labels(role), [`${LABEL_KEY_PREFIX}/zone`]: zone }, ...this.relaxedAnnotations() }),
        spec: {
          serviceName: this.headlessServiceName(role),
          replicas,
          // All pods start together: a quorum (or a broker set) cannot become ready one by one.
          podManagementPolicy: 'Parallel',
          // One StatefulSet per zone would roll all zones at once; pods are restarted one at a time
          // by the operator instead (see the README, "Rolling restarts").
          updateStrategy: { type: 'OnDelete' },
          persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
          selector: { matchLabels: selector },
          template: {
            metadata: { labels: podLabels, annotations: { [`${LABEL_KEY_PREFIX}/config-hash`]: configHash } },
            spec: {
              automountServiceAccountToken: false,
              enableServiceLinks: false,
              terminationGracePeriodSeconds: grace,
              securityContext: podSecurityContext(),
              affinity: this.affinity(role, [zone]),
              tolerations: this.tolerations(),
              initContainers: [this.agentInitContainer()],
              containers: [{
                name: 'kafka',
                image: this.kafkaImage,
                imagePullPolicy: 'IfNotPresent',
                command: ['/bin/bash', `${KAFKA_PATHS.template}/kafka-start.sh`],
                env,
                ports,
                resources: resourceRequirements(resources),
                securityContext: containerSecurityContext(),
                volumeMounts,
                // Log recovery after an unclean stop can take long: liveness only starts once the listener is up.
                startupProbe: { tcpSocket: { port: listenPort }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 90 },
                readinessProbe: { exec: { command: ['/bin/bash', `${KAFKA_PATHS.template}/kafka-ready.sh`] }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3, successThreshold: 1 },
                livenessProbe: { tcpSocket: { port: listenPort }, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 },
              }],
              volumes,
            },
          },
          volumeClaimTemplates: [{
            metadata: { name: 'data', labels: this.labels(role) },
            spec: {
              accessModes: ['ReadWriteOnce'],
              ...(storageClass ? { storageClassName: storageClass } : {}),
              resources: { requests: { storage: storageSize } },
            },
          }],
        },
      });
    });
  }

  private kafkaEnv(role: Role, zone: string, zoneIndex: number, scheme: NodeIdScheme, heapMb: number): Array<Record<string, any>> {
    const kraft = this.metadataMode === KafkaMetadataMode.KRAFT;
    const ext = this.props.externalListener;
    const env: Array<Record<string, any>> = [
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'KAFKA_HOME', value: '/opt/kafka' },
      { name: 'KAFKA_ROLE', value: role },
      { name: 'KAFKA_METADATA_MODE', value: this.metadataMode },
      { name: 'KAFKA_ZONE', value: zone },
      { name: 'KAFKA_ZONE_INDEX', value: String(zoneIndex) },
      { name: 'KAFKA_NODE_ID_OFFSET', value: String(scheme.offset) },
      { name: 'KAFKA_NODE_ID_STRIDE', value: String(scheme.stride) },
      { name: 'KAFKA_BASE_CONFIG', value: `${KAFKA_PATHS.template}/server.properties` },
      { name: 'KAFKA_CONFIG_DIR', value: KAFKA_PATHS.config },
      { name: 'KAFKA_DATA_DIR', value: KAFKA_PATHS.data },
      { name: 'LOG_DIR', value: KAFKA_PATHS.logs },
      {
        name: 'KAFKA_LOG4J_OPTS',
        value: kraft ? `-Dlog4j2.configurationFile=${KAFKA_PATHS.template}/log4j2.yaml` : `-Dlog4j.configuration=file:${KAFKA_PATHS.template}/log4j.properties`,
      },
      { name: 'KAFKA_LISTEN_HOST', value: '0.0.0.0' },
      { name: 'KAFKA_SERVICE_DOMAIN', value: `${this.headlessServiceName(role)}.${this.namespace}.svc.${this.clusterDomain}` },
      { name: 'KAFKA_ADVERTISED_HOST', value: `$(POD_NAME).$(KAFKA_SERVICE_DOMAIN)` },
    ];
    if (kraft) {
      env.push(
        { name: 'KAFKA_CLUSTER_ID', value: this.kraftClusterId },
        { name: 'KAFKA_CONTROLLER_QUORUM_VOTERS', value: this.controllerQuorumVoters },
        { name: 'KAFKA_CONTROLLER_PORT', value: String(KAFKA_PORTS.controller) },
      );
    } else {
      env.push({ name: 'KAFKA_ZOOKEEPER_CONNECT', value: this.zookeeperConnect });
    }
    if (role === 'broker') {
      env.push(
        { name: 'KAFKA_RACK', value: zone },
        { name: 'KAFKA_INTERNAL_PORT', value: String(KAFKA_PORTS.internal) },
      );
      if (ext) {
        env.push(
          { name: 'KAFKA_EXTERNAL_PORT', value: String(ext.port ?? KAFKA_PORTS.external) },
          { name: 'KAFKA_EXTERNAL_DOMAIN', value: ext.domain },
          { name: 'KAFKA_EXTERNAL_TLS_DIR', value: KAFKA_PATHS.externalTls },
        );
      }
    }
    env.push(
      { name: 'KAFKA_ADMIN_USERNAME', value: this.adminCredentials.username },
      { name: 'KAFKA_ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: this.adminCredentials.secretName, key: this.adminCredentials.passwordKey } } },
      { name: 'KAFKA_HEAP_OPTS', value: `-Xms${heapMb}m -Xmx${heapMb}m` },
      { name: 'KAFKA_METRICS_PORT', value: String(KAFKA_PORTS.metrics) },
      { name: 'KAFKA_JMX_EXPORTER_JAR', value: `${KAFKA_PATHS.agent}/${JMX_EXPORTER_AGENT.fileName}` },
      { name: 'KAFKA_JMX_EXPORTER_CONFIG', value: `${KAFKA_PATHS.template}/jmx-exporter.yaml` },
    );
    return env;
  }

  /** Downloads the JMX exporter agent from Maven Central and refuses it unless the SHA-256 matches. */
  private agentInitContainer(): Record<string, any> {
    const target = `${KAFKA_PATHS.agent}/${JMX_EXPORTER_AGENT.fileName}`;
    const script = [
      'set -eu',
      `curl -fsSL --retry 5 --retry-delay 3 -o "${target}.download" "${JMX_EXPORTER_AGENT.url}"`,
      `echo "${JMX_EXPORTER_AGENT.sha256}  ${target}.download" | sha256sum -c -`,
      `mv "${target}.download" "${target}"`,
    ].join('\n');
    return {
      name: 'fetch-jmx-exporter',
      image: this.props.images?.agentFetcher ?? KAFKA_DEFAULT_IMAGES.agentFetcher,
      imagePullPolicy: 'IfNotPresent',
      command: ['/bin/sh', '-c', script],
      resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
      securityContext: containerSecurityContext(),
      volumeMounts: [{ name: 'jmx-exporter', mountPath: KAFKA_PATHS.agent }, { name: 'tmp', mountPath: KAFKA_PATHS.tmp }],
    };
  }

  private affinity(component: Role | 'zookeeper', zones: string[]): Record<string, any> {
    const nodeLabels = this.props.nodePlacement?.nodeLabels ?? {};
    return {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{
            matchExpressions: [
              { key: ZONE_LABEL, operator: 'In', values: zones },
              ...Object.keys(nodeLabels).sort().map(k => ({ key: k, operator: 'In', values: [nodeLabels[k]] })),
            ],
          }],
        },
      },
      podAntiAffinity: {
        // Two pods of the same role never share a node: a node failure costs at most one broker / one voter.
        requiredDuringSchedulingIgnoredDuringExecution: [{
          labelSelector: { matchLabels: this.selectorFor(component) },
          topologyKey: HOSTNAME_LABEL,
        }],
      },
    };
  }

  private tolerations(): Array<Record<string, any>> {
    return (this.props.nodePlacement?.tolerations ?? []).map(t => ({
      key: t.key,
      operator: t.value === undefined ? 'Exists' : 'Equal',
      ...(t.value === undefined ? {} : { value: t.value }),
      effect: t.effect,
    }));
  }

  // ------------------------------------------------------------- ZooKeeper

  private createZooKeeper(): void {
    const r = resolveResources(this.props.zookeeper?.resources, { cpuRequest: '250m', cpuLimit: '1', memory: '1Gi' });
    if (!(r.memoryBytes >= 512 * 2 ** 20)) this.fail('zookeeper.resources.memory', `${r.memory} is too little for ZooKeeper`, 'use at least 512Mi');
    const heapMb = heapMebibytes(r.memoryBytes, 0.5);
    const name = this.name('zookeeper');
    const configMapName = this.name('zookeeper-config');
    const baseConfig = [
      '# Base ZooKeeper configuration generated by cdktf-kafka-platform.',
      '# Per-pod values (dataDir, ports, server list) are appended by zookeeper-start.sh.',
      'tickTime=2000',
      'initLimit=10',
      'syncLimit=5',
      'maxClientCnxns=0',
      'autopurge.snapRetainCount=3',
      'autopurge.purgeInterval=1',
      'quorumListenOnAllIPs=true',
      'standaloneEnabled=false',
      'reconfigEnabled=false',
      'admin.enableServer=false',
      '4lw.commands.whitelist=srvr,ruok,mntr',
      'metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider',
      'metricsProvider.httpHost=0.0.0.0',
      '',
    ].join('\n');
    const data = { 'zoo.cfg': baseConfig, 'logback.xml': ZOOKEEPER_LOGBACK_XML, 'zookeeper-start.sh': kafkaScript('zookeeper-start.sh'), 'zookeeper-ready.sh': kafkaScript('zookeeper-ready.sh') };
    new ApiObject(this, 'zookeeper-config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: this.meta(configMapName, 'zookeeper'), data });
    const servers = Array.from({ length: this.zookeeperCount }, (_v, i) =>
      `server.${i + 1}=${this.podFqdn(`${name}-${i}`, 'zookeeper')}:${KAFKA_PORTS.zookeeperPeer}:${KAFKA_PORTS.zookeeperElection}`).join(',');
    new ApiObject(this, 'zookeeper-headless', {
      apiVersion: 'v1', kind: 'Service',
      metadata: this.meta(this.headlessServiceName('zookeeper'), 'zookeeper'),
      spec: {
        clusterIP: 'None', publishNotReadyAddresses: true, selector: this.selectorFor('zookeeper'),
        ports: [
          { name: 'client', port: KAFKA_PORTS.zookeeperClient, targetPort: KAFKA_PORTS.zookeeperClient, protocol: 'TCP' },
          { name: 'peer', port: KAFKA_PORTS.zookeeperPeer, targetPort: KAFKA_PORTS.zookeeperPeer, protocol: 'TCP' },
          { name: 'election', port: KAFKA_PORTS.zookeeperElection, targetPort: KAFKA_PORTS.zookeeperElection, protocol: 'TCP' },
          { name: 'metrics', port: KAFKA_PORTS.metrics, targetPort: KAFKA_PORTS.metrics, protocol: 'TCP' },
        ],
      },
    });
    const storageClass = this.props.zookeeper?.storage?.storageClassName ?? this.props.storageClassName;
    const tpl = '/etc/zookeeper-template';
    new ApiObject(this, 'zookeeper', {
      apiVersion: 'apps/v1', kind: 'StatefulSet',
      metadata: this.meta(name, 'zookeeper', this.relaxedAnnotations()),
      spec: {
        serviceName: this.headlessServiceName('zookeeper'),
        replicas: this.zookeeperCount,
        podManagementPolicy: 'Parallel',
        // A single StatefulSet rolls one server at a time, waiting for readiness (quorum membership).
        updateStrategy: { type: 'RollingUpdate' },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        selector: { matchLabels: this.selectorFor('zookeeper') },
        template: {
          metadata: { labels: this.labels('zookeeper'), annotations: { [`${LABEL_KEY_PREFIX}/config-hash`]: hashOf(data) } },
          spec: {
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: 60,
            securityContext: podSecurityContext(),
            affinity: this.affinity('zookeeper', this.zones),
            // One server per zone (as far as the zones go): a zone loss keeps the ensemble's majority.
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE_LABEL, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: this.selectorFor('zookeeper') } }],
            tolerations: this.tolerations(),
            containers: [{
              name: 'zookeeper',
              image: this.props.images?.zookeeper ?? KAFKA_DEFAULT_IMAGES.zookeeper,
              imagePullPolicy: 'IfNotPresent',
              command: ['/bin/bash', `${tpl}/zookeeper-start.sh`],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'ZOOKEEPER_BASE_CONFIG', value: `${tpl}/zoo.cfg` },
                { name: 'ZOO_CONF_DIR', value: '/conf' },
                { name: 'ZOO_DATA_DIR', value: '/data/zookeeper' },
                { name: 'ZOO_LOG_DIR', value: '/logs' },
                { name: 'ZOOKEEPER_SERVERS', value: servers },
                { name: 'ZOOKEEPER_CLIENT_PORT', value: String(KAFKA_PORTS.zookeeperClient) },
                { name: 'ZOOKEEPER_METRICS_PORT', value: String(KAFKA_PORTS.metrics) },
                { name: 'ZK_SERVER_HEAP', value: String(heapMb) },
              ],
              ports: [
                { name: 'client', containerPort: KAFKA_PORTS.zookeeperClient, protocol: 'TCP' },
                { name: 'peer', containerPort: KAFKA_PORTS.zookeeperPeer, protocol: 'TCP' },
                { name: 'election', containerPort: KAFKA_PORTS.zookeeperElection, protocol: 'TCP' },
                { name: 'metrics', containerPort: KAFKA_PORTS.metrics, protocol: 'TCP' },
              ],
              resources: resourceRequirements(r),
              securityContext: containerSecurityContext(),
              volumeMounts: [
                { name: 'template', mountPath: tpl, readOnly: true },
                { name: 'conf', mountPath: '/conf' },
                { name: 'logs', mountPath: '/logs' },
                { name: 'tmp', mountPath: '/tmp' },
                { name: 'data', mountPath: '/data' },
              ],
              startupProbe: { tcpSocket: { port: KAFKA_PORTS.zookeeperClient }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 60 },
              readinessProbe: { exec: { command: ['/bin/bash', `${tpl}/zookeeper-ready.sh`] }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
              livenessProbe: { tcpSocket: { port: KAFKA_PORTS.zookeeperClient }, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 },
            }],
            volumes: [
              { name: 'template', configMap: { name: configMapName, defaultMode: 0o444 } },
              { name: 'conf', emptyDir: { medium: 'Memory', sizeLimit: '4Mi' } },
              { name: 'logs', emptyDir: { sizeLimit: '1Gi' } },
              { name: 'tmp', emptyDir: { sizeLimit: '128Mi' } },
            ],
          },
        },
        volumeClaimTemplates: [{
          metadata: { name: 'data', labels: this.labels('zookeeper') },
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(storageClass ? { storageClassName: storageClass } : {}),
            resources: { requests: { storage: this.props.zookeeper?.storage?.size ?? '20Gi' } },
          },
        }],
      },
    });
  }

  // ------------------------------------------------------------- PDBs

  private createDisruptionBudgets(): void {
    new ApiObject(this, 'broker-pdb', {
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
      metadata: this.meta(this.name('broker'), 'broker'),
      // Evict one broker at a time: with RF 3 / min ISR 2 every partition keeps accepting acks=all writes.
      spec: { maxUnavailable: 1, selector: { matchLabels: this.brokerSelector } },
    });
    const quorum = this.metadataMode === KafkaMetadataMode.KRAFT ? this.controllerCount : this.zookeeperCount;
    const component = this.metadataMode === KafkaMetadataMode.KRAFT ? 'controller' : 'zookeeper';
    new ApiObject(this, `${component}-pdb`, {
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
      metadata: this.meta(this.name(component), component),
      // Never evict below a majority: the quorum keeps electing leaders.
      spec: { minAvailable: Math.floor(quorum / 2) + 1, selector: { matchLabels: this.selectorFor(component) } },
    });
  }

  // ------------------------------------------------------------- external listener

  private externalTlsSecretName(ext: ExternalListenerOptions): string {
    return ext.tls.secretName ?? this.name('external-tls');
  }

  private createExternalListener(ext: ExternalListenerOptions): void {
    const port = ext.port ?? KAFKA_PORTS.external;
    const lb = loadBalancerServiceFields(ext.loadBalancer);
    // GitOps users read the YAML, not the synth log: an accepted exposure stays visible on the Services.
    const accepted = this.acceptedRisks.filter(f => f.prop.startsWith('externalListener.'));
    const annotations = accepted.length === 0 ? lb.annotations : {
      ...lb.annotations,
      [`${LABEL_KEY_PREFIX}/security-warning`]: accepted.map(f => `${f.problem} (accepted by ${f.acceptedBy})`).join('; '),
    };
    const service = (id: string, name: string, selector: Record<string, string>) => new ApiObject(this, id, {
      apiVersion: 'v1', kind: 'Service',
      metadata: this.meta(name, 'broker', { annotations }),
      spec: {
        type: 'LoadBalancer',
        ...(lb.loadBalancerClass ? { loadBalancerClass: lb.loadBalancerClass } : {}),
        ...(lb.loadBalancerSourceRanges ? { loadBalancerSourceRanges: lb.loadBalancerSourceRanges } : {}),
        selector,
        ports: [{ name: 'external', port, targetPort: port, protocol: 'TCP' }],
      },
    });
    service('external-bootstrap', this.name('external-bootstrap'), this.brokerSelector);
    this.zones.forEach((_zone, zi) => {
      const scheme = brokerNodeIdScheme(zi);
      for (let o = 0; o < replicasInZone(this.brokerCount, this.zones.length, zi); o++) {
        const id = nodeId(scheme, o);
        service(`broker-${id}-external`, this.name(`broker-${id}-external`), { 'statefulset.kubernetes.io/pod-name': `${this.name(`broker-${zi}`)}-${o}` });
      }
    });
    if (ext.tls.certManagerIssuer) {
      new ApiObject(this, 'external-certificate', {
        apiVersion: 'cert-manager.io/v1', kind: 'Certificate',
        metadata: this.meta(this.name('external-tls'), 'broker'),
        spec: {
          secretName: this.name('external-tls'),
          dnsNames: this.externalEndpoints.map(e => e.hostname),
          issuerRef: { name: ext.tls.certManagerIssuer.name, kind: ext.tls.certManagerIssuer.kind ?? 'ClusterIssuer', group: 'cert-manager.io' },
          // Kafka's PEM keystore needs an unencrypted PKCS#8 key.
          privateKey: { algorithm: 'RSA', size: 2048, encoding: 'PKCS8', rotationPolicy: 'Always' },
          duration: '2160h',
          renewBefore: '720h',
          usages: ['server auth', 'digital signature', 'key encipherment'],
        },
      });
    }
  }

  // ------------------------------------------------------------- NetworkPolicies

  private createNetworkPolicies(): void {
    const monitoringPeer = {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': this.metricsScraper.namespace } },
      ...(this.metricsScraper.podLabels ? { podSelector: { matchLabels: this.metricsScraper.podLabels } } : {}),
    };
    // A pod label is trusted only inside the cluster's own namespace: in other namespaces anyone who can
    // create a pod could set it. Clients elsewhere need their namespace labelled.
    const clientPeers = [
      { podSelector: { matchLabels: { [this.clientAccessLabel.key]: this.clientAccessLabel.value } } },
      { namespaceSelector: { matchLabels: { [this.clientAccessLabel.key]: this.clientAccessLabel.value } } },
    ];
    const tcp = (port: number) => [{ port, protocol: 'TCP' }];
    const brokers = { podSelector: { matchLabels: this.brokerSelector } };
    const policy = (id: string, component: string, podSelector: Record<string, string>, ingress: any[]) => new ApiObject(this, id, {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: this.meta(this.name(id), component),
      spec: { podSelector: { matchLabels: podSelector }, policyTypes: ['Ingress'], ingress },
    });

    const ext = this.props.externalListener;
    policy('broker-ingress', 'broker', this.brokerSelector, [
      // The scraper only needs the metrics port; exporters that talk Kafka run as labelled clients.
      { from: [brokers, ...clientPeers], ports: tcp(KAFKA_PORTS.internal) },
      { from: [monitoringPeer], ports: tcp(KAFKA_PORTS.metrics) },
      // The LoadBalancer decides who reaches the external listener (exposure, allowedSourceCidrs); SASL_SSL authenticates.
      ...(ext ? [{ ports: tcp(ext.port ?? KAFKA_PORTS.external) }] : []),
    ]);
    if (this.metadataMode === KafkaMetadataMode.KRAFT) {
      const controllers = { podSelector: { matchLabels: this.selectorFor('controller') } };
      policy('controller-ingress', 'controller', this.selectorFor('controller'), [
        { from: [brokers, controllers], ports: tcp(KAFKA_PORTS.controller) },
        { from: [monitoringPeer], ports: tcp(KAFKA_PORTS.metrics) },
      ]);
    } else {
      const zk = { podSelector: { matchLabels: this.selectorFor('zookeeper') } };
      policy('zookeeper-ingress', 'zookeeper', this.selectorFor('zookeeper'), [
        { from: [brokers], ports: tcp(KAFKA_PORTS.zookeeperClient) },
        { from: [zk], ports: [...tcp(KAFKA_PORTS.zookeeperPeer), ...tcp(KAFKA_PORTS.zookeeperElection), ...tcp(KAFKA_PORTS.zookeeperClient)] },
        { from: [monitoringPeer], ports: tcp(KAFKA_PORTS.metrics) },
      ]);
    }
  }

  // ------------------------------------------------------------- credentials and topics Jobs

  private jobPodSpec(containers: any[], volumes: any[], serviceAccountName?: string): Record<string, any> {
    return {
      restartPolicy: 'OnFailure',
      ...(serviceAccountName ? { serviceAccountName, automountServiceAccountToken: true } : { automountServiceAccountToken: false }),
      enableServiceLinks: false,
      securityContext: podSecurityContext(),
      tolerations: this.tolerations(),
      containers,
      volumes,
    };
  }

  private kafkaAdminEnv(): Array<Record<string, any>> {
    return [
      { name: 'KAFKA_HOME', value: '/opt/kafka' },
      { name: 'KAFKA_BOOTSTRAP_SERVERS', value: this.internalBootstrapServers },
      { name: 'KAFKA_ADMIN_USERNAME', value: this.adminCredentials.username },
      { name: 'KAFKA_ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: this.adminCredentials.secretName, key: this.adminCredentials.passwordKey } } },
      { name: 'KAFKA_HEAP_OPTS', value: '-Xms128m -Xmx256m' },
      { name: 'LOG_DIR', value: '/tmp/logs' },
    ];
  }

  private allUsers(): KafkaUserCredentials[] {
    return [this.adminCredentials, ...this.declaredUsers];
  }

  private createCredentialJobs(): void {
    const jobsConfigName = this.name('admin-jobs');
    const jobLabels = (component: string) => ({ ...this.labels(component), [this.clientAccessLabel.key]: this.clientAccessLabel.value });
    const scriptsMount = '/etc/kafka-jobs';
    const jobsData = (): Record<string, string> => ({
      'create-user-secrets.sh': kafkaScript('create-user-secrets.sh'),
      'kafka-admin-lib.sh': kafkaScript('kafka-admin-lib.sh'),
      'upsert-scram-users.sh': kafkaScript('upsert-scram-users.sh'),
      'apply-topics.sh': kafkaScript('apply-topics.sh'),
      'topics.tsv': this.topicsFile(),
    });
    new SynthTimeApiObject(this, 'admin-jobs-config', 'v1', 'ConfigMap', () => ({ name: jobsConfigName, body: { metadata: this.meta(jobsConfigName, 'admin'), data: jobsData() } }));

    const createSecrets = this.props.credentials?.createMissingSecrets ?? true;
    const existing = this.props.credentials?.existingSecrets ?? {};
    const managedSecretUsers = () => this.allUsers().filter(u => existing[u.username] === undefined);
    if (createSecrets) {
      const sa = this.name('secrets-bootstrap');
      new ApiObject(this, 'secrets-bootstrap-sa', {
        apiVersion: 'v1', kind: 'ServiceAccount',
        metadata: this.meta(sa, 'admin'),
        automountServiceAccountToken: false,
      });
      new SynthTimeApiObject(this, 'secrets-bootstrap-role', 'rbac.authorization.k8s.io/v1', 'Role', () => ({
        name: sa,
        body: {
          metadata: this.meta(sa, 'admin'),
          // Least privilege: read only the user Secrets this cluster owns; create cannot be limited by name in RBAC.
          rules: [
            { apiGroups: [''], resources: ['secrets'], resourceNames: managedSecretUsers().map(u => u.secretName), verbs: ['get'] },
            { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
          ],
        },
      }));
      new ApiObject(this, 'secrets-bootstrap-rolebinding', {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding',
        metadata: this.meta(sa, 'admin'),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: sa },
        subjects: [{ kind: 'ServiceAccount', name: sa, namespace: this.namespace }],
      });
      new SynthTimeApiObject(this, 'secrets-bootstrap-job', 'batch/v1', 'Job', () => {
        const specs = managedSecretUsers().map(u => `${u.username}=${u.secretName}`).join(' ');
        const labels = Object.entries({ ...this.commonLabels, 'app.kubernetes.io/component': 'credentials' }).map(([k, v]) => `${k}=${v}`).join(' ');
        const env = [
          { name: 'KAFKA_NAMESPACE', value: this.namespace },
          { name: 'KAFKA_USER_SECRETS', value: specs },
          { name: 'KAFKA_SECRET_LABELS', value: labels },
          { name: 'HOME', value: '/tmp' },
        ];
        const name = this.name(`secrets-${hashOf({ env, script: kafkaScript('create-user-secrets.sh') }).slice(0, 8)}`);
        return {
          name,
          body: {
            metadata: this.meta(name, 'admin'),
            spec: {
              backoffLimit: 6,
              template: {
                metadata: { labels: this.labels('admin') },
                spec: this.jobPodSpec([{
                  name: 'create-user-secrets',
                  image: this.props.images?.secretsJob ?? KAFKA_DEFAULT_IMAGES.secretsJob,
                  imagePullPolicy: 'IfNotPresent',
                  command: ['/bin/bash', `${scriptsMount}/create-user-secrets.sh`],
                  env,
                  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
                  securityContext: containerSecurityContext(65534),
                  volumeMounts: [{ name: 'scripts', mountPath: scriptsMount, readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
                }], [
                  { name: 'scripts', configMap: { name: jobsConfigName, defaultMode: 0o444 } },
                  { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
                ], sa),
              },
            },
          },
        };
      });
    } else {
      const missing = this.allUsers().filter(u => existing[u.username] === undefined);
      if (missing.length > 0) {
        this.fail('credentials.existingSecrets', `no Secret given for ${missing.map(u => u.username).join(', ')} while createMissingSecrets is false`, 'add existingSecrets entries for these users, or leave createMissingSecrets on');
      }
    }

    new SynthTimeApiObject(this, 'users-job', 'batch/v1', 'Job', () => {
      const users = this.declaredUsers;
      const withoutSecret = createSecrets ? [] : users.filter(u => existing[u.username] === undefined);
      if (withoutSecret.length > 0) {
        this.fail('credentials.existingSecrets', `no Secret given for ${withoutSecret.map(u => u.username).join(', ')} (added with addUser) while createMissingSecrets is false`, 'add existingSecrets entries for these users, or leave createMissingSecrets on');
      }
      const env = [
        ...this.kafkaAdminEnv(),
        { name: 'KAFKA_USER_COUNT', value: String(users.length) },
        ...users.flatMap((u, i) => [
          { name: `KAFKA_USER_${i}_NAME`, value: u.username },
          { name: `KAFKA_USER_${i}_PASSWORD`, valueFrom: { secretKeyRef: { name: u.secretName, key: u.passwordKey } } },
        ]),
      ];
      const name = this.name(`users-${hashOf({ env, image: this.kafkaImage, script: kafkaScript('upsert-scram-users.sh'), lib: kafkaScript('kafka-admin-lib.sh') }).slice(0, 8)}`);
      return { name, body: this.kafkaAdminJob(name, 'upsert-scram-users', `${scriptsMount}/upsert-scram-users.sh`, env, jobsConfigName, scriptsMount, jobLabels('admin')) };
    });
  }

  private kafkaAdminJob(name: string, container: string, script: string, env: any[], configName: string, mount: string, podLabels: Record<string, string>): Record<string, any> {
    return {
      metadata: this.meta(name, 'admin'),
      spec: {
        backoffLimit: 10,
        template: {
          metadata: { labels: podLabels },
          spec: this.jobPodSpec([{
            name: container,
            image: this.kafkaImage,
            imagePullPolicy: 'IfNotPresent',
            command: ['/bin/bash', script],
            env,
            resources: { requests: { cpu: '100m', memory: '384Mi' }, limits: { cpu: '1', memory: '512Mi' } },
            securityContext: containerSecurityContext(),
            volumeMounts: [{ name: 'scripts', mountPath: mount, readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
          }], [
            { name: 'scripts', configMap: { name: configName, defaultMode: 0o444 } },
            { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
          ]),
        },
      },
    };
  }

  /** One topic per line: name, partitions, replication factor, then key=value configs (tab-separated, sorted). */
  private topicsFile(): string {
    const lines = ['# name\tpartitions\treplication-factor\tconfig...'];
    for (const t of this.declaredTopics) {
      const configs = Object.keys(t.config ?? {}).sort().map(k => `${k}=${t.config![k]}`);
      lines.push([t.name, String(t.partitions), String(t.replicationFactor), ...configs].join('\t'));
    }
    return lines.join('\n') + '\n';
  }

  private createTopicsJob(): void {
    const jobsConfigName = this.name('admin-jobs');
    const mount = '/etc/kafka-jobs';
    new SynthTimeApiObject(this, 'topics-job', 'batch/v1', 'Job', () => {
      const env = [
        ...this.kafkaAdminEnv(),
        { name: 'KAFKA_TOPICS_FILE', value: `${mount}/topics.tsv` },
        // KRaft writes a cluster-level min.insync.replicas once, at bootstrap; keep it at the declared value.
        ...(this.metadataMode === KafkaMetadataMode.KRAFT ? [{ name: 'KAFKA_CLUSTER_MIN_INSYNC_REPLICAS', value: String(this.minInsyncReplicas) }] : []),
      ];
      const name = this.name(`topics-${hashOf({ env, image: this.kafkaImage, topics: this.topicsFile(), script: kafkaScript('apply-topics.sh'), lib: kafkaScript('kafka-admin-lib.sh') }).slice(0, 8)}`);
      return { name, body: this.kafkaAdminJob(name, 'apply-topics', `${mount}/apply-topics.sh`, env, jobsConfigName, mount, { ...this.labels('admin'), [this.clientAccessLabel.key]: this.clientAccessLabel.value }) };
    });
  }
}

/** An IPv4 or IPv6 CIDR block (`loadBalancerSourceRanges` rejects anything else at apply time). */
function isCidr(value: string): boolean {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!m) return false;
  const prefix = parseInt(m[2], 10);
  if (net.isIPv4(m[1])) return prefix <= 32;
  if (net.isIPv6(m[1])) return prefix <= 128;
  return false;
}

function canonicalTopic(t: TopicRequirement): string {
  const config = t.config ?? {};
  return JSON.stringify([t.name, t.partitions, t.replicationFactor, Object.keys(config).sort().map(k => [k, config[k]])]);
}

function hashOf(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function warnAccepted(path: string, findings: Finding[]): void {
  console.warn([
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    `WARNING [${path}]: ${findings.length} security check(s) explicitly overridden:`,
    ...findings.map(f => `  - ${f.prop}: ${f.problem} (accepted by ${f.acceptedBy}; to close it: ${f.fix})`),
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  ].join('\n'));
}

function warnRelaxed(path: string, findings: Finding[]): void {
  const lines = findings.map(f => `  - ${f.prop}: ${f.problem} (production fix: ${f.fix})`);
  console.warn([
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    `WARNING [${path}]: profile DEVELOPMENT relaxes ${findings.length} HA invariant(s).`,
    'This cluster is NOT highly available and must not hold production data:',
    ...lines,
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  ].join('\n'));
}
