import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { parseCidr } from './subnet-plan';

export interface KafkaSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Client listener ports: open to the VPC CIDR and `allowedClientCidrs`. */
  readonly clientPorts: number[];
  /** Controller / replication ports: open only to members of this security group. */
  readonly interNodePorts: number[];
  /** Extra CIDRs (peered VPCs, VPN ranges) allowed to reach the client ports. @default [] */
  readonly allowedClientCidrs?: string[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Security group of the Kafka nodes. Each rule is its own resource keyed by
 * port and CIDR, so editing the allow-list adds or removes exactly the rules
 * for that CIDR. No egress rules: egress comes from the EKS cluster security
 * group, which the nodes also carry.
 */
export class KafkaSecurityGroup extends Construct {
  public readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: KafkaSecurityGroupProps) {
    super(scope, id);
    const path = this.node.path;
    const allowed = props.allowedClientCidrs ?? [];
    checkAllowedClientCidrs(path, allowed);
    this.securityGroup = new SecurityGroup(this, 'sg', {
      name: `${props.name}-kafka-nodes`,
      description: 'Kafka broker and controller nodes: client ports from the VPC and the allow-list only',
      vpcId: props.vpcId,
      revokeRulesOnDelete: true,
      tags: { ...(props.tags ?? {}), Name: `${props.name}-kafka-nodes` },
    });
    const sources = [props.vpcCidr, ...allowed];
    for (const port of uniqueSorted(props.clientPorts)) {
      for (const cidr of [...new Set(sources)]) {
        new VpcSecurityGroupIngressRule(this, `client-${port}-${cidr.replace(/[./]/g, '-')}`, {
          securityGroupId: this.securityGroup.id,
          ipProtocol: 'tcp',
          fromPort: port,
          toPort: port,
          cidrIpv4: cidr,
          description: `Kafka clients from ${cidr}`,
        });
      }
    }
    for (const port of uniqueSorted(props.interNodePorts)) {
      new VpcSecurityGroupIngressRule(this, `internode-${port}`, {
        securityGroupId: this.securityGroup.id,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: this.securityGroup.id,
        description: 'Kafka inter-node traffic (controller quorum, replication)',
      });
    }
  }
}

function uniqueSorted(ports: number[]): number[] {
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** Refuses an allow-list entry that is not a canonical IPv4 CIDR, or that is every address. */
export function checkAllowedClientCidrs(path: string, allowed: readonly string[]): void {
  allowed.forEach((cidr, i) => {
    if (parseCidr(path, cidr, `allowedClientCidrs[${i}]`).prefix === 0) {
      // The NLB reaches broker pods from its own VPC addresses, so an internet-facing listener never needs this.
      throw new KafkaPlatformValidationError(path, `allowedClientCidrs[${i}]`, `"${cidr}" opens the Kafka ports to the whole internet`, 'list specific client CIDRs; for a public listener use kafka.externalListener with LoadBalancerExposure.INTERNET (the NLB forwards from inside the VPC)');
    }
  });
}
