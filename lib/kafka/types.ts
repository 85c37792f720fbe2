/**
 * Public, cloud-neutral types shared by the Kafka core (`KafkaCluster`), the
 * ecosystem components (Schema Registry, Connect, monitoring, ...) and the
 * platform composition. Nothing here may import cloud code.
 */

/** How the cluster keeps its metadata. */
export enum KafkaMetadataMode {
  /** Dedicated KRaft controllers (default; Kafka 4.x). */
  KRAFT = 'kraft',
  /** Legacy ZooKeeper ensemble (Kafka 3.9.x brokers). For users who still run it. */
  ZOOKEEPER = 'zookeeper',
}

/**
 * Safety profile. `PRODUCTION` enforces every HA invariant. `DEVELOPMENT` lets
 * single-zone / tiny clusters synthesize, and prints a loud warning saying so.
 */
export enum KafkaProfile {
  PRODUCTION = 'production',
  DEVELOPMENT = 'development',
}

/** Container resources. Memory is in Kubernetes quantity form (`4Gi`). */
export interface ContainerResources {
  /** @default depends on the component */
  readonly cpuRequest?: string;
  /** @default depends on the component */
  readonly cpuLimit?: string;
  /** Request and limit are equal for memory, so the JVM heap derived from it is safe. @default depends on the component */
  readonly memory?: string;
}

/** A persistent volume request. */
export interface VolumeSpec {
  /**
   * Size of every volume. Raising it grows the existing PersistentVolumeClaims in place (a Job patches
   * them; the StorageClass must allow volume expansion) once `claimTemplateSize` holds the size the
   * volumes were created with. Volumes never shrink: synth refuses a size below `claimTemplateSize`.
   * @default depends on the component
   */
  readonly size?: string;
  /**
   * The size in the StatefulSets' volume claim templates, which Kubernetes never lets change: the size
   * the volumes were created with. Set it to the old `size` when you first raise `size`, and keep it.
   * New pods get volumes of this size, grown to `size` by the same Job.
   * @default - size (no growth)
   */
  readonly claimTemplateSize?: string;
  /**
   * StorageClass name. The platform fills it from the cloud (encrypted gp3 /
   * ESSD); for plain YAML users it is the cluster default.
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
}

export enum LoadBalancerExposure {
  /** Reachable only from the VPC (default). */
  INTERNAL = 'internal',
  /** Reachable from the internet. Must be chosen explicitly. */
  INTERNET = 'internet',
}

/** The Service fields a load-balancer flavour asks for. */
export interface LoadBalancerServiceFields {
  readonly annotations: Record<string, string>;
  /** `spec.loadBalancerClass`. @default - none */
  readonly loadBalancerClass?: string;
}

/** A problem a load-balancer flavour finds with the listener's options. */
export interface LoadBalancerFlavourProblem {
  /** Prop path below `externalListener.loadBalancer`, e.g. `flavour.zoneMappings`. */
  readonly prop: string;
  readonly problem: string;
  readonly fix: string;
}

/**
 * How a LoadBalancer Service becomes a load balancer in some cloud: its
 * annotations and class. The cloud supplies it (`AwsKafkaCloud`,
 * `AlicloudKafkaCloud`, or the flavours in `lib/cloud/aws` and
 * `lib/cloud/alicloud` for plain YAML users); the Kafka side never names a cloud.
 */
export interface ILoadBalancerFlavour {
  /** Short name for errors and docs, e.g. `aws-nlb`. */
  readonly name: string;
  /** Whether the load balancer keeps the client's source address (so `loadBalancerSourceRanges` and security groups can filter on it). */
  readonly preservesClientSource: boolean;
  /** The Service fields for this exposure. */
  serviceFields(exposure: LoadBalancerExposure): LoadBalancerServiceFields;
  /** Problems with this flavour's own settings, reported at synth with the other rules. */
  problems(): LoadBalancerFlavourProblem[];
}

