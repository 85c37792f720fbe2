import { Construct } from 'constructs';
import { RamPolicy } from '../../generated/providers/alicloud/ram-policy';
import { RamRole } from '../../generated/providers/alicloud/ram-role';
import { RamRolePolicyAttachment } from '../../generated/providers/alicloud/ram-role-policy-attachment';
import { KafkaPlatformValidationError } from '../../errors';
import { checkRamPolicyDocument, ramPolicyDocument, RamPolicyStatement } from './ram-least-privilege';

/**
 * The account-wide service roles ACK assumes (names fixed by Alibaba Cloud), each with its
 * matching system policy `<role>Policy` that Alibaba scopes to what that component does. Only the
 * ones this platform uses: the managed control plane, logging, CloudMonitor, disks (CSI), Terway,
 * auditing.
 */
export const ACK_SERVICE_ROLES: readonly string[] = [
  'AliyunCSManagedKubernetesRole',
  'AliyunCSDefaultRole',
  'AliyunCSKubernetesAuditRole',
  'AliyunCSManagedLogRole',
  'AliyunCSManagedCmsRole',
  'AliyunCSManagedCsiRole',
  'AliyunCSManagedCsiPluginRole',
  'AliyunCSManagedCsiProvisionerRole',
  'AliyunCSManagedNetworkRole',
];

export enum AckServiceRolesMode {
  /** Create the roles (first ACK cluster in the account). */
  CREATE = 'create',
  /** The account already has them (created by the console or another stack): reference, create nothing. */
  EXISTING = 'existing',
}

export interface AckServiceRolesProps {
  /** @default AckServiceRolesMode.CREATE */
  readonly mode?: AckServiceRolesMode;
}

/** ACK's service roles, created or referenced. */
export class AckServiceRoles extends Construct {
  /** Role names ACK will assume (created here or already in the account). */
  public readonly roleNames: readonly string[] = ACK_SERVICE_ROLES;
  public readonly created: RamRole[] = [];
  /** What the cluster must wait for (empty when the roles already exist). */
  public readonly attachments: RamRolePolicyAttachment[] = [];

  constructor(scope: Construct, id: string, props: AckServiceRolesProps = {}) {
    super(scope, id);
    if ((props.mode ?? AckServiceRolesMode.CREATE) === AckServiceRolesMode.EXISTING) return;
    for (const roleName of ACK_SERVICE_ROLES) {
      const role = new RamRole(this, roleName, {
        roleName,
        description: `ACK service role ${roleName} (scoped by the system policy ${roleName}Policy)`,
        assumeRolePolicyDocument: JSON.stringify({
          Version: '1',
          Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['cs.aliyuncs.com'] } }],
        }),
      });
      this.attachments.push(new RamRolePolicyAttachment(this, `${roleName}-policy`, {
        roleName: role.roleName,
        policyName: `${roleName}Policy`,
        policyType: 'System',
      }));
      this.created.push(role);
    }
  }
}

export interface RrsaWorkloadRoleSpec {
  /** Short name; the RAM role is `<platform>-<name>`. Lowercase letters, digits and dashes. */
  readonly name: string;
  /** Namespace of the Kubernetes ServiceAccount allowed to assume the role. */
  readonly namespace: string;
  readonly serviceAccount: string;
  /** What the workload may do. Wildcard actions fail synth. */
  readonly statements: readonly RamPolicyStatement[];
}

/** Ready-made specs for common workloads. */
export class RrsaWorkloadRoles {
  /** external-dns maintaining PrivateZone records. */
  public static externalDnsPrivateZone(namespace = 'kube-system', serviceAccount = 'external-dns'): RrsaWorkloadRoleSpec {
    return {
      name: 'external-dns',
      namespace,
      serviceAccount,
      statements: [{
        actions: ['pvtz:AddZoneRecord', 'pvtz:DeleteZoneRecord', 'pvtz:DescribeZoneInfo', 'pvtz:DescribeZoneRecords', 'pvtz:DescribeZones', 'pvtz:UpdateZoneRecord', 'vpc:DescribeVpcs'],
      }],
    };
  }

  /** A backup job taking and pruning disk snapshots of the Kafka volumes. */
  public static diskSnapshots(namespace: string, serviceAccount = 'kafka-disk-snapshots'): RrsaWorkloadRoleSpec {
    return {
      name: 'disk-snapshots',
      namespace,
      serviceAccount,
      statements: [{ actions: ['ecs:CreateSnapshot', 'ecs:DeleteSnapshot', 'ecs:DescribeDisks', 'ecs:DescribeSnapshots', 'ecs:TagResources'] }],
    };
  }
}

export interface RrsaWorkloadRoleProps {
  readonly platformName: string;
  readonly spec: RrsaWorkloadRoleSpec;
  /** `rrsa_metadata[0].ram_oidc_provider_arn` of the cluster. */
  readonly oidcProviderArn: string;
  /** `rrsa_metadata[0].rrsa_oidc_issuer_url` of the cluster. */
  readonly oidcIssuerUrl: string;
}

/**
 * A RAM role that exactly one Kubernetes ServiceAccount can assume through RRSA (OIDC), with a
 * custom policy listing the actions it needs.
 */
export class RrsaWorkloadRole extends Construct {
  public readonly role: RamRole;
  public readonly policy: RamPolicy;

  constructor(scope: Construct, id: string, props: RrsaWorkloadRoleProps) {
    super(scope, id);
    const { spec } = props;
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(spec.name)) {
      throw new KafkaPlatformValidationError(this.node.path, 'workloadRoles[].name', `"${spec.name}" is not a valid role suffix`, 'use lowercase letters, digits and dashes');
    }
    const roleName = `${props.platformName}-${spec.name}`;
    const document = ramPolicyDocument(spec.statements);
    checkRamPolicyDocument(this.node.path, `workloadRoles["${spec.name}"].statements`, document);

    this.role = new RamRole(this, 'role', {
      roleName,
      description: `RRSA role for ${spec.namespace}/${spec.serviceAccount}`,
      maxSessionDuration: 3600,
      assumeRolePolicyDocument: JSON.stringify({
        Version: '1',
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Federated: [props.oidcProviderArn] },
          Condition: {
            StringEquals: {
              'oidc:aud': 'sts.aliyuncs.com',
              'oidc:iss': props.oidcIssuerUrl,
              'oidc:sub': `system:serviceaccount:${spec.namespace}:${spec.serviceAccount}`,
            },
          },
        }],
      }),
    });
    this.policy = new RamPolicy(this, 'policy', {
      policyName: roleName,
      description: `Actions of ${spec.namespace}/${spec.serviceAccount}`,
      policyDocument: document,
    });
    new RamRolePolicyAttachment(this, 'attachment', {
      roleName: this.role.roleName,
      policyName: this.policy.policyName,
      policyType: 'Custom',
    });
  }
}
