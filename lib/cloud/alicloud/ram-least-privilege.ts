import { IAspect, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { RamPolicy } from '../../generated/providers/alicloud/ram-policy';
import { RamRolePolicyAttachment } from '../../generated/providers/alicloud/ram-role-policy-attachment';
import { KafkaPlatformValidationError } from '../../errors';

/** System policies that grant far more than a Kafka platform needs; attaching one fails synth. */
export const FORBIDDEN_SYSTEM_POLICIES: readonly string[] = ['AdministratorAccess', 'AliyunRAMFullAccess', 'AliyunSTSAssumeRoleAccess'];

/**
 * Synth-time RAM guard (an aspect on the infrastructure stack). Fails synth when:
 * - a forbidden system policy, or any `*FullAccess` system policy, is attached;
 * - a policy name is a token (cannot be checked);
 * - a custom policy document is not literal JSON, uses `NotAction`, or allows an action with a
 *   wildcard (`*`, `ecs:*`, `ecs:Describe*`): every action must be listed.
 */
export class RamLeastPrivilegeCheck implements IAspect {
  public visit(node: IConstruct): void {
    if (node instanceof RamRolePolicyAttachment) {
      checkPolicyAttachment(node.node.path, node.policyNameInput, node.policyTypeInput);
    } else if (node instanceof RamPolicy) {
      checkRamPolicyDocument(node.node.path, 'policyDocument', node.policyDocumentInput);
    }
  }
}

export function checkPolicyAttachment(path: string, policyName: string | undefined, policyType: string | undefined): void {
  if (policyName === undefined) return;
  if (policyType === 'Custom' && Token.isUnresolved(policyName)) return; // a RamPolicy in this stack; its document is checked itself
  if (Token.isUnresolved(policyName)) {
    throw new KafkaPlatformValidationError(path, 'policyName', 'the attached system policy is only known at apply time, so least privilege cannot be checked', 'attach system policies by literal name');
  }
  if (FORBIDDEN_SYSTEM_POLICIES.includes(policyName) || (policyType === 'System' && /FullAccess$/.test(policyName))) {
    throw new KafkaPlatformValidationError(path, 'policyName', `attaches ${policyName}, which grants far more than a Kafka platform needs`, 'remove the attachment and grant the specific actions with a custom policy (ramPolicyDocument())');
  }
}

/** Throws when a RAM policy document grants wildcard actions. */
export function checkRamPolicyDocument(path: string, prop: string, document: unknown): void {
  if (document === undefined) return;
  let parsed: any;
  try {
    if (typeof document !== 'string' || Token.isUnresolved(document)) throw new Error('not literal');
    parsed = JSON.parse(document);
  } catch {
    throw new KafkaPlatformValidationError(path, prop, 'policy document is not literal JSON (it is only known at apply time)', 'build it with ramPolicyDocument() so the actions are literal');
  }
  for (const statement of asArray(parsed.Statement)) {
    if (statement?.Effect !== 'Allow') continue;
    if (statement.NotAction !== undefined) {
      throw new KafkaPlatformValidationError(path, prop, 'an Allow statement uses NotAction, which grants every other action', 'list the allowed actions explicitly');
    }
    for (const action of asArray(statement.Action).map(String)) {
      if (action.includes('*')) {
        throw new KafkaPlatformValidationError(path, prop, `allows "${action}"`, 'list each action the workload needs, without wildcards');
      }
    }
  }
}

export interface RamPolicyStatement {
  readonly actions: readonly string[];
  /** @default ['*'] — several ECS/PrivateZone APIs have no resource-level permissions */
  readonly resources?: readonly string[];
  readonly condition?: Record<string, unknown>;
}

/** A RAM policy document (Version 1) with Allow statements; sorted so the JSON is stable. */
export function ramPolicyDocument(statements: readonly RamPolicyStatement[]): string {
  return JSON.stringify({
    Version: '1',
    Statement: statements.map((s) => ({
      Effect: 'Allow',
      Action: [...s.actions].sort(),
      Resource: [...(s.resources ?? ['*'])],
      ...(s.condition ? { Condition: s.condition } : {}),
    })),
  });
}

function asArray(value: unknown): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
