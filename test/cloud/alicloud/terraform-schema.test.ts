import { App, TerraformStack, Testing } from 'cdktf';
import { AlicloudProvider } from '../../../lib/generated/providers/alicloud/provider';
import { SecurityGroup } from '../../../lib/generated/providers/alicloud/security-group';
import { SecurityGroupRule } from '../../../lib/generated/providers/alicloud/security-group-rule';
import { Vpc } from '../../../lib/generated/providers/alicloud/vpc';
import { CsKubernetesNodePool } from '../../../lib/generated/providers/alicloud/cs-kubernetes-node-pool';
import { DataAlicloudZones } from '../../../lib/generated/providers/alicloud/data-alicloud-zones';
import { alicloudSchemaChecker } from './terraform-schema';

const checker = alicloudSchemaChecker();

/** A small valid stack built with the generated bindings; each test breaks one thing in its JSON. */
function baseline(): any {
  const app = Testing.app();
  const stack = new TerraformStack(app as App, 'test');
  new AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const vpc = new Vpc(stack, 'vpc', { vpcName: 'kafka-vpc', cidrBlock: '192.168.0.0/16' });
  const sg = new SecurityGroup(stack, 'sg', { vpcId: vpc.id, securityGroupName: 'kafka' });
  new SecurityGroupRule(stack, 'rule', {
    securityGroupId: sg.id, type: 'ingress', ipProtocol: 'tcp', portRange: '9092/9092', cidrIp: '192.168.0.0/16', policy: 'accept', priority: 1,
  });
  new DataAlicloudZones(stack, 'zones', { availableResourceCreation: 'VSwitch' });
  new CsKubernetesNodePool(stack, 'pool', {
    clusterId: 'c-123', nodePoolName: 'kafka', vswitchIds: ['vsw-1'], instanceTypes: ['ecs.g7.2xlarge'],
    desiredSize: '1', systemDiskEncrypted: true,
    management: { enable: true, autoRepair: true },
    labels: [{ key: 'a', value: 'b' }],
  });
  return JSON.parse(Testing.synth(stack));
}

function errorsAfter(mutate: (stack: any) => void): string[] {
  const stack = baseline();
  mutate(stack);
  return checker.check(stack);
}

