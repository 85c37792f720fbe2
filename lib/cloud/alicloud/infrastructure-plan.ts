import { KafkaPlatformValidationError } from '../../errors';
import { KAFKA_NODE_PLACEMENT } from '../kafka-node-placement';
import { CloudInfrastructurePlan, CloudInfrastructureRequest } from '../cloud';
import { AckNetworkPlugin } from './ack-cluster';
import { contains, parseCidr } from './cidr';
import { assertDomain } from './dns';
import { LISTENER_SOURCES_PROP, listenerSourceCidrs } from './listener-source-cidrs';
import { AlicloudLoadBalancerFlavour } from './load-balancer-flavour';
import { DEFAULT_STORAGE_CLASS_NAME } from './storage-class';
import { assertOutsideVpc, planZones } from './zone-plan';
import type { AlicloudKafkaCloudProps } from './alicloud-kafka-cloud';

/** Construct ID of the infrastructure under the infrastructure stack; errors found before it exists name the same path. */
export const ALICLOUD_INFRASTRUCTURE_ID = 'alicloud';

/** The network settings the plan resolves, which the infrastructure builds from. */
export interface AlicloudNetworkPlan {
  readonly networkPlugin: AckNetworkPlugin;
  readonly vpcCidr: string;
  readonly serviceCidr: string;
  readonly podCidr?: string;
  /** The listener's source CIDRs the security group admits (without a `/0` the opt-in covers). */
  readonly listenerSources: string[];
}

/**
 * Every check of the Alibaba Cloud props against a platform request that needs
 * no resource, and the zones the network will have. `AlicloudKafkaInfrastructure`
 * runs it first; `KafkaPlatform` runs it (through
 * `AlicloudKafkaCloud.planInfrastructure`) before building anything, so bad
 * input costs milliseconds and leaves no half-built stack behind.
 */
export function planAlicloudInfrastructure(path: string, props: AlicloudKafkaCloudProps, request: CloudInfrastructureRequest): CloudInfrastructurePlan & AlicloudNetworkPlan {
  const name = request.name;
  if (!/^[a-z][a-z0-9-]{1,38}[a-z0-9]$/.test(name)) {
    throw new KafkaPlatformValidationError(path, 'name', `"${name}" cannot prefix Alibaba Cloud resource names (SLS projects need 3-63 lowercase characters)`, 'use 3-40 lowercase letters, digits and dashes, starting with a letter');
  }
  if (!/^[a-z]{2,}-[a-z0-9-]+$/.test(props.region)) {
    throw new KafkaPlatformValidationError(path, 'region', `"${props.region}" is not an Alibaba Cloud region ID`, 'use e.g. cn-hangzhou');
  }
  for (const zone of props.zones) {
    if (!zone.zoneId.startsWith(`${props.region}-`)) {
      throw new KafkaPlatformValidationError(path, 'zones', `zone ${zone.zoneId} is not in region ${props.region}`, `use zones of ${props.region}, e.g. ${props.region}-h`);
    }
  }
  const networkPlugin = props.networkPlugin ?? AckNetworkPlugin.TERWAY;
  const vpcCidr = props.vpcCidr ?? '192.168.0.0/16';
  const serviceCidr = props.serviceCidr ?? '172.21.0.0/20';
  const podCidr = networkPlugin === AckNetworkPlugin.FLANNEL ? props.podCidr ?? '172.20.0.0/16' : undefined;
  const vpc = parseCidr(path, 'vpcCidr', vpcCidr);
  assertOutsideVpc(path, 'serviceCidr', vpc, serviceCidr);
  if (podCidr) assertOutsideVpc(path, 'podCidr', vpc, podCidr);
  const zones = planZones(`${path}/network`, vpcCidr, props.zones).map((z) => z.zoneId);

  // The one opt-in for a public listener is the user's, on the listener; it reaches the security group.
  const allowAnySource = request.externalListener?.dangerouslyAllowAnySource ?? false;
  const listenerSources = listenerSourceCidrs(path, request, allowAnySource);
  const outsideVpc = [
    ...(props.allowedClientCidrs ?? []).map((cidr, i) => parseCidr(path, `allowedClientCidrs[${i}]`, cidr)),
    ...listenerSources.map((cidr) => parseCidr(path, LISTENER_SOURCES_PROP, cidr)),
  ].filter((cidr) => !contains(vpc, cidr));
  if (request.externalListener?.internetFacing && outsideVpc.length === 0 && !allowAnySource) {
    throw new KafkaPlatformValidationError(path, LISTENER_SOURCES_PROP, 'the external listener is internet-facing but no client network outside the VPC may reach the Kafka ports (CLB and NLB keep the client source IP, so the security group must admit it)', `list the clients' public CIDRs in ${LISTENER_SOURCES_PROP} (the security group admits them), or in allowedClientCidrs, or set kafka.externalListener.loadBalancer.dangerouslyAllowAnySource: true`);
  }
  (props.allowedClientCidrs ?? []).forEach((cidr, i) => {
    if (parseCidr(path, `allowedClientCidrs[${i}]`, cidr).prefix === 0) {
      throw new KafkaPlatformValidationError(`${path}/security-group`, `allowedClientCidrs[${i}]`, '0.0.0.0/0 opens Kafka to the internet', 'list the client networks, or set dangerouslyAllowClientPortsFromInternet: true if a public listener is really intended');
    }
  });
  if (request.externalListener) {
    assertDomain(`${path}/private-zone`, 'externalListener.domain', request.externalListener.domain);
    if (props.publicDnsDomain && !request.externalListener.internetFacing) {
      throw new KafkaPlatformValidationError(path, 'publicDnsDomain', 'public DNS records were requested for a listener that is only reachable inside the VPC', 'make the external listener internet-facing, or drop publicDnsDomain');
    }
  }
  return {
    zones,
    storageClassName: props.storageClass?.name ?? DEFAULT_STORAGE_CLASS_NAME,
    kafkaNodePlacement: KAFKA_NODE_PLACEMENT,
    loadBalancerFlavour: new AlicloudLoadBalancerFlavour(props.loadBalancer),
    networkPlugin, vpcCidr, serviceCidr, podCidr, listenerSources,
  };
}
