import { anything, arrayOf, int, objectOf, optional, Shape, str } from '../../kafka/k8s/prop-shape';

/**
 * The runtime shape of `AlicloudKafkaCloudProps`: every prop, so a JavaScript
 * caller's typo (`zone`, `allowedClientCidr`) is refused with the nearest name
 * instead of being ignored. What the network, security group and alarms are
 * built from is checked here; the other values have their own checks where
 * they are read (`anything`).
 */
export const ALICLOUD_KAFKA_CLOUD_PROPS_SHAPE: Shape = objectOf({
  region: str(64),
  zones: arrayOf(objectOf({ zoneId: str(64), slot: optional(int(0, 15)) }, 'AlicloudZone'), 16),
  vpcCidr: optional(str(64)),
  vpcName: anything,
  natGateways: anything,
  natZoneId: anything,
  clusterName: anything,
  kubernetesVersion: anything,
  clusterSpec: anything,
  networkPlugin: anything,
  podCidr: optional(str(64)),
  serviceCidr: optional(str(64)),
  publicApiEndpoint: anything,
  deletionProtection: anything,
  controlPlaneLogProjectName: anything,
  controlPlaneLogRetentionDays: anything,
  ackServiceRoles: anything,
  workloadRoles: anything,
  kms: anything,
  kafkaNodePool: anything,
  generalNodePool: anything,
  storageClass: anything,
  allowedClientCidrs: optional(arrayOf(str(64), 1000)),
  loadBalancer: anything,
  publicDnsDomain: anything,
  alarmContacts: arrayOf(objectOf({ name: str(64), email: optional(str(254)), sms: optional(str(32)), dingTalkWebhook: optional(str(2048)) }, 'AlarmContact'), 100),
  alarmThresholds: anything,
  tags: anything,
}, 'AlicloudKafkaCloudProps');
