import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ClusterOidcProvider, ServiceAccountRole } from './irsa';
import { AwsManagedPolicy } from './managed-policies';

export interface EksAddonVersions {
  /** @default - the default version for the cluster's Kubernetes version */
  readonly vpcCni?: string;
  /** @default - the default version for the cluster's Kubernetes version */
  readonly kubeProxy?: string;
  /** @default - the default version for the cluster's Kubernetes version */
  readonly coreDns?: string;
  /** @default - the default version for the cluster's Kubernetes version */
  readonly ebsCsiDriver?: string;
  /** @default - the default version for the cluster's Kubernetes version */
  readonly cloudwatchObservability?: string;
}

export interface NetworkingAddonsProps {
  readonly name: string;
  readonly clusterName: string;
  readonly oidc: ClusterOidcProvider;
  /** @default {} */
  readonly versions?: EksAddonVersions;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Add-ons nodes need to become Ready (VPC CNI with its own IRSA role and
 * NetworkPolicy enforcement on, kube-proxy); created before the node groups.
 */
export class NetworkingAddons extends Construct {
  public readonly vpcCni: EksAddon;
  public readonly kubeProxy: EksAddon;

  constructor(scope: Construct, id: string, props: NetworkingAddonsProps) {
    super(scope, id);
    const cniRole = new ServiceAccountRole(this, 'vpc-cni-role', {
      oidc: props.oidc,
      roleName: `${props.name}-vpc-cni`,
      namespace: 'kube-system',
      serviceAccount: 'aws-node',
      managedPolicyArns: [AwsManagedPolicy.EKS_CNI],
      tags: props.tags,
    });
    this.vpcCni = new EksAddon(this, 'vpc-cni', {
      clusterName: props.clusterName,
      addonName: 'vpc-cni',
      addonVersion: props.versions?.vpcCni,
      serviceAccountRoleArn: cniRole.role.arn,
      // The VPC CNI ignores NetworkPolicy objects unless its policy agent is on;
      // without it the Kafka NetworkPolicies would be accepted but never enforced.
      configurationValues: JSON.stringify({ enableNetworkPolicy: 'true' }),
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'PRESERVE',
      tags: props.tags,
    });
    this.kubeProxy = new EksAddon(this, 'kube-proxy', {
      clusterName: props.clusterName,
      addonName: 'kube-proxy',
      addonVersion: props.versions?.kubeProxy,
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'PRESERVE',
      tags: props.tags,
    });
  }
}

export interface WorkloadAddonsProps extends NetworkingAddonsProps {
  /** ARN of the KMS key the StorageClass encrypts volumes with; the CSI driver gets grants on it only. */
  readonly ebsKeyArn: string;
  /** Add-ons with pods wait for these (the node groups). */
  readonly dependsOn: ITerraformDependable[];
}

/** Add-ons that run pods and therefore need nodes: CoreDNS, the EBS CSI driver and CloudWatch observability (Container Insights). */
export class WorkloadAddons extends Construct {
  public readonly ebsCsiRole: ServiceAccountRole;
  /** Container Insights; CloudWatch alarms on its metrics wait for it. */
  public readonly cloudwatchObservability: EksAddon;

  constructor(scope: Construct, id: string, props: WorkloadAddonsProps) {
    super(scope, id);
    new EksAddon(this, 'coredns', {
      clusterName: props.clusterName,
      addonName: 'coredns',
      addonVersion: props.versions?.coreDns,
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'PRESERVE',
      tags: props.tags,
      dependsOn: props.dependsOn,
    });
    this.ebsCsiRole = new ServiceAccountRole(this, 'ebs-csi-role', {
      oidc: props.oidc,
      roleName: `${props.name}-ebs-csi`,
      namespace: 'kube-system',
      serviceAccount: 'ebs-csi-controller-sa',
      managedPolicyArns: [AwsManagedPolicy.EBS_CSI_DRIVER],
      statements: [
        {
          Sid: 'UseKafkaVolumeKey',
          Effect: 'Allow',
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
          Resource: props.ebsKeyArn,
        },
        {
          Sid: 'GrantsForAttachedVolumes',
          Effect: 'Allow',
          Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
          Resource: props.ebsKeyArn,
          Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        },
      ],
      tags: props.tags,
    });
    new EksAddon(this, 'ebs-csi-driver', {
      clusterName: props.clusterName,
      addonName: 'aws-ebs-csi-driver',
      addonVersion: props.versions?.ebsCsiDriver,
      serviceAccountRoleArn: this.ebsCsiRole.role.arn,
      // The node plugin must run on the tainted Kafka nodes, or their volumes never attach.
      configurationValues: JSON.stringify({ node: { tolerateAllTaints: true } }),
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'PRESERVE',
      tags: props.tags,
      dependsOn: props.dependsOn,
    });
    const cloudwatchRole = new ServiceAccountRole(this, 'cloudwatch-agent-role', {
      oidc: props.oidc,
      roleName: `${props.name}-cloudwatch-agent`,
      namespace: 'amazon-cloudwatch',
      serviceAccount: 'cloudwatch-agent',
      managedPolicyArns: [AwsManagedPolicy.CLOUDWATCH_AGENT_SERVER],
      tags: props.tags,
    });
    this.cloudwatchObservability = new EksAddon(this, 'cloudwatch-observability', {
      clusterName: props.clusterName,
      addonName: 'amazon-cloudwatch-observability',
      addonVersion: props.versions?.cloudwatchObservability,
      serviceAccountRoleArn: cloudwatchRole.role.arn,
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'PRESERVE',
      tags: props.tags,
      dependsOn: props.dependsOn,
    });
  }
}
