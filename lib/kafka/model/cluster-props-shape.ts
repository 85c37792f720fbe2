import { anything, arrayOf, bool, implementing, int, mapOf, num, objectOf, oneOf, optional, Shape, str } from '../k8s/prop-shape';
import { LoadBalancerExposure } from '../types';

/**
 * The runtime shape of `KafkaClusterProps` (and of the options types it
 * holds), checked before the props are resolved: a JavaScript caller's null,
 * number-for-string or missing object gets a typed error naming the prop, not
 * a TypeError. Value rules (quantities, names, HA) come after, in the packs.
 */

export const RESOURCES_SHAPE: Shape = objectOf({ cpuRequest: optional(str(64)), cpuLimit: optional(str(64)), memory: optional(str(64)) }, 'ContainerResources');
export const VOLUME_SHAPE: Shape = objectOf({ size: optional(str(64)), claimTemplateSize: optional(str(64)), storageClassName: optional(str(253)) }, 'VolumeSpec');
export const STRING_MAP_SHAPE: Shape = mapOf(str(), str(253));
export const LABELS_SHAPE: Shape = mapOf(str(63), str(317));

/** Enough for every sane pool; far more brokers than one zone's node-ID range would be refused later anyway. */
const MAX_REPLICAS = 10_000;

/** Only what is read before the topic rules run; they judge the rest and name the topic (`topics["orders"]`). */
const TOPIC_SHAPE: Shape = objectOf({ name: str(249), partitions: anything, replicationFactor: anything, config: optional(mapOf(anything)) }, 'TopicRequirement');

/** The fields of KafkaClusterProps and their shapes (KafkaPlatform checks the same fields minus `zones`). */
export const KAFKA_CLUSTER_PROPS_FIELDS: Record<string, Shape> = {
  zones: arrayOf(str(63), 64),
  zoneSlots: optional(mapOf(int(), str(63))),
  retiredZones: optional(arrayOf(str(63), 64)),
  namespace: optional(str(253)),
  clusterName: optional(str(253)),
  // Unknown values are named by the metadata-mode rule, with the fix for each.
  metadataMode: optional(str(64)),
  profile: optional(str(64)),
  brokers: optional(objectOf({
    replicas: optional(int(0, MAX_REPLICAS)),
    storage: optional(VOLUME_SHAPE),
    resources: optional(RESOURCES_SHAPE),
    config: optional(STRING_MAP_SHAPE),
    terminationGracePeriodSeconds: optional(int(0)),
    heapFraction: optional(num(0, 1)),
  }, 'KafkaBrokerOptions')),
  controllers: optional(objectOf({
    replicas: optional(int(0, MAX_REPLICAS)), storage: optional(VOLUME_SHAPE), resources: optional(RESOURCES_SHAPE), config: optional(STRING_MAP_SHAPE),
    zones: optional(arrayOf(str(63), 64)),
  }, 'KafkaControllerOptions')),
  zookeeper: optional(objectOf({ replicas: optional(int(0, MAX_REPLICAS)), storage: optional(VOLUME_SHAPE), resources: optional(RESOURCES_SHAPE) }, 'ZooKeeperOptions')),
  storageClassName: optional(str(253)),
  nodePlacement: optional(objectOf({
    nodeLabels: optional(LABELS_SHAPE),
    tolerations: optional(arrayOf(objectOf({ key: str(317), value: optional(str(63)), effect: oneOf(['NoSchedule', 'NoExecute', 'PreferNoSchedule']) }, 'toleration'))),
  }, 'NodePlacement')),
  externalListener: optional(objectOf({
    domain: str(253),
    loadBalancer: optional(objectOf({
      flavour: optional(implementing('serviceFields', 'problems')),
      exposure: optional(oneOf(Object.values(LoadBalancerExposure))),
      allowedSourceCidrs: optional(arrayOf(str(64), 1000)),
      dangerouslyAllowAnySource: optional(bool),
    }, 'LoadBalancerOptions')),
    tls: objectOf({
      secretName: optional(str(253)),
      certManagerIssuer: optional(objectOf({ name: str(253), kind: optional(oneOf(['Issuer', 'ClusterIssuer'])) }, 'certManagerIssuer')),
    }, 'ExternalTlsOptions'),
    port: optional(int(1, 65535)),
  }, 'ExternalListenerOptions')),
  image: optional(str(512)),
  images: optional(objectOf({ kafka: optional(str(512)), zookeeper: optional(str(512)), secretsJob: optional(str(512)), agentFetcher: optional(str(512)) }, 'KafkaImageOptions')),
  topics: optional(arrayOf(TOPIC_SHAPE)),
  networkPolicy: optional(objectOf({ enabled: optional(bool), monitoringNamespace: optional(str(253)), monitoringPodSelector: optional(LABELS_SHAPE) }, 'KafkaNetworkPolicyOptions')),
  credentials: optional(objectOf({ adminUsername: optional(str(253)), existingSecrets: optional(mapOf(str(253), str(253))), createMissingSecrets: optional(bool),
    // Its values are judged by the admin-password-rotation rule, which names the prop and the fix.
    adminPasswordRotation: optional(objectOf({ generation: anything, retirePrevious: anything }, 'KafkaPasswordRotation')) }, 'KafkaCredentialsOptions')),
  clusterDomain: optional(str(253)),
  scaling: optional(objectOf({
    throttleBytesPerSecond: optional(int(0)), timeoutSeconds: optional(int(0)), pollSeconds: optional(int(0)), kubectlImage: optional(str(512)),
  })),
  metadataVersion: optional(str(32)),
  jmxAgent: optional(objectOf({ url: optional(str(2048)), sha256: optional(str(64)), required: optional(bool) })),
  tls: optional(objectOf({
    certManager: optional(objectOf({ issuerRef: optional(objectOf({ name: str(253), kind: optional(oneOf(['Issuer', 'ClusterIssuer'])) }, 'issuerRef')) }, 'KafkaCertManagerOptions')),
    dangerouslyUsePlaintextInternalListeners: optional(bool),
    // The certificate-renewal rule judges the values.
    renewBeforeDays: optional(anything),
    rollSchedule: optional(anything),
  }, 'KafkaTlsOptions')),
  // The roll Job's own checks judge the values.
  rollingRestart: optional(objectOf({ checkTimeoutSeconds: anything, pollSeconds: anything, maxQuorumLag: anything, kubectlImage: anything }, 'KafkaRollingRestartOptions')),
};

export const KAFKA_CLUSTER_PROPS_SHAPE: Shape = objectOf(KAFKA_CLUSTER_PROPS_FIELDS, 'KafkaClusterProps');

