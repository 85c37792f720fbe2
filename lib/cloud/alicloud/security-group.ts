import { Construct } from 'constructs';
import { SecurityGroup } from '../../generated/providers/alicloud/security-group';
import { SecurityGroupRule } from '../../generated/providers/alicloud/security-group-rule';
import { KafkaPlatformValidationError } from '../../errors';
import { parseCidr } from './cidr';

export interface KafkaSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  /** The VPC CIDR; client ports are open to it. */
  readonly vpcCidr: string;
  /** Kafka client ports (internal SASL listener, external listener). */
  readonly clientPorts: readonly number[];
  /** Extra source CIDRs allowed to reach the client ports (VPN, peered VPCs). Nothing else is opened. @default [] */
  readonly allowedClientCidrs?: readonly string[];
  /**
   * Pod CIDR when pods live outside the VPC (Flannel); pods reach nodes from it.
   * @default - none (Terway pods use pod vSwitches inside the VPC)
   */
  readonly podCidr?: string;
  /**
   * Where the cloud's load balancers reach the backends from, e.g. `100.64.0.0/10` for CLB health
   * checks and forwarding. Opened on the client ports only.
   * @default []
   */
  readonly loadBalancerSourceCidrs?: readonly string[];
  /**
   * Opens the client ports to the whole internet. Only for a deliberately public listener; prefer
   * `allowedClientCidrs`.
   * @default false
   */
  readonly dangerouslyAllowClientPortsFromInternet?: boolean;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The cluster's security group (ACK puts every node and Terway ENI in it), least privilege:
 * members of the group reach each other (Kubernetes networking between nodes and pods needs it,
 * and Kafka's inter-node ports ride on it); from outside the group only the Kafka client ports are
 * open, to the VPC CIDR and the explicit allow-list. No rule ever opens `0.0.0.0/0` unless the
 * loudly named prop says so.
 *
 * Rules are ForceNew in the provider, so each (port, source) pair is its own resource whose
 * construct ID is derived from the values: changing the allow-list adds or removes exactly the
 * affected rules and never replaces the others.
 */
export class KafkaSecurityGroup extends Construct {
  public readonly securityGroup: SecurityGroup;
  /** Source CIDRs of the client-port rules, in rule order. */
  public readonly clientSources: string[];

  constructor(scope: Construct, id: string, props: KafkaSecurityGroupProps) {
    super(scope, id);
    const allowList = props.allowedClientCidrs ?? [];
    allowList.forEach((cidr, i) => {
      if (parseCidr(this.node.path, `allowedClientCidrs[${i}]`, cidr).prefix === 0) {
        throw new KafkaPlatformValidationError(this.node.path, `allowedClientCidrs[${i}]`, '0.0.0.0/0 opens Kafka to the internet', 'list the client networks, or set dangerouslyAllowClientPortsFromInternet: true if a public listener is really intended');
      }
    });
    props.clientPorts.forEach((port, i) => {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new KafkaPlatformValidationError(this.node.path, `clientPorts[${i}]`, `${port} is not a TCP port`, 'use a port between 1 and 65535');
      }
    });

    this.securityGroup = new SecurityGroup(this, 'group', {
      securityGroupName: `${props.name}-kafka`,
      vpcId: props.vpcId,
      description: 'Kafka platform nodes: client ports to the VPC and the allow-list only',
      securityGroupType: 'normal',
      innerAccessPolicy: 'Accept',
      tags: { ...props.tags },
    });

    (props.loadBalancerSourceCidrs ?? []).forEach((cidr, i) => parseCidr(this.node.path, `loadBalancerSourceCidrs[${i}]`, cidr));
    this.clientSources = unique([
      props.vpcCidr,
      ...allowList,
      ...(props.loadBalancerSourceCidrs ?? []),
      ...(props.dangerouslyAllowClientPortsFromInternet ? ['0.0.0.0/0'] : []),
    ]);
    for (const port of unique(props.clientPorts)) {
      for (const cidr of this.clientSources) {
        this.ingress(`kafka-${port}-from-${cidrKey(cidr)}`, 'tcp', `${port}/${port}`, cidr, `Kafka client port ${port} from ${cidr}`);
      }
    }
    if (props.podCidr) {
      // Flannel pods are outside the VPC CIDR; ACK's own default group allows them the same way.
      this.ingress(`pods-all-from-${cidrKey(props.podCidr)}`, 'all', '-1/-1', props.podCidr, 'Pod network (Flannel) to nodes');
    }
    // Path MTU discovery and health checks inside the VPC.
    this.ingress(`icmp-from-${cidrKey(props.vpcCidr)}`, 'icmp', '-1/-1', props.vpcCidr, 'ICMP inside the VPC');
  }

  private ingress(id: string, ipProtocol: string, portRange: string, cidrIp: string, description: string): SecurityGroupRule {
    return new SecurityGroupRule(this, id, {
      securityGroupId: this.securityGroup.id,
      type: 'ingress',
      ipProtocol,
      portRange,
      cidrIp,
      policy: 'accept',
      priority: 1,
      nicType: 'intranet',
      description,
    });
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** `10.0.0.0/8` -> `10-0-0-0_8`: a construct ID that is a pure function of the rule's value. */
export function cidrKey(cidr: string): string {
  return cidr.replace(/\./g, '-').replace('/', '_');
}
