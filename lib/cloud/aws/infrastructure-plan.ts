import { KafkaPlatformValidationError } from '../../errors';
import { isAnyAddressCidr } from '../../kafka/k8s/cidr';
import { KAFKA_NODE_PLACEMENT } from '../kafka-node-placement';
import { CloudInfrastructurePlan, CloudInfrastructureRequest } from '../cloud';
import { selectAvailabilityZones } from './availability-zones';
import { checkDnsDomain } from './dns';
import { checkAllowedClientCidrs } from './kafka-security-group';
import { AwsNlbFlavour } from './load-balancer-flavour';
import { KAFKA_STORAGE_CLASS_NAME } from './storage-class';
import { planSubnets } from './subnet-plan';
import type { AwsKafkaCloudProps } from './aws-kafka-cloud';

/** Construct ID of the infrastructure under the infrastructure stack; errors found before it exists name the same path. */
export const AWS_INFRASTRUCTURE_ID = 'aws';

/**
 * Every check of the AWS props against a platform request that needs no
 * resource, and the zones the network will have. `AwsKafkaInfrastructure`
 * runs it first; `KafkaPlatform` runs it (through
 * `AwsKafkaCloud.planInfrastructure`) before building anything, so bad input
 * costs milliseconds and leaves no half-built stack behind.
 */
export function planAwsInfrastructure(path: string, props: AwsKafkaCloudProps, request: CloudInfrastructureRequest): CloudInfrastructurePlan {
  const clusterName = props.clusterName ?? request.name;
  // 40 characters leave room for the IAM role name suffixes (64-character limit).
  if (!/^[a-zA-Z][a-zA-Z0-9-]{0,39}$/.test(clusterName)) {
    throw new KafkaPlatformValidationError(path, 'clusterName', `"${clusterName}" is not usable as an EKS cluster name and IAM role prefix`, 'use at most 40 letters, digits and hyphens, starting with a letter');
  }
  const plans = planSubnets(`${path}/network`, props.vpcCidr ?? '10.40.0.0/16', selectAvailabilityZones(path, props), props.azSlots);
  checkAllowedClientCidrs(`${path}/kafka-sg`, props.allowedClientCidrs ?? []);
  if (request.externalListener) {
    checkInternetFacingListener(path, request.externalListener);
    checkDnsDomain(`${path}/dns`, request.externalListener.domain);
  } else if (props.externalDnsRole) {
    throw new KafkaPlatformValidationError(path, 'externalDnsRole', 'external-dns needs the hosted zones of the external listener, and no external listener is configured', 'configure kafka.externalListener, or drop externalDnsRole');
  }
  return {
    zones: plans.map((p) => p.availabilityZone),
    storageClassName: KAFKA_STORAGE_CLASS_NAME,
    kafkaNodePlacement: KAFKA_NODE_PLACEMENT,
    loadBalancerFlavour: new AwsNlbFlavour(),
  };
}

/**
 * An internet-facing NLB forwards to pod IPs from its own private addresses, so
 * the node security group cannot tell internet clients apart: only the
 * Service's `loadBalancerSourceRanges` (enforced on the NLB) can. Without them
 * the external listener would be open to 0.0.0.0/0.
 */
function checkInternetFacingListener(path: string, listener: NonNullable<CloudInfrastructureRequest['externalListener']>): void {
  if (!listener.internetFacing || listener.dangerouslyAllowAnySource) return;
  const cidrs = listener.allowedSourceCidrs ?? [];
  // Parsed, not matched as text: `0.0.0.0/00` and `::/0` are every address too.
  const open = cidrs.find((cidr) => isAnyAddressCidr(cidr));
  if (cidrs.length === 0 || open) {
    throw new KafkaPlatformValidationError(path, 'kafka.externalListener.loadBalancer.allowedSourceCidrs',
      open ? `${open} opens the internet-facing Kafka listener to every address` : 'an internet-facing Kafka listener without source CIDRs is open to every address on the internet',
      'list the client CIDRs in kafka.externalListener.loadBalancer.allowedSourceCidrs, or set kafka.externalListener.loadBalancer.dangerouslyAllowAnySource: true if the listener really must be public');
  }
}
