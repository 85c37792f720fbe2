import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { EksClusterRoles } from './cluster-roles';
import { parseCidr } from './subnet-plan';

export const EKS_CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

export interface EksControlPlaneProps {
  readonly clusterName: string;
  /** Kubernetes version, e.g. `1.33`. */
  readonly kubernetesVersion: string;
  readonly subnetIds: string[];
  readonly roles: EksClusterRoles;
  /**
   * CIDRs allowed to reach the public API endpoint. The public endpoint is off
   * when this is empty; `0.0.0.0/0` is refused.
   * @default [] (private endpoint only)
   */
  readonly publicEndpointCidrs?: string[];
  /** @default 90 */
  readonly logRetentionDays?: number;
  /** IAM principal ARNs (roles of CI, SSO admins) granted cluster admin through EKS access entries. @default [] */
  readonly adminPrincipalArns?: string[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * EKS control plane: private endpoint, optional CIDR-restricted public
 * endpoint, envelope encryption of Secrets with a rotating KMS key, and every
 * control-plane log type shipped to CloudWatch with bounded retention.
 */
export class EksControlPlane extends Construct {
  public readonly cluster: EksCluster;
  public readonly secretsKey: KmsKey;
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EksControlPlaneProps) {
    super(scope, id);
    const publicCidrs = props.publicEndpointCidrs ?? [];
    publicCidrs.forEach((cidr, i) => {
      const { prefix } = parseCidr(this.node.path, cidr);
      if (prefix === 0) {
        throw new KafkaPlatformValidationError(this.node.path, `publicEndpointCidrs[${i}]`, 'opens the Kubernetes API to the whole internet', 'list the CIDRs of your CI runners and operators, or leave publicEndpointCidrs empty and reach the private endpoint through a VPN');
      }
    });
    const retention = props.logRetentionDays ?? 90;

    this.secretsKey = new KmsKey(this, 'secrets-key', {
      description: `Envelope encryption of Kubernetes Secrets in EKS cluster ${props.clusterName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags: props.tags,
    });
    new KmsAlias(this, 'secrets-key-alias', { name: `alias/${props.clusterName}-eks-secrets`, targetKeyId: this.secretsKey.keyId });

    // Created before the cluster so EKS does not create it without retention.
    this.logGroup = new CloudwatchLogGroup(this, 'control-plane-logs', {
      name: `/aws/eks/${props.clusterName}/cluster`,
      retentionInDays: retention,
      tags: props.tags,
    });

    this.cluster = new EksCluster(this, 'cluster', {
      name: props.clusterName,
      version: props.kubernetesVersion,
      roleArn: props.roles.clusterRole.arn,
      vpcConfig: {
        subnetIds: props.subnetIds,
        endpointPrivateAccess: true,
        endpointPublicAccess: publicCidrs.length > 0,
        publicAccessCidrs: publicCidrs.length > 0 ? publicCidrs : undefined,
      },
      accessConfig: {
        authenticationMode: 'API',
        // The identity that runs `cdktf deploy` must be able to apply the workloads stack.
        bootstrapClusterCreatorAdminPermissions: true,
      },
      encryptionConfig: {
        provider: { keyArn: this.secretsKey.arn },
        resources: ['secrets'],
      },
      enabledClusterLogTypes: EKS_CONTROL_PLANE_LOG_TYPES,
      tags: props.tags,
      dependsOn: [this.logGroup, ...props.roles.clusterRoleAttachments],
    });

    (props.adminPrincipalArns ?? []).forEach((principalArn) => {
      const entry = new EksAccessEntry(this, `admin-entry-${slug(principalArn)}`, { clusterName: this.cluster.name, principalArn, type: 'STANDARD' });
      new EksAccessPolicyAssociation(this, `admin-policy-${slug(principalArn)}`, {
        clusterName: this.cluster.name,
        principalArn: entry.principalArn,
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
        accessScope: { type: 'cluster' },
      });
    });
  }
}

function slug(value: string): string {
  return value.replace(/[^A-Za-z0-9-]+/g, '-');
}
