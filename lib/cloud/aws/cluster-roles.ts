import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { AwsManagedPolicy } from './managed-policies';
import { serviceTrustPolicy } from './policy-document';

export interface EksClusterRolesProps {
  readonly name: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The EKS control-plane role and the node role. The node role has only what a
 * kubelet needs (join the cluster, pull from ECR); the VPC CNI gets its
 * permissions through IRSA instead of the node role, so pods cannot borrow them.
 */
export class EksClusterRoles extends Construct {
  public readonly clusterRole: IamRole;
  public readonly nodeRole: IamRole;
  /** Attachments the cluster and node groups must wait for. */
  public readonly clusterRoleAttachments: IamRolePolicyAttachment[];
  public readonly nodeRoleAttachments: IamRolePolicyAttachment[];

  constructor(scope: Construct, id: string, props: EksClusterRolesProps) {
    super(scope, id);
    this.clusterRole = new IamRole(this, 'cluster-role', {
      name: `${props.name}-eks-cluster`,
      assumeRolePolicy: serviceTrustPolicy('eks.amazonaws.com'),
      tags: props.tags,
    });
    this.clusterRoleAttachments = [
      new IamRolePolicyAttachment(this, 'cluster-policy', { role: this.clusterRole.name, policyArn: AwsManagedPolicy.EKS_CLUSTER }),
    ];
    this.nodeRole = new IamRole(this, 'node-role', {
      name: `${props.name}-eks-node`,
      assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com'),
      tags: props.tags,
    });
    this.nodeRoleAttachments = [
      new IamRolePolicyAttachment(this, 'node-worker-policy', { role: this.nodeRole.name, policyArn: AwsManagedPolicy.EKS_WORKER_NODE }),
      new IamRolePolicyAttachment(this, 'node-ecr-policy', { role: this.nodeRole.name, policyArn: AwsManagedPolicy.ECR_READ_ONLY }),
    ];
  }
}
