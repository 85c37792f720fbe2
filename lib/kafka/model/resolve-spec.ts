import { KAFKA_DEFAULT_IMAGES, KAFKA_PORTS, MIN_TERMINATION_GRACE_PERIOD_SECONDS } from '../constants';
import { heapMebibytes, resolveResources } from '../k8s/quantities';
import { DEFAULT_KAFKA_JMX_AGENT_SOURCE } from '../observability/jmx-agent';
import { DEFAULT_MONITORING_NAMESPACE } from '../observability/metrics-scraper';
import { ContainerResources, ControllerTlsListener, ExternalEndpoint, KafkaMetadataMode, KafkaProfile, KafkaUserCredentials, VolumeSpec } from '../types';
import { haBrokerDefaults } from './broker-config';
import { deriveKraftClusterId } from './cluster-id';
import { ClusterNaming, KafkaNodeRole, LABEL_KEY_PREFIX } from './cluster-naming';
import { DEFAULT_METRICS_SCRAPER_LABELS, KafkaClusterProps } from './cluster-props';
import { ExternalListenerSpec, KafkaClusterSpec, NodePoolSpec, ResolvedImages, RetiredZoneSpec, ZonePoolSpec, ZooKeeperSpec } from './cluster-spec';
import { resolveInternalTls } from './internal-tls';
import { brokerNodeIdScheme, controllerNodeIdScheme, nodeId, replicasInZone } from './node-ids';
import { brokerNodeIdRange, controllerZoneSlots, resolveZoneSlots, ZoneSlotSpec } from './zone-slots';

interface PoolDefaults {
  readonly resources: Required<ContainerResources>;
  readonly minimumMemoryMebibytes: number;
  readonly storageSize: string;
}

const POOL_DEFAULTS: Record<KafkaNodeRole, PoolDefaults> = {
  broker: { resources: { cpuRequest: '1', cpuLimit: '2', memory: '4Gi' }, minimumMemoryMebibytes: 1024, storageSize: '100Gi' },
  controller: { resources: { cpuRequest: '500m', cpuLimit: '1', memory: '2Gi' }, minimumMemoryMebibytes: 512, storageSize: '20Gi' },
};
const ZOOKEEPER_DEFAULTS: PoolDefaults = { resources: { cpuRequest: '250m', cpuLimit: '1', memory: '1Gi' }, minimumMemoryMebibytes: 512, storageSize: '20Gi' };
export const DEFAULT_BROKER_TERMINATION_GRACE_SECONDS = 180;
export const DEFAULT_HEAP_FRACTION = 0.5;

/**
 * Resolves `KafkaClusterProps` into the facts every part of the cluster reads.
 * Pure: the same props give the same spec, and it never throws on bad input
 * (the rule pack judges the props and the spec afterwards; unusable numbers
 * come out as NaN and are reported there).
 */
