import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { TerraformStack, Testing } from 'cdktf';
import { AwsKafkaCloud } from '../../../lib/cloud/aws/aws-kafka-cloud';
import { checkPolicyDocument } from '../../../lib/cloud/aws/least-privilege-check';
import { AwsManagedPolicy, EXPECTED_MANAGED_POLICIES } from '../../../lib/cloud/aws/managed-policies';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { AZS, DEFAULT_REQUEST, ref, resourceBodies, resources, synthAws } from './aws-test-helpers';

function rolesByName(json: any): Record<string, string> {
  return Object.fromEntries(resources(json, 'aws_iam_role').map(([id, body]) => [body.name, id]));
}

function attachedTo(json: any, roleName: string): string[] {
  const id = rolesByName(json)[roleName];
  return resourceBodies(json, 'aws_iam_role_policy_attachment').filter((a) => a.role === ref('aws_iam_role', id, 'name')).map((a) => a.policy_arn).sort();
}

describe('IAM (least privilege)', () => {
  test('only the expected AWS managed policies are attached, and never AdministratorAccess', () => {
    const { json, text } = synthAws({ externalDnsRole: true, flowLogRetentionDays: 7 });
    for (const a of resourceBodies(json, 'aws_iam_role_policy_attachment')) expect(EXPECTED_MANAGED_POLICIES).toContain(a.policy_arn);
    expect(text).not.toMatch(/AdministratorAccess|PowerUserAccess|IAMFullAccess/);
  });

  test('cluster and node roles carry exactly what EKS needs', () => {
    const { json } = synthAws();
    expect(attachedTo(json, 'kafka-eks-cluster')).toEqual([AwsManagedPolicy.EKS_CLUSTER]);
    expect(attachedTo(json, 'kafka-eks-node')).toEqual([AwsManagedPolicy.ECR_READ_ONLY, AwsManagedPolicy.EKS_WORKER_NODE].sort());
    // The CNI policy is on the aws-node service account's role (IRSA), not on every node.
    expect(attachedTo(json, 'kafka-vpc-cni')).toEqual([AwsManagedPolicy.EKS_CNI]);
    expect(attachedTo(json, 'kafka-ebs-csi')).toEqual([AwsManagedPolicy.EBS_CSI_DRIVER]);
  });

  test('no policy document in the stack allows wildcard actions', () => {
    const { stack } = synthAws({ externalDnsRole: true, flowLogRetentionDays: 7 });
    const docs = stack.node.findAll().flatMap((c) => {
      if (c instanceof IamRolePolicy) return [c.policyInput!];
      if (c instanceof IamRole) return [c.assumeRolePolicyInput!];
      return [];
    });
    // 8 trust policies (cluster, node, flow logs, 5 IRSA roles) + 4 inline policies.
    expect(docs).toHaveLength(12);
    for (const doc of docs) {
      for (const s of JSON.parse(doc).Statement) {
        for (const action of [s.Action].flat()) expect(action).not.toMatch(/^\*$|:\*$/);
      }
    }
  });

  test('IRSA roles trust exactly one service account of the cluster OIDC provider', () => {
    const { stack } = synthAws({ externalDnsRole: true });
    const roles = stack.node.findAll().filter((c): c is IamRole => c instanceof IamRole);
    const subjects = roles.flatMap((r) => JSON.parse(r.assumeRolePolicyInput!).Statement)
      .filter((s: any) => s.Action === 'sts:AssumeRoleWithWebIdentity')
      .map((s: any) => {
        const cond = s.Condition.StringEquals;
        const sub = Object.entries(cond).find(([k]) => k.endsWith(':sub'))![1];
        const aud = Object.entries(cond).find(([k]) => k.endsWith(':aud'))![1];
        expect(aud).toBe('sts.amazonaws.com');
        return sub;
      }).sort();
    expect(subjects).toEqual([
      'system:serviceaccount:amazon-cloudwatch:cloudwatch-agent',
      'system:serviceaccount:external-dns:external-dns',
      'system:serviceaccount:kube-system:aws-load-balancer-controller',
      'system:serviceaccount:kube-system:aws-node',
      'system:serviceaccount:kube-system:ebs-csi-controller-sa',
    ]);
  });

  test('the EBS CSI driver may use only the Kafka volume key, and grants only for AWS resources', () => {
    const { json } = synthAws();
    const keyId = resources(json, 'aws_kms_key').find(([, k]) => /Kafka volumes/.test(k.description))![0];
    const csiRole = rolesByName(json)['kafka-ebs-csi'];
    const policy = JSON.parse(resourceBodies(json, 'aws_iam_role_policy').find((p) => p.role === ref('aws_iam_role', csiRole, 'id')).policy);
    for (const s of policy.Statement) expect(s.Resource).toBe(ref('aws_kms_key', keyId, 'arn'));
    expect(policy.Statement.find((s: any) => s.Action.includes('kms:CreateGrant')).Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': 'true' } });
  });

  test('external-dns may change only the Kafka hosted zones', () => {
    const { json } = synthAws({ externalDnsRole: true });
    const roleId = rolesByName(json)['kafka-external-dns'];
    const policy = JSON.parse(resourceBodies(json, 'aws_iam_role_policy').find((p) => p.role === ref('aws_iam_role', roleId, 'id')).policy);
    const change = policy.Statement.find((s: any) => s.Action.includes('route53:ChangeResourceRecordSets'));
    const zoneId = resources(json, 'aws_route53_zone')[0][0];
    expect(change.Resource).toEqual([ref('aws_route53_zone', zoneId, 'arn')]);
  });
});

describe('AWS Load Balancer Controller role', () => {
  function controllerPolicy(json: any): any {
    const roleId = rolesByName(json)['kafka-aws-lb-controller'];
    return JSON.parse(resourceBodies(json, 'aws_iam_role_policy').find((p) => p.role === ref('aws_iam_role', roleId, 'id')).policy);
  }

  test('exists only with an external listener', () => {
    expect(rolesByName(synthAws().json)['kafka-aws-lb-controller']).toBeDefined();
    expect(rolesByName(synthAws({}, { externalListener: undefined }).json)['kafka-aws-lb-controller']).toBeUndefined();
  });

  test('NLB permissions only: no WAF, Shield, Cognito or ACM, and deletes only of controller-tagged resources', () => {
    const policy = controllerPolicy(synthAws().json);
    const actions: string[] = policy.Statement.flatMap((s: any) => [s.Action].flat());
    expect(actions.filter((a) => /^(waf|wafv2|waf-regional|shield|cognito-idp|acm):/.test(a))).toEqual([]);
    for (const s of policy.Statement) {
      const deletes = [s.Action].flat().filter((a: string) => /:Delete(LoadBalancer|TargetGroup|SecurityGroup)$/.test(a));
      if (deletes.length > 0) expect(s.Condition).toEqual({ Null: { 'aws:ResourceTag/elbv2.k8s.aws/cluster': 'false' } });
    }
    const slr = policy.Statement.find((s: any) => s.Action === 'iam:CreateServiceLinkedRole');
    expect(slr.Resource).toMatch(/:role\/aws-service-role\/elasticloadbalancing\.amazonaws\.com\/AWSServiceRoleForElasticLoadBalancing$/);
    expect(slr.Condition).toEqual({ StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } });
  });
});

