import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamPolicyAttachment } from '@cdktf/provider-aws/lib/iam-policy-attachment';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { IAspect, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { EXPECTED_MANAGED_POLICIES, FORBIDDEN_MANAGED_POLICIES } from './managed-policies';

/**
 * Synth-time IAM guard for the infrastructure stack. Fails synth when:
 * - a forbidden managed policy (AdministratorAccess, PowerUserAccess, IAMFullAccess) is attached anywhere;
 * - a managed policy outside the expected list (plus the user's allow-list) is attached;
 * - an inline/customer policy (role, user, group) allows `*`, `*:*` or `<service>:*` actions, uses
 *   NotAction/NotResource in an Allow, or allows IAM actions on `*`;
 * - a managed policy ARN is a token (cannot be checked).
 */
export class LeastPrivilegeCheck implements IAspect {
  private readonly allowed: Set<string>;

  constructor(additionalAllowedManagedPolicies: readonly string[] = []) {
    this.allowed = new Set([...EXPECTED_MANAGED_POLICIES, ...additionalAllowedManagedPolicies]);
  }

  public visit(node: IConstruct): void {
    const path = node.node.path;
    if (node instanceof IamRolePolicyAttachment || node instanceof IamUserPolicyAttachment || node instanceof IamGroupPolicyAttachment || node instanceof IamPolicyAttachment) {
      this.checkManagedPolicy(path, 'policyArn', node.policyArnInput);
    } else if (node instanceof IamRolePolicyAttachmentsExclusive) {
      for (const arn of node.policyArnsInput ?? []) this.checkManagedPolicy(path, 'policyArns', arn);
    } else if (node instanceof IamUserPolicy || node instanceof IamGroupPolicy) {
      checkPolicyDocument(path, 'policy', node.policyInput);
    } else if (node instanceof IamRole) {
      for (const arn of node.managedPolicyArnsInput ?? []) this.checkManagedPolicy(path, 'managedPolicyArns', arn);
      for (const inline of asArray(node.inlinePolicyInput)) checkPolicyDocument(path, 'inlinePolicy', (inline as any)?.policy);
    } else if (node instanceof IamRolePolicy) {
      checkPolicyDocument(path, 'policy', node.policyInput);
    } else if (node instanceof IamPolicy) {
      checkPolicyDocument(path, 'policy', node.policyInput);
    }
  }

  private checkManagedPolicy(path: string, prop: string, arn: string | undefined): void {
    if (arn === undefined) return;
    if (Token.isUnresolved(arn)) {
      throw new KafkaPlatformValidationError(path, prop, 'the attached policy ARN is only known at apply time, so least privilege cannot be checked', 'attach policies by literal ARN');
    }
    const normalized = arn.replace(/^arn:aws[a-z-]*:/, 'arn:aws:');
    if (FORBIDDEN_MANAGED_POLICIES.includes(normalized)) {
      throw new KafkaPlatformValidationError(path, prop, `attaches ${arn}, which grants far more than a Kafka platform needs`, 'remove the attachment and grant the specific actions with an inline policy');
    }
    if (!this.allowed.has(normalized)) {
      throw new KafkaPlatformValidationError(path, prop, `attaches ${arn}, which is not among the expected managed policies`, 'remove it, or list it in AwsKafkaCloudProps.additionalAllowedManagedPolicies after reviewing it');
    }
  }
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || Token.isUnresolved(value)) return [];
  return Array.isArray(value) ? value : [value];
}

/** Throws when a policy document grants wildcard actions. Exported for the tests and for users' own stacks. */
export function checkPolicyDocument(path: string, prop: string, document: unknown): void {
  if (document === undefined) return;
  if (typeof document !== 'string') {
    throw new KafkaPlatformValidationError(path, prop, 'policy is not a literal JSON string', 'build policies with policyDocument()');
  }
  let parsed: any;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new KafkaPlatformValidationError(path, prop, 'policy is not literal JSON (it is only known at apply time)', 'build policies with policyDocument() so the actions are literal');
  }
  for (const statement of asArray(parsed.Statement) as any[]) {
    if (statement.Effect !== 'Allow') continue;
    const actions = asArray(statement.Action).map(String);
    if (statement.NotAction !== undefined || statement.NotResource !== undefined) {
      throw new KafkaPlatformValidationError(path, prop, `an Allow statement uses ${statement.NotAction !== undefined ? 'NotAction' : 'NotResource'}, which grants everything not listed`, 'list the allowed actions and resources explicitly');
    }
    for (const action of actions) {
      // `*`, `*:*`, `s3:*`: a whole service or everything. Prefix wildcards like `s3:Get*` stay allowed.
      if (action === '*' || /^[^:]+:\*$/.test(action) || /^\*:/.test(action)) {
        throw new KafkaPlatformValidationError(path, prop, `allows "${action}"`, 'list the specific actions the workload needs');
      }
    }
    const resources = asArray(statement.Resource).map(String);
    const iamActions = actions.filter((a) => /^iam:/i.test(a));
    if (iamActions.length > 0 && resources.includes('*')) {
      throw new KafkaPlatformValidationError(path, prop, `allows ${iamActions.join(', ')} on every resource`, 'scope IAM actions to specific role ARNs');
    }
  }
}