export function resolveKafkaClusterSpec(props: KafkaClusterProps): KafkaClusterSpec {
  const clusterName = props.clusterName ?? 'kafka';
  const namespace = props.namespace ?? 'kafka';
  const clusterDomain = props.clusterDomain ?? 'cluster.local';
  const metadataMode = props.metadataMode ?? KafkaMetadataMode.KRAFT;
  const kraft = metadataMode === KafkaMetadataMode.KRAFT;
  const slots = resolveZoneSlots({ zones: props.zones ?? [], zoneSlots: props.zoneSlots, retiredZones: props.retiredZones });
  const retiredNames = new Set(props.retiredZones ?? []);
  const zones = (props.zones ?? []).filter(z => !retiredNames.has(z));
  const controllerZones = kraft ? controllerZoneSlots(slots, props.controllers?.replicas ?? 3, props.controllers?.zones) : [];
  const naming = new ClusterNaming(clusterName, namespace, clusterDomain);
  const brokerConfig = { ...haBrokerDefaults(metadataMode), ...(props.brokers?.config ?? {}) };
  const images: ResolvedImages = {
    kafka: props.image ?? props.images?.kafka ?? (kraft ? KAFKA_DEFAULT_IMAGES.kafkaKraft : KAFKA_DEFAULT_IMAGES.kafkaZooKeeper),
    zookeeper: props.images?.zookeeper ?? KAFKA_DEFAULT_IMAGES.zookeeper,
    secretsJob: props.images?.secretsJob ?? KAFKA_DEFAULT_IMAGES.secretsJob,
    agentFetcher: props.images?.agentFetcher ?? KAFKA_DEFAULT_IMAGES.agentFetcher,
  };

  const brokers = resolvePool('broker', props.brokers?.replicas ?? 3, {
    resources: props.brokers?.resources, storage: props.brokers?.storage, config: props.brokers?.config,
    heapFraction: props.brokers?.heapFraction ?? DEFAULT_HEAP_FRACTION,
    grace: props.brokers?.terminationGracePeriodSeconds ?? DEFAULT_BROKER_TERMINATION_GRACE_SECONDS,
  });
  const controllers = kraft ? resolvePool('controller', props.controllers?.replicas ?? 3, {
    resources: props.controllers?.resources, storage: props.controllers?.storage, config: props.controllers?.config,
    heapFraction: DEFAULT_HEAP_FRACTION, grace: MIN_TERMINATION_GRACE_PERIOD_SECONDS,
  }) : undefined;
  const zookeeper = kraft ? undefined : resolveZooKeeper(props.zookeeper?.replicas ?? 3);
  const controllerCount = controllers?.total ?? 0;
  const zookeeperCount = zookeeper?.replicas ?? 0;
  const brokerNodeIds = brokers.zonePools.flatMap(p => p.nodeIds);

  const scraperLabels = props.networkPolicy?.monitoringPodSelector ?? DEFAULT_METRICS_SCRAPER_LABELS;
  // No prototype: every reader's `existingSecrets[user]` is an own-property lookup, so a user named
  // "constructor" does not find Object.prototype.constructor and skip its Secret.
  const existingSecrets: Record<string, string> = Object.assign(Object.create(null), props.credentials?.existingSecrets ?? {});
  const secretOf = new Map(Object.entries(existingSecrets));
  const credentialsFor = (username: string): KafkaUserCredentials => ({
    username, secretName: secretOf.get(username) ?? naming.name(`user-${username}`), usernameKey: 'username', passwordKey: 'password', jaasConfigKey: 'sasl.jaas.config', mechanismKey: 'sasl.mechanism',
  });

  const adminUsername = props.credentials?.adminUsername ?? 'admin';
  const controllerQuorumVoters = controllers ? controllerVoters(controllers) : '';
  const tls = resolveInternalTls(props, naming);

  return {
    clusterName, namespace, clusterDomain, metadataMode, kraft, zones, naming, images, brokerConfig,
    metadataVersion: props.metadataVersion,
    jmxAgent: {
      url: props.jmxAgent?.url ?? DEFAULT_KAFKA_JMX_AGENT_SOURCE.url,
      sha256: props.jmxAgent?.sha256 ?? DEFAULT_KAFKA_JMX_AGENT_SOURCE.sha256,
      required: props.jmxAgent?.required ?? DEFAULT_KAFKA_JMX_AGENT_SOURCE.required,
    },
    zoneSlots: slots.all,
    retiredZones: slots.retired.map((z): RetiredZoneSpec => ({
      zone: z.zone, slot: z.slot, brokerStatefulSetName: naming.name(`broker-${z.slot}`), brokerNodeIdRange: brokerNodeIdRange(z.slot),
    })),
    controllerZones,
    controllerZonesPinned: kraft && props.controllers?.zones !== undefined,
    profile: props.profile ?? KafkaProfile.PRODUCTION,
    defaultReplicationFactor: parseInt(brokerConfig['default.replication.factor'], 10),
    minInsyncReplicas: parseInt(brokerConfig['min.insync.replicas'], 10),
    brokers, controllers, zookeeper, controllerCount, zookeeperCount,
    metadataQuorumSize: kraft ? controllerCount : zookeeperCount,
    brokerNodeIds,
    controllerQuorumVoters,
    zookeeperConnect: Array.from({ length: zookeeperCount }, (_v, i) => `${naming.podFqdn(`${naming.name('zookeeper')}-${i}`, 'zookeeper')}:${KAFKA_PORTS.zookeeperClient}`).join(','),
    kraftClusterId: kraft ? deriveKraftClusterId(namespace, clusterName) : undefined,
    internalBootstrapServers: `${naming.name('bootstrap')}.${namespace}.svc.${clusterDomain}:${KAFKA_PORTS.internal}`,
    brokerSelector: naming.selectorFor('broker'),
    metadataQuorumSelector: naming.selectorFor(kraft ? 'controller' : 'zookeeper'),
    clientAccessLabel: { key: `${LABEL_KEY_PREFIX}/${clusterName}-client`, value: 'true' },
    // Only the scraper, not every pod that happens to run in the monitoring namespace, reaches the metrics port.
    metricsScraper: {
      namespace: props.networkPolicy?.monitoringNamespace ?? DEFAULT_MONITORING_NAMESPACE,
      ...(Object.keys(scraperLabels).length > 0 ? { podLabels: { ...scraperLabels } } : {}),
    },
    externalListener: resolveExternalListener(),
    tls,
    controllerTlsListener: controllerTlsListener(),
    adminCredentials: credentialsFor(adminUsername),
    adminAlternateUsername: adminAlternateUsername(adminUsername),
    adminPasswordRotation: props.credentials?.adminPasswordRotation,
    existingSecrets,
    createMissingSecrets: props.credentials?.createMissingSecrets ?? true,
    networkPoliciesEnabled: props.networkPolicy?.enabled ?? true,
    nodePlacement: props.nodePlacement ?? {},
    initialTopics: [...(props.topics ?? [])],
    credentialsFor,
  };

  function resolvePool(role: KafkaNodeRole, total: number, o: { resources?: ContainerResources; storage?: VolumeSpec; config?: Record<string, string>; heapFraction: number; grace: number }): NodePoolSpec {
    const defaults = POOL_DEFAULTS[role];
    const resources = resolveResources(o.resources, defaults.resources);
    // Brokers spread over the active zones by slot; controllers over the controller zones in voter order.
    const hosts: ReadonlyArray<ZoneSlotSpec> = role === 'broker' ? slots.active : controllerZones;
    const zonePools: ZonePoolSpec[] = [];
    hosts.forEach(({ zone, slot, retired }, rank) => {
      const replicas = replicasInZone(total, hosts.length, rank);
      // A retired or unknown controller zone is refused by the zone-slots rule; it gets no pods here.
      if (!(replicas > 0) || retired || !Number.isInteger(slot)) return;
      const scheme = role === 'broker' ? brokerNodeIdScheme(slot) : controllerNodeIdScheme(rank, hosts.length);
      zonePools.push({
        zone, slot, replicas, nodeIdScheme: scheme,
        statefulSetName: naming.name(`${role}-${slot}`),
        nodeIds: Array.from({ length: replicas }, (_v, ordinal) => nodeId(scheme, ordinal)),
      });
    });
    zonePools.sort((a, b) => a.slot - b.slot);
    const retiredZonePools: ZonePoolSpec[] = role !== 'broker' ? [] : slots.retired.map(({ zone, slot }) => ({
      zone, slot, replicas: 0, nodeIdScheme: brokerNodeIdScheme(slot), statefulSetName: naming.name(`${role}-${slot}`), nodeIds: [],
    }));
    return {
      role, total, zonePools, retiredZonePools, resources,
      minimumMemoryMebibytes: defaults.minimumMemoryMebibytes,
      heapMebibytes: heapMebibytes(resources.memoryBytes, o.heapFraction),
      storageSize: o.storage?.size ?? defaults.storageSize,
      claimTemplateSize: o.storage?.claimTemplateSize ?? o.storage?.size ?? defaults.storageSize,
      storageClassName: o.storage?.storageClassName ?? props.storageClassName,
      terminationGracePeriodSeconds: o.grace,
      configMapName: naming.name(`${role}-config`),
      headlessServiceName: naming.headlessServiceName(role),
      listenPort: role === 'broker' ? KAFKA_PORTS.internal : KAFKA_PORTS.controller,
      configOverrides: { ...(o.config ?? {}) },
    };
  }

  /** Voter k sits in controller zone k mod spread, at ordinal k div spread: a zone loss costs at most ceil(n/spread) voters. */
  function controllerVoters(pool: NodePoolSpec): string {
    const spread = controllerZones.length;
    const voters: string[] = [];
    for (let k = 0; spread > 0 && k < pool.total; k++) {
      const rank = k % spread;
      const ordinal = Math.floor(k / spread);
      const id = nodeId(controllerNodeIdScheme(rank, spread), ordinal);
      voters.push(`${id}@${naming.podFqdn(`${naming.name(`controller-${controllerZones[rank].slot}`)}-${ordinal}`, 'controller')}:${KAFKA_PORTS.controller}`);
    }
    return voters.join(',');
  }

  /** The first voter's host name: the node certificate's controller wildcard covers every voter (nodeCertificateDnsNames). */
  function controllerTlsListener(): ControllerTlsListener | undefined {
    const firstVoter = controllerQuorumVoters.split(',')[0];
    if (!controllers || !tls.enabled || !firstVoter) return undefined;
    return {
      port: controllers.listenPort,
      tlsServerName: firstVoter.replace(/^\d+@/, '').replace(/:\d+$/, ''),
      probeAccessLabel: { key: `${LABEL_KEY_PREFIX}/${clusterName}-tls-probe`, value: 'true' },
    };
  }

  function resolveZooKeeper(replicas: number): ZooKeeperSpec {
    const resources = resolveResources(props.zookeeper?.resources, ZOOKEEPER_DEFAULTS.resources);
    const statefulSetName = naming.name('zookeeper');
    return {
      replicas, resources,
      heapMebibytes: heapMebibytes(resources.memoryBytes, DEFAULT_HEAP_FRACTION),
      storageSize: props.zookeeper?.storage?.size ?? ZOOKEEPER_DEFAULTS.storageSize,
      claimTemplateSize: props.zookeeper?.storage?.claimTemplateSize ?? props.zookeeper?.storage?.size ?? ZOOKEEPER_DEFAULTS.storageSize,
      storageClassName: props.zookeeper?.storage?.storageClassName ?? props.storageClassName,
      statefulSetName,
      configMapName: naming.name('zookeeper-config'),
      headlessServiceName: naming.headlessServiceName('zookeeper'),
      servers: Array.from({ length: replicas }, (_v, i) =>
        `server.${i + 1}=${naming.podFqdn(`${statefulSetName}-${i}`, 'zookeeper')}:${KAFKA_PORTS.zookeeperPeer}:${KAFKA_PORTS.zookeeperElection}`).join(','),
      image: images.zookeeper,
    };
  }

  function resolveExternalListener(): ExternalListenerSpec | undefined {
    const options = props.externalListener;
    if (!options) return undefined;
    const port = options.port ?? KAFKA_PORTS.external;
    const endpoint = (hostname: string, serviceName: string): ExternalEndpoint => ({ hostname, serviceNamespace: namespace, serviceName, port });
    return {
      options, port,
      domain: options.domain,
      tlsSecretName: options.tls?.secretName ?? naming.name('external-tls'),
      bootstrapServers: `bootstrap.${options.domain}:${port}`,
      endpoints: [
        endpoint(`bootstrap.${options.domain}`, naming.name('external-bootstrap')),
        ...brokerNodeIds.map(id => endpoint(`broker-${id}.${options.domain}`, naming.name(`broker-${id}-external`))),
      ],
    };
  }
}

/** Minimum memory of the ZooKeeper nodes, in MiB. */
export const ZOOKEEPER_MINIMUM_MEMORY_MEBIBYTES = ZOOKEEPER_DEFAULTS.minimumMemoryMebibytes;

/** The admin's second identity, which an admin password rotation alternates with the declared one. */
export function adminAlternateUsername(adminUsername: string): string {
  return `${adminUsername}-b`;
}
