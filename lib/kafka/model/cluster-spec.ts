import type { ResolvedResources } from '../k8s/quantities';
import type { KafkaJmxAgentSource } from '../observability/jmx-agent';
import {
  ExternalEndpoint, ExternalListenerOptions, KafkaMetadataMode, KafkaProfile, KafkaUserCredentials, NodePlacement, TopicRequirement,
} from '../types';
import { ClusterNaming, KafkaNodeRole } from './cluster-naming';
import { InternalTlsSpec } from './internal-tls';
import { NodeIdScheme } from './node-ids';

/** The pods of one role in one zone: one StatefulSet, pinned to that zone. */
export interface ZonePoolSpec {
  readonly zone: string;
  /** Position of the zone in `zones`; names the StatefulSet and the node IDs. */
  readonly zoneIndex: number;
  readonly statefulSetName: string;
  readonly replicas: number;
  readonly nodeIdScheme: NodeIdScheme;
  /** Node IDs by pod ordinal. */
  readonly nodeIds: number[];
}

/** Brokers or KRaft controllers: one ConfigMap, one headless Service, a StatefulSet per zone. */
export interface NodePoolSpec {
  readonly role: KafkaNodeRole;
  readonly total: number;
  /** Zones that get at least one pod, in zone order. */
  readonly zonePools: ZonePoolSpec[];
  readonly resources: ResolvedResources;
  /** Smallest memory the role runs with, in MiB (checked by the rule pack). */
  readonly minimumMemoryMebibytes: number;
  readonly heapMebibytes: number;
  readonly storageSize: string;
  readonly storageClassName?: string;
  readonly terminationGracePeriodSeconds: number;
  readonly configMapName: string;
  readonly headlessServiceName: string;
  /** Port the role listens on for its main traffic (internal listener or controller listener). */
  readonly listenPort: number;
  /** The user's `server.properties` overrides for this role. */
  readonly configOverrides: Readonly<Record<string, string>>;
}

/** The ZooKeeper ensemble (ZooKeeper mode only). */
export interface ZooKeeperSpec {
  readonly replicas: number;
  readonly resources: ResolvedResources;
  readonly heapMebibytes: number;
  readonly storageSize: string;
  readonly storageClassName?: string;
  readonly statefulSetName: string;
  readonly configMapName: string;
  readonly headlessServiceName: string;
  /** `server.N=host:peer:election,...` */
  readonly servers: string;
  readonly image: string;
}

/** The external listener, resolved. */
export interface ExternalListenerSpec {
  readonly options: ExternalListenerOptions;
  readonly port: number;
  readonly domain: string;
  readonly tlsSecretName: string;
  readonly bootstrapServers: string;
  /** Bootstrap first, then one per broker in node-ID order. */
  readonly endpoints: ExternalEndpoint[];
}

/** Container images, after defaults. */
export interface ResolvedImages {
  readonly kafka: string;
  readonly zookeeper: string;
  readonly secretsJob: string;
  readonly agentFetcher: string;
}

/**
 * Every fact the parts of a `KafkaCluster` need, resolved once from its props
 * by `resolveKafkaClusterSpec`: defaults applied, zones, per-zone replica
 * counts, names, host names, node IDs, quorum voters and ports. Parts read the
 * spec, never the props or each other.
 */
export interface KafkaClusterSpec {
  readonly clusterName: string;
  readonly namespace: string;
  readonly clusterDomain: string;
  readonly metadataMode: KafkaMetadataMode;
  readonly kraft: boolean;
  readonly profile: KafkaProfile;
  readonly zones: string[];
  readonly naming: ClusterNaming;
  readonly images: ResolvedImages;
  /** Where brokers and controllers get the JMX exporter agent, and whether they may start without it. */
  readonly jmxAgent: KafkaJmxAgentSource;
  /** KRaft metadata version to finalize (`metadataVersion`); undefined: not managed. */
  readonly metadataVersion?: string;
  /** Effective broker properties (HA defaults merged with `brokers.config`). */
  readonly brokerConfig: Readonly<Record<string, string>>;
  readonly defaultReplicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly brokers: NodePoolSpec;
  /** KRaft controllers; undefined in ZooKeeper mode. */
  readonly controllers?: NodePoolSpec;
  /** ZooKeeper ensemble; undefined in KRaft mode. */
  readonly zookeeper?: ZooKeeperSpec;
  readonly controllerCount: number;
  readonly zookeeperCount: number;
  readonly metadataQuorumSize: number;
  /** Broker node IDs, in zone order then pod ordinal. */
  readonly brokerNodeIds: number[];
  /** `id@host:port,...` (KRaft); empty in ZooKeeper mode. */
  readonly controllerQuorumVoters: string;
  /** `host:port,...` (ZooKeeper mode); empty in KRaft mode. */
  readonly zookeeperConnect: string;
  readonly kraftClusterId?: string;
  readonly internalBootstrapServers: string;
  readonly brokerSelector: Record<string, string>;
  readonly metadataQuorumSelector: Record<string, string>;
  readonly clientAccessLabel: { readonly key: string; readonly value: string };
  readonly metricsScraper: { readonly namespace: string; readonly podLabels?: Record<string, string> };
  readonly externalListener?: ExternalListenerSpec;
  /** TLS of the controller, replication and in-cluster client listeners. */
  readonly tls: InternalTlsSpec;
  readonly adminCredentials: KafkaUserCredentials;
  readonly existingSecrets: Readonly<Record<string, string>>;
  readonly createMissingSecrets: boolean;
  readonly networkPoliciesEnabled: boolean;
  readonly nodePlacement: NodePlacement;
  /** Topics given in props (more can be added later). */
  readonly initialTopics: TopicRequirement[];

  /** Where a user's credentials live: its existing Secret, or the one the bootstrap Job creates. */
  credentialsFor(username: string): KafkaUserCredentials;
}