export interface LoadBalancerOptions {
  /** The cloud's load balancer. @default - a bare `type: LoadBalancer` Service without cloud annotations (MetalLB, kind, ...) */
  readonly flavour?: ILoadBalancerFlavour;
  /** @default LoadBalancerExposure.INTERNAL */
  readonly exposure?: LoadBalancerExposure;
  /** Source CIDRs allowed to reach the listener (`loadBalancerSourceRanges`, and the cloud's security group). @default - no restriction beyond the exposure */
  readonly allowedSourceCidrs?: string[];
  /**
   * The one opt-in for a listener open to every address on the internet: lets
   * an INTERNET-exposed listener go without `allowedSourceCidrs` (or with a
   * `/0` block). On a platform it also opens the cloud's security group to the
   * Kafka client ports. Synth then warns and marks the Services instead of
   * failing. Only for clients without stable address ranges: TLS and
   * SASL/SCRAM are then the only protection. No effect on an INTERNAL listener
   * or when the CIDRs restrict the sources.
   * @default false
   */
  readonly dangerouslyAllowAnySource?: boolean;
}

/** TLS material for the external listener. Exactly one of the two. */
export interface ExternalTlsOptions {
  /** Name of an existing `kubernetes.io/tls` Secret in the namespace, covering the bootstrap and broker host names. */
  readonly secretName?: string;
  /** Create cert-manager `Certificate`s from this issuer instead. */
  readonly certManagerIssuer?: { readonly name: string; readonly kind?: 'Issuer' | 'ClusterIssuer' };
}

export interface ExternalListenerOptions {
  /** DNS domain for advertised host names: `bootstrap.<domain>`, `broker-<id>.<domain>`. */
  readonly domain: string;
  /** @default - an INTERNAL load balancer without cloud annotations */
  readonly loadBalancer?: LoadBalancerOptions;
  readonly tls: ExternalTlsOptions;
  /** @default 9094 */
  readonly port?: number;
}

/** One DNS name the platform must point at a LoadBalancer Service. */
export interface ExternalEndpoint {
  /** Fully qualified host name, as advertised by the broker. */
  readonly hostname: string;
  /** Namespace and name of the LoadBalancer Service that serves it. */
  readonly serviceNamespace: string;
  readonly serviceName: string;
  readonly port: number;
}

