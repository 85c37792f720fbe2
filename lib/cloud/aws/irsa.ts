import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { PolicyStatement, policyDocument } from './policy-document';

export interface ClusterOidcProviderProps {
  /** The cluster's OIDC issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/...`). */
  readonly issuerUrl: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** The IAM OIDC identity provider that makes IRSA work for one EKS cluster. */
export class ClusterOidcProvider extends Construct {
  public readonly provider: IamOpenidConnectProvider;
  /** Issuer without the scheme, as used in trust-policy condition keys. */
  public readonly issuerHost: string;

  constructor(scope: Construct, id: string, props: ClusterOidcProviderProps) {
    super(scope, id);
    this.provider = new IamOpenidConnectProvider(this, 'provider', {
      url: props.issuerUrl,
      clientIdList: ['sts.amazonaws.com'],
      tags: props.tags,
    });
    this.issuerHost = Fn.replace(props.issuerUrl, 'https://', '');
  }
}

export interface ServiceAccountRoleProps {
  readonly oidc: ClusterOidcProvider;
  readonly roleName: string;
  /** The only Kubernetes service account allowed to assume the role. */
  readonly namespace: string;
  readonly serviceAccount: string;
  /** AWS managed policies (must be in the expected list). @default [] */
  readonly managedPolicyArns?: string[];
  /** Extra inline statements. @default [] */
  readonly statements?: PolicyStatement[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** An IAM role that exactly one Kubernetes service account can assume through IRSA. */
export class ServiceAccountRole extends Construct {
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ServiceAccountRoleProps) {
    super(scope, id);
    const issuer = props.oidc.issuerHost;
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      assumeRolePolicy: policyDocument([{
        Effect: 'Allow',
        Principal: { Federated: props.oidc.provider.arn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${issuer}:sub`]: `system:serviceaccount:${props.namespace}:${props.serviceAccount}`,
            [`${issuer}:aud`]: 'sts.amazonaws.com',
          },
        },
      }]),
      tags: props.tags,
    });
    (props.managedPolicyArns ?? []).forEach((arn) => {
      new IamRolePolicyAttachment(this, `managed-${arn.split('/').pop()}`, { role: this.role.name, policyArn: arn });
    });
    if (props.statements && props.statements.length > 0) {
      new IamRolePolicy(this, 'inline', { role: this.role.id, name: 'least-privilege', policy: policyDocument(props.statements) });
    }
  }
}
