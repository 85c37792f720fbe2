import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { policyDocument, serviceTrustPolicy } from './policy-document';
import { AzSubnetPlan, planSubnets } from './subnet-plan';

export enum NatGatewayMode {
  /** One NAT gateway per AZ: losing an AZ does not cut the others off the internet (default). */
  PER_AZ = 'per-az',
  /** One NAT gateway in the lowest-slot AZ. Cheaper; an outage of that AZ stops image pulls and AWS API calls from all private subnets. */
  SINGLE = 'single',
}

export interface AwsKafkaNetworkProps {
  /** Name prefix for resources and tags. */
  readonly name: string;
  /** EKS cluster name, for the `kubernetes.io/cluster/<name>` subnet tags. */
  readonly clusterName: string;
  readonly vpcCidr: string;
  /** At least 3 explicit AZ names (concrete at synth, since they become Kafka racks). */
  readonly availabilityZones: string[];
  /** Per-AZ subnet slot override, see `planSubnets`. @default - derived from the AZ letter */
  readonly azSlots?: Record<string, number>;
  /** @default NatGatewayMode.PER_AZ */
  readonly natGateways?: NatGatewayMode;
  /** Retention of VPC flow logs in days; flow logs are off when undefined. @default - no flow logs */
  readonly flowLogRetentionDays?: number;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * VPC with one public and one private subnet per AZ, NAT gateways and route
 * tables. Every per-AZ resource's construct id contains the AZ name, so adding
 * an AZ only adds resources.
 */
export class AwsKafkaNetwork extends Construct {
  public readonly vpc: Vpc;
  public readonly vpcCidr: string;
  public readonly plans: AzSubnetPlan[];
  /** Private subnets, keyed by AZ name. */
  public readonly privateSubnets: Record<string, Subnet> = {};
  /** Public subnets, keyed by AZ name. */
  public readonly publicSubnets: Record<string, Subnet> = {};
  public readonly natGateways: Record<string, NatGateway> = {};

  constructor(scope: Construct, id: string, props: AwsKafkaNetworkProps) {
    super(scope, id);
    const path = this.node.path;
    const azs = props.availabilityZones;
    if (azs.length < 3) {
      throw new KafkaPlatformValidationError(path, 'availabilityZones', `${azs.length} AZ(s) given; a Kafka cluster that survives the loss of an AZ needs at least 3`, 'list at least 3 AZ names, e.g. ["eu-west-1a", "eu-west-1b", "eu-west-1c"]');
    }
    if (new Set(azs).size !== azs.length) {
      throw new KafkaPlatformValidationError(path, 'availabilityZones', 'contains duplicates', 'list each AZ once');
    }
    this.vpcCidr = props.vpcCidr;
    this.plans = planSubnets(path, props.vpcCidr, azs, props.azSlots);
    const tags = props.tags ?? {};
    const clusterTag = { [`kubernetes.io/cluster/${props.clusterName}`]: 'shared' };

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: props.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { ...tags, Name: props.name },
    });
    const igw = new InternetGateway(this, 'igw', { vpcId: this.vpc.id, tags: { ...tags, Name: props.name } });

    const publicRoutes = new RouteTable(this, 'public-rt', { vpcId: this.vpc.id, tags: { ...tags, Name: `${props.name}-public` } });
    new Route(this, 'public-default-route', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });

    for (const plan of this.plans) {
      const az = plan.availabilityZone;
      this.publicSubnets[az] = new Subnet(this, `public-${az}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: plan.publicCidr,
        mapPublicIpOnLaunch: false,
        tags: { ...tags, ...clusterTag, 'Name': `${props.name}-public-${az}`, 'kubernetes.io/role/elb': '1' },
      });
      new RouteTableAssociation(this, `public-rta-${az}`, { subnetId: this.publicSubnets[az].id, routeTableId: publicRoutes.id });
      this.privateSubnets[az] = new Subnet(this, `private-${az}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: plan.privateCidr,
        tags: { ...tags, ...clusterTag, 'Name': `${props.name}-private-${az}`, 'kubernetes.io/role/internal-elb': '1' },
      });
    }

    const mode = props.natGateways ?? NatGatewayMode.PER_AZ;
    const natAzs = mode === NatGatewayMode.PER_AZ
      ? this.plans.map((p) => p.availabilityZone)
      : [[...this.plans].sort((a, b) => a.slot - b.slot)[0].availabilityZone];
    for (const az of natAzs) {
      const eip = new Eip(this, `nat-eip-${az}`, { domain: 'vpc', tags: { ...tags, Name: `${props.name}-nat-${az}` } });
      this.natGateways[az] = new NatGateway(this, `nat-${az}`, {
        allocationId: eip.allocationId,
        subnetId: this.publicSubnets[az].id,
        tags: { ...tags, Name: `${props.name}-${az}` },
        dependsOn: [igw],
      });
    }
    for (const plan of this.plans) {
      const az = plan.availabilityZone;
      const nat = this.natGateways[az] ?? this.natGateways[natAzs[0]];
      const rt = new RouteTable(this, `private-rt-${az}`, { vpcId: this.vpc.id, tags: { ...tags, Name: `${props.name}-private-${az}` } });
      new Route(this, `private-default-route-${az}`, { routeTableId: rt.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
      new RouteTableAssociation(this, `private-rta-${az}`, { subnetId: this.privateSubnets[az].id, routeTableId: rt.id });
    }

    if (props.flowLogRetentionDays !== undefined) {
      const group = new CloudwatchLogGroup(this, 'flow-log-group', {
        name: `/aws/vpc/${props.name}/flow-logs`,
        retentionInDays: props.flowLogRetentionDays,
        tags,
      });
      const role = new IamRole(this, 'flow-log-role', {
        name: `${props.name}-vpc-flow-logs`,
        assumeRolePolicy: serviceTrustPolicy('vpc-flow-logs.amazonaws.com'),
        tags,
      });
      new IamRolePolicy(this, 'flow-log-policy', {
        role: role.id,
        name: 'write-flow-logs',
        policy: policyDocument([{
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: [group.arn, `${group.arn}:*`],
        }]),
      });
      new FlowLog(this, 'flow-log', {
        vpcId: this.vpc.id,
        trafficType: 'ALL',
        logDestinationType: 'cloud-watch-logs',
        logDestination: group.arn,
        iamRoleArn: role.arn,
        tags,
      });
    }
  }

  /** Private subnet IDs in AZ order. */
  public get privateSubnetIds(): string[] {
    return this.plans.map((p) => this.privateSubnets[p.availabilityZone].id);
  }
}
