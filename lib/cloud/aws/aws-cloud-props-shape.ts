import { anything, arrayOf, objectOf, optional, Shape, str } from '../../kafka/k8s/prop-shape';

/**
 * The runtime shape of `AwsKafkaCloudProps`: every prop, so a JavaScript
 * caller's typo (`availabilityZone`) is refused with the nearest name instead
 * of being ignored. The lists the network and security groups are built from
 * are checked here; the other values have their own checks
 * where they are read (`anything`).
 */
export const AWS_KAFKA_CLOUD_PROPS_SHAPE: Shape = objectOf({
  region: str(64),
  availabilityZones: optional(arrayOf(str(64), 16)),
  maxAzs: anything,
  azSlots: anything,
  vpcCidr: optional(str(64)),
  natGateways: anything,
  flowLogRetentionDays: anything,
  clusterName: anything,
  kubernetesVersion: anything,
  publicEndpointCidrs: optional(arrayOf(str(64), 1000)),
  adminPrincipalArns: optional(arrayOf(str(2048), 100)),
  controlPlaneLogRetentionDays: anything,
  kafkaNodes: anything,
  generalNodes: anything,
  allowedClientCidrs: optional(arrayOf(str(64), 1000)),
  externalDnsRole: anything,
  alarmEmails: anything,
  addonVersions: anything,
  loadBalancerControllerChartVersion: anything,
  additionalAllowedManagedPolicies: anything,
  tags: anything,
}, 'AwsKafkaCloudProps');
