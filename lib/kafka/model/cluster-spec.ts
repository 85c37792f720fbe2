import type { ResolvedResources } from '../k8s/quantities';
import type { KafkaJmxAgentSource } from '../observability/jmx-agent';
import {
  ControllerTlsListener, ExternalEndpoint, ExternalListenerOptions, KafkaMetadataMode, KafkaPasswordRotation, KafkaProfile, KafkaUserCredentials, NodePlacement, TopicRequirement,
} from '../types';
import { ClusterNaming, KafkaNodeRole } from './cluster-naming';
import { InternalTlsSpec } from './internal-tls';
import { NodeIdScheme } from './node-ids';
import { ZoneSlotSpec } from './zone-slots';

/** The pods of one role in one zone: one StatefulSet, pinned to that zone. */
export interface ZonePoolSpec {
  readonly zone: string;
  /**
   * The zone's stable slot (`zoneSlots`, default its position in `zones`); names the StatefulSet
   * (`<cluster>-<role>-<slot>`), its `kafka-platform.io/zone-index` selector label and the node IDs.
   */
  readonly slot: number;
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
  /** Active zones that get at least one pod, by slot. */
  readonly zonePools: ZonePoolSpec[];
  /** Brokers: one per retired zone (`retiredZones`), with 0 replicas and no node IDs, by slot. Controllers: none. */
  readonly retiredZonePools: ZonePoolSpec[];
  readonly resources: ResolvedResources;
  /** Smallest memory the role runs with, in MiB (checked by the rule pack). */
  readonly minimumMemoryMebibytes: number;
  readonly heapMebibytes: number;
  /** The size every volume must have (`storage.size`). */
  readonly storageSize: string;
  /** The size in the volume claim templates (`storage.claimTemplateSize`, default `storageSize`); the volume-growth Job grows volumes from it to `storageSize`. */
  readonly claimTemplateSize: string;
  readonly storageClassName?: string;
  readonly terminationGracePeriodSeconds: number;
  readonly configMapName: string;
  readonly headlessServiceName: string;
  /** Port the role listens on for its main traffic (internal listener or controller listener). */
  readonly listenPort: number;
  /** The user's `server.properties` overrides for this role. */
  readonly configOverrides: Readonly<Record<string, string>>;
}

/** A zone of `retiredZones`: what the scale-in drain must empty before its StatefulSet scales to 0. */
export interface RetiredZoneSpec {
  readonly zone: string;
  readonly slot: number;
  /** `<cluster>-broker-<slot>`: synthesized with 0 replicas. */
  readonly brokerStatefulSetName: string;
  /** Every broker node ID the zone's slot can hold (1000 + slot * 100 .. + 99): any registered broker in it is departing. */
  readonly brokerNodeIdRange: { readonly first: number; readonly last: number };
}

/** The ZooKeeper ensemble (ZooKeeper mode only). */
export interface ZooKeeperSpec {
  readonly replicas: number;
  readonly resources: ResolvedResources;
  readonly heapMebibytes: number;
  readonly storageSize: string;
  /** See `NodePoolSpec.claimTemplateSize`. */
  readonly claimTemplateSize: string;
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
  /** Active zones (not retired), in the order of `zones`: the racks the HA rules count. */
  readonly zones: string[];
  /** Every zone, active and retired, with its stable slot, by slot. */
  readonly zoneSlots: ZoneSlotSpec[];
  /** Zones of `retiredZones`, by slot. Empty unless a zone is being retired. */
  readonly retiredZones: RetiredZoneSpec[];
  /** KRaft: the zones that host controllers, in voter order (`controllers.zones` or the default); empty in ZooKeeper mode. */
  readonly controllerZones: ZoneSlotSpec[];
  /** True when `controllers.zones` pins the controller zones. */
  readonly controllerZonesPinned: boolean;
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
  /** Broker node IDs of the active zones, by slot then pod ordinal. */
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
  /** KRaft with TLS: the controller listener as the certificate probe sees it (and the controllers' NetworkPolicy admits it). */
  readonly controllerTlsListener?: ControllerTlsListener;
  readonly externalListener?: ExternalListenerSpec;
  /** TLS of the controller, replication and in-cluster client listeners. */
  readonly tls: InternalTlsSpec;
  readonly adminCredentials: KafkaUserCredentials;
  /**
   * The admin's second identity (`<adminUsername>-b`, in super.users beside the declared one): an admin password
   * rotation moves the admin from one to the other (rotate-admin-password.sh).
   */
  readonly adminAlternateUsername: string;
  /** Declared admin password rotation; none when never rotated. */
  readonly adminPasswordRotation?: KafkaPasswordRotation;
  readonly existingSecrets: Readonly<Record<string, string>>;
  readonly createMissingSecrets: boolean;
  readonly networkPoliciesEnabled: boolean;
  readonly nodePlacement: NodePlacement;
  /** Topics given in props (more can be added later). */
  readonly initialTopics: TopicRequirement[];

  /** Where a user's credentials live: its existing Secret, or the one the bootstrap Job creates. */
  credentialsFor(username: string): KafkaUserCredentials;
}
