import { ExternalListenerOptions, KafkaMetadataMode, KafkaProfile, NodePlacement, TopicRequirement, ContainerResources, VolumeSpec, KafkaPasswordRotation } from '../types';
import { KafkaJmxAgentOptions } from './jmx-agent-options';
import { KafkaRollingRestartOptions } from './rolling-restart-options';
import { KafkaScalingOptions } from './scaling-options';

/** Label the default NetworkPolicies require of the metrics scraper (see `KafkaNetworkPolicyOptions.monitoringPodSelector`). */
export const DEFAULT_METRICS_SCRAPER_LABELS: Readonly<Record<string, string>> = { 'kafka-platform.io/metrics-scraper': 'true' };

/** Broker pool options. */
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
  /**
   * The zones that host the controllers, in voter order (voter k runs in zone k mod n). It fixes the
   * static quorum (`controller.quorum.voters`): pin it before adding a zone to a cluster with more
   * controllers than zones, or the new zone would renumber the voters (synth warns). Changing it
   * moves voters, which a static quorum cannot do by a rolling change (README, "Scaling").
   * @default - the min(zones, replicas) zones with the lowest slots (see `zoneSlots`)
   */
  readonly zones?: string[];
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
  /**
   * Rotate the admin's password without downtime (see the README, "Admin password rotation"). Raising
   * `generation` runs a Job that moves the admin to its other identity (`<adminUsername>-b` and back) with a new
   * random password, restarting controllers and brokers one at a time with the roll's checks; `retirePrevious`
   * in a later deploy deletes the previous identity's password. Not with a Secret from `existingSecrets`.
   * @default - never rotated (generation 0)
   */
  readonly adminPasswordRotation?: KafkaPasswordRotation;
}

/** Container images, pinned by tag. */
export interface KafkaImageOptions {
  /** @default 'apache/kafka:4.1.1' (KRaft) or 'apache/kafka:3.9.1' (ZooKeeper mode) */
  readonly kafka?: string;
  /** @default 'zookeeper:3.8.4' */
  readonly zookeeper?: string;
  /** Image with bash, kubectl, base64 and openssl for the Secret and certificate bootstrap Jobs. @default 'alpine/k8s:1.33.5' */
  readonly secretsJob?: string;
  /** Image with curl and sha256sum that fetches the JMX exporter agent. @default 'curlimages/curl:8.11.1' */
  readonly agentFetcher?: string;
}

/** Issue the node certificate with cert-manager instead of the in-cluster bootstrap Job. */
export interface KafkaCertManagerOptions {
  /**
   * An existing Issuer (in the cluster's namespace) or ClusterIssuer that signs the node certificate.
   * @default - a self-signed CA Issuer created for this cluster
   */
  readonly issuerRef?: {
    readonly name: string;
    /** @default 'ClusterIssuer' (as the external listener's `certManagerIssuer`) */
    readonly kind?: 'Issuer' | 'ClusterIssuer';
  };
}

/** TLS of the controller, replication and in-cluster client listeners. */
export interface KafkaTlsOptions {
  /** @default - no cert-manager: a bootstrap Job creates the cluster CA and the node certificate in-cluster */
  readonly certManager?: KafkaCertManagerOptions;
  /**
   * Run the controller, replication and in-cluster client listeners as SASL_PLAINTEXT: anyone who can read
   * pod-network traffic reads every record and the controller credentials.
   * @default false
   */
  readonly dangerouslyUsePlaintextInternalListeners?: boolean;
  /**
   * In-cluster renewal (no cert-manager): a node certificate that expires within this many days is replaced
   * by a new one for the same names from the same CA, and the certificate roll makes every node present it.
   * With cert-manager, its Certificate renews (cert-manager's own `renewBefore`) and the same roll follows.
   * @default 240 (the last third of the 730-day node certificate, when cert-manager would renew it too)
   */
  readonly renewBeforeDays?: number;
  /**
   * When the certificate roll CronJob runs: it renews a node certificate that is due (no cert-manager), then
   * restarts, one at a time and with the roll's safety checks, every broker and controller that presents an
   * older certificate than its Secret holds. Five-field cron syntax, in the kube-controller-manager's time zone.
   * @default '7 * * * *' (hourly)
   */
  readonly rollSchedule?: string;
}

/** Everything a `KafkaCluster` is built from; `resolveKafkaClusterSpec` turns it into the facts every part reads. */
export interface KafkaClusterProps {
  /** Concrete zone label values (`topology.kubernetes.io/zone`) to spread over; they become `broker.rack`. Any order: a zone's slot, not its position, names its pods (see `zoneSlots`). */
  readonly zones: string[];
  /**
   * Stable slot per zone (0..63): it names the zone's StatefulSets (`<cluster>-broker-<slot>`) and node
   * IDs (1000 + slot * 100 + ordinal), whatever the zone's position in `zones`. Give one to a zone you
   * insert anywhere but at the end of `zones`, e.g. `{ 'eu-west-1d': 3 }`.
   * @default - zones without an entry take the lowest free slots in list order (slot = position when no zone has an entry)
   */
  readonly zoneSlots?: Record<string, number>;
  /**
   * Zones being (or already) taken out of service. A retired zone keeps its slot but hosts no pods:
   * its brokers are drained (their node IDs are in the resolved spec's `retiredZones`) and its broker
   * StatefulSet is scaled to 0. Keep the entry (and its `zoneSlots` entry, if it left `zones`) so the
   * slot is never reused; synth refuses a slot left empty without it. A zone hosting KRaft controllers
   * cannot be retired by a prop change.
   * @default []
   */
  readonly retiredZones?: string[];
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
  /** @default - TLS on every listener, certificates from the in-cluster bootstrap Job */
  readonly tls?: KafkaTlsOptions;
  /** The automatic, checked roll after a change that needs a restart. @default - see KafkaRollingRestartOptions */
  readonly rollingRestart?: KafkaRollingRestartOptions;
  /** The scale Job that moves data when `brokers.replicas` changes (README, "Scaling"). @default - see KafkaScalingOptions */
  readonly scaling?: KafkaScalingOptions;
  /** Source of the JMX exporter agent of brokers and controllers (an internal mirror), and whether a pod may start without it. @default - Maven Central, cached on each pod's volume; a pod starts without metrics when it cannot get it */
  readonly jmxAgent?: KafkaJmxAgentOptions;
  /**
   * KRaft metadata version (feature level `metadata.version`) to finalize, e.g. '3.9' or '4.1'. A Job
   * raises the cluster to it with `kafka-features.sh upgrade --metadata` once every node supports it
   * (after an image upgrade has rolled), and refuses a downgrade. Synth refuses a version newer than
   * the Kafka image's. Set it after the image upgrade, never together with a downgrade of the image.
   * @default - not managed: a new cluster runs the image's latest metadata version; an upgraded one keeps the version it had
   */
  readonly metadataVersion?: string;
}