describe('least-privilege synth check', () => {
  function stackWithCloud(): TerraformStack {
    const stack = new TerraformStack(Testing.app(), 'infra');
    new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: AZS }).createInfrastructure(stack, DEFAULT_REQUEST);
    return stack;
  }

  test('attaching AdministratorAccess anywhere in the stack fails synth', () => {
    const stack = stackWithCloud();
    const role = stack.node.findAll().find((c): c is IamRole => c instanceof IamRole)!;
    new IamRolePolicyAttachment(stack, 'oops', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(() => Testing.synth(stack)).toThrow(KafkaPlatformValidationError);
    expect(() => Testing.synth(stack)).toThrow(/infra\/oops\] policyArn: attaches arn:aws:iam::aws:policy\/AdministratorAccess/);
  });

  test('AdministratorAccess on a user or group, or through an exclusive attachment, fails too', () => {
    const stack = stackWithCloud();
    new IamUserPolicyAttachment(stack, 'user-admin', { user: 'u', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(() => Testing.synth(stack)).toThrow(/user-admin\] policyArn/);
    const other = stackWithCloud();
    new IamRolePolicyAttachmentsExclusive(other, 'exclusive', { roleName: 'r', policyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    expect(() => Testing.synth(other)).toThrow(/exclusive\] policyArns/);
  });

  test('an unexpected managed policy fails unless allow-listed', () => {
    const stack = stackWithCloud();
    new IamRolePolicyAttachment(stack, 'extra', { role: 'r', policyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    expect(() => Testing.synth(stack)).toThrow(/additionalAllowedManagedPolicies/);

    const allowed = new TerraformStack(Testing.app(), 'infra');
    new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: AZS, additionalAllowedManagedPolicies: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] })
      .createInfrastructure(allowed, DEFAULT_REQUEST);
    new IamRolePolicyAttachment(allowed, 'extra', { role: 'r', policyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    expect(() => Testing.synth(allowed)).not.toThrow();
  });

  test('inline policies with "*" or "service:*" actions fail synth', () => {
    const stack = stackWithCloud();
    new IamRolePolicy(stack, 'wild', { role: 'r', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) });
    expect(() => Testing.synth(stack)).toThrow(/wild\] policy: allows "s3:\*"/);
    expect(() => checkPolicyDocument('p', 'policy', JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }))).toThrow(/allows "\*"/);
    expect(() => checkPolicyDocument('p', 'policy', JSON.stringify({ Statement: [{ Effect: 'Allow', NotAction: 's3:GetObject', Resource: '*' }] }))).toThrow(/NotAction/);
    expect(() => checkPolicyDocument('p', 'policy', JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] }))).toThrow(/iam:PassRole on every resource/);
    expect(() => checkPolicyDocument('p', 'policy', JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: '*' }] }))).toThrow(/allows "\*:\*"/);
    expect(() => checkPolicyDocument('p', 'policy', JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::x' }] }))).toThrow(/NotResource/);
    expect(() => checkPolicyDocument('p', 'policy', JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::bucket/*' }] }))).not.toThrow();
    expect(() => checkPolicyDocument('p', 'policy', JSON.stringify({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }))).not.toThrow();
  });
});
