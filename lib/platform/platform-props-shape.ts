import { anything, bool, fieldsOf, func, implementing, notAProp, objectOf, optional, Shape, str } from '../kafka/k8s/prop-shape';
import { KAFKA_CLUSTER_PROPS_FIELDS } from '../kafka/model/cluster-props-shape';

/**
 * The runtime shape of `KafkaPlatformProps`, derived from the `KafkaCluster`
 * table: the Kafka props minus what the cloud supplies (zones, storage class,
 * node placement, the load-balancer flavour). A prop added to the cluster
 * table is a platform prop too, with no step here; one of the supplied props
 * given to a platform is refused by name instead of being silently replaced.
 */
const { externalListener, ...clusterFields } = KAFKA_CLUSTER_PROPS_FIELDS;
const { loadBalancer, ...listenerFields } = fieldsOf(externalListener);
const { flavour: _flavour, ...loadBalancerFields } = fieldsOf(loadBalancer);

const fromCloud = (what: string) => notAProp(`is not a prop of PlatformKafkaClusterProps: the cloud supplies the ${what}`, 'remove it; set it on the cloud (e.g. AwsKafkaCloud availabilityZones, AlicloudKafkaCloud zones)');
const kafkaFields = {
  ...clusterFields,
  zones: fromCloud('zones'),
  storageClassName: fromCloud('StorageClass'),
  nodePlacement: fromCloud('node placement (the Kafka node pools\' labels and taints)'),
};

export const PLATFORM_KAFKA_CLUSTER_PROPS_SHAPE: Shape = objectOf({
  ...kafkaFields,
  externalListener: optional(objectOf({
    ...listenerFields,
    loadBalancer: optional(objectOf({ ...loadBalancerFields, flavour: notAProp('is not a prop of a platform listener: the cloud supplies the load-balancer flavour', 'remove it; AlicloudKafkaCloud takes loadBalancer options') }, 'LoadBalancerOptions')),
  }, 'PlatformExternalListenerOptions')),
}, 'PlatformKafkaClusterProps');

export const KAFKA_PLATFORM_PROPS_SHAPE: Shape = objectOf({
  cloud: implementing('createInfrastructure'),
  kafka: optional(PLATFORM_KAFKA_CLUSTER_PROPS_SHAPE),
  // `false`, or props KafkaEcosystem checks against its own table when it is built (before any cloud resource).
  ecosystem: anything,
  workloads: optional(func),
  gitops: optional(bool),
  gitopsDirectory: optional(str(1024)),
}, 'KafkaPlatformProps');