/** Where Kafka pods run: node labels and the taint of the dedicated Kafka node pools. */
export interface NodePlacement {
  /** Required node labels (nodeAffinity). @default {} */
  readonly nodeLabels?: Record<string, string>;
  /** Taints that Kafka pods tolerate. @default [] */
  readonly tolerations?: Array<{ readonly key: string; readonly value?: string; readonly effect: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule' }>;
}

/** The SASL/SCRAM identity of one client, stored in a Kubernetes Secret. */
export interface KafkaUserCredentials {
  /** Kafka user name (for the admin: the declared one; its Secret's `usernameKey` says which identity is current). */
  readonly username: string;
  /**
   * Key of the user name in the Secret. The admin's changes with each admin password rotation (it alternates
   * between `adminUsername` and `<adminUsername>-b`), so admin clients read it with the password.
   */
  readonly usernameKey: string;
  /** Secret holding the credentials; never created with a literal password in the manifests. */
  readonly secretName: string;
  /** Key of the password in the Secret. */
  readonly passwordKey: string;
  /** Key of a ready-made `sasl.jaas.config` line in the Secret. */
  readonly jaasConfigKey: string;
  /**
   * Key of the SASL mechanism (`SCRAM-SHA-512` or `SCRAM-SHA-256`) in the Secret. A password
   * rotation switches it, so clients read it with the password; absent means `SCRAM-SHA-512`.
   */
  readonly mechanismKey: string;
}

/**
 * What a client of the internal listener needs for TLS: the ConfigMap that
 * holds only the public cluster CA certificate (never a private key).
 */
export interface KafkaClientTls {
  /** False only with `tls.dangerouslyUsePlaintextInternalListeners`. */
  readonly enabled: boolean;
  /** ConfigMap (in the cluster's namespace) holding the CA certificate, `<clusterName>-ca-bundle`. */
  readonly caBundleConfigMapName: string;
  /** Key of the PEM CA certificate in that ConfigMap (`ca.crt`). */
  readonly caBundleKey: string;
}

/**
 * The KRaft controllers' listener as a TLS certificate probe sees it. The
 * listener requires a client certificate (the node certificate) and SASL; a
 * probe that only completes the TLS handshake reads the certificate a
 * controller presents, and needs only to be let through the controllers'
 * NetworkPolicy.
 */
export interface ControllerTlsListener {
  /** Container port of the controller listener on the controller pods. */
  readonly port: number;
  /**
   * A name the controllers' certificate is verified with: the host name of the
   * first quorum voter, which the brokers verify when they connect to it.
   * Every controller presents the same node certificate (one Secret; SAN
   * `*.<controller headless Service domain>`), so one name fits every pod.
   */
  readonly tlsServerName: string;
  /** Pods of the cluster's namespace with this label may open connections to the listener (not from other namespaces). */
  readonly probeAccessLabel: { readonly key: string; readonly value: string };
}

/** What an ACL protects. */
export enum AclResourceType {
  TOPIC = 'topic',
  GROUP = 'group',
  /** The cluster itself; its name is always `kafka-cluster`. */
  CLUSTER = 'cluster',
  TRANSACTIONAL_ID = 'transactional-id',
}

/** How an ACL's resource name matches. */
export enum AclPatternType {
  /** Exactly this name (`*` matches every resource of the type). */
  LITERAL = 'literal',
  /** Every resource whose name starts with this prefix. */
  PREFIXED = 'prefixed',
}

/** Kafka's ACL operations (`kafka-acls.sh --operation`). */
export enum AclOperation {
  ALL = 'All',
  READ = 'Read',
  WRITE = 'Write',
  CREATE = 'Create',
  DELETE = 'Delete',
  ALTER = 'Alter',
  DESCRIBE = 'Describe',
  CLUSTER_ACTION = 'ClusterAction',
  DESCRIBE_CONFIGS = 'DescribeConfigs',
  ALTER_CONFIGS = 'AlterConfigs',
  IDEMPOTENT_WRITE = 'IdempotentWrite',
}

/** One ACL entry: a user may (or may not) do these operations on these resources. */
export interface KafkaAcl {
  readonly resourceType: AclResourceType;
  /** Topic, group or transactional ID name or prefix; `kafka-cluster` for the cluster. @default 'kafka-cluster' for CLUSTER (required otherwise) */
  readonly name?: string;
  /** @default AclPatternType.LITERAL */
  readonly patternType?: AclPatternType;
  readonly operations: AclOperation[];
  /** A DENY entry wins over every ALLOW. @default 'allow' */
  readonly permission?: 'allow' | 'deny';
  /** Client host the entry applies to. @default '*' */
  readonly host?: string;
}

/** Broker-enforced client quotas of one user (Kafka's user quota configs). */
export interface KafkaUserQuotas {
  /** Bytes per second a user may produce, per broker. @default - unlimited */
  readonly producerByteRate?: number;
  /** Bytes per second a user may fetch, per broker. @default - unlimited */
  readonly consumerByteRate?: number;
  /** Percentage of one request-handler and one network thread the user may use, per broker. @default - unlimited */
  readonly requestPercentage?: number;
  /** Partition creations and deletions per second. @default - unlimited */
  readonly controllerMutationRate?: number;
}

/**
 * Password rotation of one user (see the README, "Password rotation"). The
 * user's SCRAM credential has two slots, SCRAM-SHA-512 and SCRAM-SHA-256: a
 * rotation writes a new random password into the slot its clients do not
 * use, then into the user's Secret (with `sasl.mechanism` naming the slot),
 * so clients that still hold the previous password keep connecting until
 * `retirePrevious` removes it.
 */
export interface KafkaPasswordRotation {
  /**
   * Raise by one to rotate: the rotation Job gives the user a new password
   * once per generation. 0 is the password the user was created with.
   */
  readonly generation: number;
  /**
   * Delete the previous generation's credential, so its password is refused.
   * Set it in a later deploy than the generation it retires, once every client
   * runs with the new password (the Job refuses to retire in the deploy that rotated).
   * @default false
   */
  readonly retirePrevious?: boolean;
}

/** What a user may do: its ACLs and quotas. */
export interface KafkaUserOptions {
  /** @default [] (the user can authenticate, and do nothing) */
  readonly acls?: KafkaAcl[];
  /** @default - no quotas */
  readonly quotas?: KafkaUserQuotas;
  /** @default - never rotated (generation 0) */
  readonly passwordRotation?: KafkaPasswordRotation;
  /**
   * The user's client always logs in with SCRAM-SHA-512, whatever the Secret's `sasl.mechanism` says (the
   * platform's own components: Schema Registry, Connect, ksqlDB, Kafbat UI, the Kafka exporter). A password
   * rotation moves the password to the other mechanism and would lock such a client out at its next restart,
   * so `passwordRotation` is refused for this user, now or in a later declaration.
   * @default false
   */
  readonly fixedScramMechanism?: boolean;
}

/** A topic some component needs, checked against the cluster's HA invariants. */
export interface TopicRequirement {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Topic-level configs (`cleanup.policy`, `min.insync.replicas`, ...). */
  readonly config?: Record<string, string>;
}

/** The owner's own props that set a topic's replication factor and min ISR, so an error names the prop to change. */
export interface TopicPropNames {
  /** @example 'topicReplicationFactor' */
  readonly replicationFactor: string;
  /** @example 'topicMinInsyncReplicas' */
  readonly minInsyncReplicas: string;
}

/**
 * What ecosystem components (Schema Registry, Connect, ksqlDB, UI, monitoring)
 * and the platform know about a Kafka cluster. `KafkaCluster` implements it.
 */
export interface IKafkaCluster {
  /** Construct path, used in validation errors. */
  readonly constructPath: string;
  readonly clusterName: string;
  readonly namespace: string;
  readonly metadataMode: KafkaMetadataMode;
  readonly profile: KafkaProfile;
  readonly zones: string[];
  readonly brokerCount: number;
  readonly defaultReplicationFactor: number;
  readonly minInsyncReplicas: number;
  /** Internal (in-cluster) SASL bootstrap servers: `host:port,host:port`. */
  readonly internalBootstrapServers: string;
  /** Security protocol of the internal listener (`SASL_PLAINTEXT` or `SASL_SSL`). */
  readonly internalSecurityProtocol: string;
  /** Always `SCRAM-SHA-512`. */
  readonly saslMechanism: string;
  /**
   * TLS of the internal listener, for clients: the CA bundle they mount.
   * Optional for other implementations of this interface; absent means the
   * internal listener is not TLS (clients use `internalSecurityProtocol` alone).
   */
  readonly internalTls?: KafkaClientTls;
  /** External bootstrap `host:port`, when an external listener is configured. */
  readonly externalBootstrapServers?: string;
  /** DNS names the platform must create for the external listener. */
  readonly externalEndpoints: ExternalEndpoint[];
  /** Pod labels of brokers (for NetworkPolicies and scrape configs). */
  readonly brokerSelector: Record<string, string>;
  /** Pod labels of KRaft controllers or ZooKeeper nodes. */
  readonly metadataQuorumSelector: Record<string, string>;
  /** Label a client namespace (or pod) needs to reach the client listeners. */
  readonly clientAccessLabel: { readonly key: string; readonly value: string };
  /** Port where each broker/controller pod serves Prometheus metrics, and its path. */
  readonly metricsPort: number;
  readonly metricsPath: string;
  /**
   * Declared KRaft controller (or ZooKeeper) count. Optional, added for the
   * monitoring side: when present, quorum-loss alerts are generated from it.
   */
  readonly metadataQuorumSize?: number;
  /**
   * Where the metrics scraper that the cluster's NetworkPolicies admit to the
   * metrics port lives. Optional, added for the monitoring side: when present,
   * `KafkaMonitoring` puts Prometheus in this namespace with these pod labels.
   */
  readonly metricsScraper?: { readonly namespace: string; readonly podLabels?: Record<string, string> };
  /**
   * The KRaft controllers' TLS listener, for the certificate-expiry probe.
   * Optional, added for the monitoring side: absent in ZooKeeper mode and
   * without TLS, and then no controller is probed.
   */
  readonly controllerTlsListener?: ControllerTlsListener;

  /**
   * Declares a SCRAM user (created idempotently in the cluster) with its ACLs
   * and quotas, and returns where its credentials live. Declaring a user again
   * adds ACLs; its quotas must not conflict.
   */
  addUser(username: string, options?: KafkaUserOptions): KafkaUserCredentials;
  /**
   * Checks a topic some component needs against the cluster's invariants
   * (RF <= brokers, min ISR < RF, known config names). Throws
   * KafkaPlatformValidationError naming `owner`/`prop`.
   */
  validateTopic(ownerPath: string, prop: string, topic: TopicRequirement, propNames?: TopicPropNames): void;
  /** Declares a topic to be created idempotently in the cluster. Validates it first. */
  addTopic(topic: TopicRequirement): void;
}