describe('alicloud schema checker', () => {
  test('accepts a valid stack synthesized with the generated bindings', () => {
    expect(checker.check(baseline())).toEqual([]);
  });

  test('rejects an unknown resource type', () => {
    expect(errorsAfter((s) => { s.resource.alicloud_vpcx = { a: {} }; })).toEqual([
      expect.stringContaining('resource.alicloud_vpcx: unknown resource type'),
    ]);
  });

  test('rejects an unknown attribute', () => {
    expect(errorsAfter((s) => { s.resource.alicloud_vpc.vpc.cidr = '10.0.0.0/8'; })).toEqual([
      expect.stringContaining('resource.alicloud_vpc.vpc.cidr: unknown attribute or block'),
    ]);
  });

  test('rejects an unknown attribute inside a nested block', () => {
    expect(errorsAfter((s) => { s.resource.alicloud_cs_kubernetes_node_pool.pool.management.auto_heal = true; })).toEqual([
      expect.stringContaining('management.auto_heal: unknown attribute or block'),
    ]);
  });

  test('rejects a missing required attribute', () => {
    expect(errorsAfter((s) => { delete s.resource.alicloud_security_group_rule.rule.ip_protocol; })).toEqual([
      expect.stringContaining('resource.alicloud_security_group_rule.rule.ip_protocol: required attribute missing'),
    ]);
  });

  test('rejects a value of the wrong type (number for string, string for number, string for bool, scalar for list)', () => {
    const errors = errorsAfter((s) => {
      s.resource.alicloud_security_group_rule.rule.port_range = 9092;
      s.resource.alicloud_security_group_rule.rule.priority = '1';
      s.resource.alicloud_cs_kubernetes_node_pool.pool.system_disk_encrypted = 'true';
      s.resource.alicloud_cs_kubernetes_node_pool.pool.instance_types = 'ecs.g7.2xlarge';
    });
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/rule\.port_range: expected string, got number/),
      expect.stringMatching(/rule\.priority: expected number, got string/),
      expect.stringMatching(/pool\.system_disk_encrypted: expected bool, got string/),
      expect.stringMatching(/pool\.instance_types: expected list/),
    ]));
    expect(errors).toHaveLength(4);
  });

  test('accepts ${...} references where a string, number or bool is expected', () => {
    expect(errorsAfter((s) => {
      s.resource.alicloud_security_group_rule.rule.priority = '${length(alicloud_vpc.vpc.cidr_block)}';
      s.resource.alicloud_cs_kubernetes_node_pool.pool.system_disk_encrypted = '${alicloud_vpc.vpc.enable_ipv6}';
    })).toEqual([]);
  });

  test('rejects more blocks than max_items', () => {
    expect(errorsAfter((s) => {
      const m = s.resource.alicloud_cs_kubernetes_node_pool.pool.management;
      s.resource.alicloud_cs_kubernetes_node_pool.pool.management = [m, m];
    })).toEqual([expect.stringContaining('pool.management: at most 1 block(s) allowed, got 2')]);
  });

  test('rejects setting a computed-only attribute', () => {
    expect(errorsAfter((s) => { s.resource.alicloud_vpc.vpc.router_id = 'vrt-1'; })).toEqual([
      expect.stringContaining('resource.alicloud_vpc.vpc.router_id: read-only'),
    ]);
  });

  test('rejects deprecated fields (field-flags.json and schema flag)', () => {
    const errors = errorsAfter((s) => {
      s.resource.alicloud_vpc.vpc.name = 'kafka-vpc';
      s.resource.alicloud_cs_kubernetes_node_pool.pool.management.surge = 1;
    });
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringContaining('resource.alicloud_vpc.vpc.name: deprecated field'),
      expect.stringContaining('pool.management.surge: deprecated field'),
    ]));
  });

  test('rejects removed fields', () => {
    const errors = errorsAfter((s) => { s.resource.alicloud_cs_kubernetes_node_pool.pool.rollout_policy = { max_unavailable: 1 }; });
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('pool.rollout_policy: removed field')]));
  });

  test('rejects a missing required block (min_items)', () => {
    // Build an artificial schema with min_items to prove the branch; the alicloud subset has none with min_items > 0 at top level.
    const { createTerraformSchemaChecker } = jest.requireActual('./terraform-schema');
    const strict = createTerraformSchemaChecker({
      providerSource: 'x/t', providerName: 't', fieldFlags: {},
      schema: { provider_schemas: { 'registry.terraform.io/x/t': { provider: { block: {} }, data_source_schemas: {}, resource_schemas: {
        t_r: { block: { block_types: { rule: { nesting_mode: 'list', min_items: 1, block: { attributes: { a: { type: 'string', required: true } } } } } } },
      } } } },
    });
    const stack = { terraform: { required_providers: { t: { source: 'x/t' } } }, resource: { t_r: { r: {} } } };
    expect(strict.check(stack)).toEqual([expect.stringContaining('resource.t_r.r.rule: at least 1 block(s) required')]);
    expect(strict.check({ ...stack, resource: { t_r: { r: { rule: [{}] } } } })).toEqual([expect.stringContaining('resource.t_r.r.rule[0].a: required attribute missing')]);
  });

  test('rejects references to undeclared resources or unknown attributes', () => {
    const errors = errorsAfter((s) => {
      s.resource.alicloud_security_group.sg.vpc_id = '${alicloud_vpc.other.id}';
      s.resource.alicloud_security_group_rule.rule.cidr_ip = '${alicloud_vpc.vpc.cidr}';
    });
    expect(errors).toEqual([
      expect.stringContaining('reference alicloud_vpc.other.id: resource alicloud_vpc.other is not declared'),
      expect.stringContaining('reference alicloud_vpc.vpc.cidr: alicloud_vpc has no attribute cidr'),
    ]);
  });

  test('checks the provider block and the pinned required_providers version', () => {
    const errors = errorsAfter((s) => {
      s.provider.alicloud[0].regionx = 'cn-hangzhou';
      s.terraform.required_providers.alicloud.version = '1.200.0';
    });
    expect(errors).toEqual([
      expect.stringContaining('provider.alicloud[0].regionx: unknown attribute'),
      expect.stringContaining('required_providers.alicloud.version: expected 1.289.0'),
    ]);
  });
});
