import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { KAFKA_NODE_LABEL_KEY, KAFKA_NODE_LABEL_VALUE, KAFKA_NODE_TAINT_KEY, KAFKA_NODE_TAINT_VALUE } from '../kafka-node-placement';

// The node-pool contract is cloud-neutral; re-exported so this module's public API is unchanged.
export { KAFKA_NODE_LABEL_KEY, KAFKA_NODE_LABEL_VALUE, KAFKA_NODE_TAINT_KEY, KAFKA_NODE_TAINT_VALUE, KAFKA_NODE_PLACEMENT } from '../kafka-node-placement';

export interface NodeGroupSize {
  /** @default depends on the group */
  readonly instanceTypes?: string[];
  /** Nodes per group. @default depends on the group */
  readonly desiredSize?: number;
  /** @default desiredSize + 1 */
  readonly maxSize?: number;
  /** Root volume size in GiB. @default 50 */
  readonly rootVolumeGiB?: number;
}

export interface EksNodeGroupsProps {
  /** The cluster's name attribute (a reference, so node groups wait for the cluster). */
  readonly clusterName: string;
  /** Literal prefix for launch template names. */
  readonly namePrefix: string;
  readonly nodeRoleArn: string;
  /** Private subnet IDs keyed by AZ name, in AZ order. */
  readonly privateSubnetIds: Array<{ readonly availabilityZone: string; readonly subnetId: string }>;
  /** EKS cluster security group (from the cluster) plus the Kafka node security group. */
  readonly clusterSecurityGroupId: string;
  readonly kafkaSecurityGroupId: string;
  /** Brokers in the cluster; each AZ gets ceil(brokers / AZs) Kafka nodes plus one for its controller. */
  readonly brokerCount: number;
  /** @default { instanceTypes: ['m6i.2xlarge'] } */
  readonly kafka?: NodeGroupSize;
  /** @default { instanceTypes: ['m6i.large'], desiredSize: 3 } */
  readonly general?: NodeGroupSize;
  /** Node groups wait for these (node role attachments, VPC CNI). */
  readonly dependsOn: ITerraformDependable[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * One managed node group per AZ reserved for Kafka (labelled, tainted
 * NoSchedule), plus one general group across all AZs for everything else.
 * Per-AZ groups keep brokers pinned to their rack: the cluster autoscaler and
 * node replacement never move a broker's capacity to another AZ, where its
 * EBS volume could not follow.
 */
export class EksNodeGroups extends Construct {
  /** Kafka node groups keyed by AZ. */
  public readonly kafkaNodeGroups: Record<string, EksNodeGroup> = {};
  public readonly generalNodeGroup: EksNodeGroup;
  /** Desired nodes in each Kafka node group. */
  public readonly kafkaNodesPerAz: number;
  /** Desired nodes in the general group. */
  public readonly generalNodes: number;

  constructor(scope: Construct, id: string, props: EksNodeGroupsProps) {
    super(scope, id);
    const zones = props.privateSubnetIds.length;
    const kafkaDesired = props.kafka?.desiredSize ?? Math.ceil(props.brokerCount / zones) + 1;
    this.kafkaNodesPerAz = kafkaDesired;
    if (kafkaDesired * zones < props.brokerCount) {
      throw new KafkaPlatformValidationError(this.node.path, 'kafkaNodes.desiredSize', `${kafkaDesired} node(s) per AZ x ${zones} AZs cannot host ${props.brokerCount} brokers with one broker per node`, `set kafkaNodes.desiredSize to at least ${Math.ceil(props.brokerCount / zones)}`);
    }

    const kafkaTemplate = this.launchTemplate('kafka-lt', `${props.namePrefix}-kafka`, [props.clusterSecurityGroupId, props.kafkaSecurityGroupId], props.kafka, props.tags);
    for (const { availabilityZone: az, subnetId } of props.privateSubnetIds) {
      this.kafkaNodeGroups[az] = new EksNodeGroup(this, `kafka-${az}`, {
        clusterName: props.clusterName,
        nodeGroupName: `kafka-${az}`,
        nodeRoleArn: props.nodeRoleArn,
        subnetIds: [subnetId],
        amiType: 'AL2023_x86_64_STANDARD',
        instanceTypes: props.kafka?.instanceTypes ?? ['m6i.2xlarge'],
        scalingConfig: { minSize: kafkaDesired, desiredSize: kafkaDesired, maxSize: props.kafka?.maxSize ?? kafkaDesired + 1 },
        updateConfig: { maxUnavailable: 1 },
        nodeRepairConfig: { enabled: true },
        labels: { [KAFKA_NODE_LABEL_KEY]: KAFKA_NODE_LABEL_VALUE },
        taint: [{ key: KAFKA_NODE_TAINT_KEY, value: KAFKA_NODE_TAINT_VALUE, effect: 'NO_SCHEDULE' }],
        launchTemplate: { id: kafkaTemplate.id, version: Token.asString(kafkaTemplate.latestVersion) },
        tags: props.tags,
        dependsOn: props.dependsOn,
      });
    }

    const generalDesired = props.general?.desiredSize ?? 3;
    this.generalNodes = generalDesired;
    const generalTemplate = this.launchTemplate('general-lt', `${props.namePrefix}-general`, [props.clusterSecurityGroupId], props.general, props.tags);
    this.generalNodeGroup = new EksNodeGroup(this, 'general', {
      clusterName: props.clusterName,
      nodeGroupName: 'general',
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: props.privateSubnetIds.map((s) => s.subnetId),
      amiType: 'AL2023_x86_64_STANDARD',
      instanceTypes: props.general?.instanceTypes ?? ['m6i.large'],
      scalingConfig: { minSize: generalDesired, desiredSize: generalDesired, maxSize: props.general?.maxSize ?? generalDesired * 2 },
      updateConfig: { maxUnavailable: 1 },
      nodeRepairConfig: { enabled: true },
      launchTemplate: { id: generalTemplate.id, version: Token.asString(generalTemplate.latestVersion) },
      tags: props.tags,
      dependsOn: props.dependsOn,
    });
  }

  private launchTemplate(id: string, name: string, securityGroupIds: string[], size: NodeGroupSize | undefined, tags: Record<string, string> | undefined): LaunchTemplate {
    return new LaunchTemplate(this, id, {
      name,
      updateDefaultVersion: true,
      vpcSecurityGroupIds: securityGroupIds,
      // IMDSv2 only, one hop: pods cannot reach the node role's credentials; they use IRSA.
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [{
        deviceName: '/dev/xvda',
        ebs: { volumeSize: size?.rootVolumeGiB ?? 50, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' },
      }],
      tagSpecifications: [{ resourceType: 'instance', tags: { ...(tags ?? {}), Name: name } }],
      tags,
    });
  }
}
