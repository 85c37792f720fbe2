import { Testing, TerraformStack, App } from 'cdktf';
import { AckNetworkPlugin } from '../../../lib/cloud/alicloud/ack-cluster';
import { AckServiceRolesMode, RrsaWorkloadRoles } from '../../../lib/cloud/alicloud/ram';
import { RamRolePolicyAttachment } from '../../../lib/generated/providers/alicloud/ram-role-policy-attachment';
import { RamPolicy } from '../../../lib/generated/providers/alicloud/ram-policy';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { AlicloudLoadBalancerType } from '../../../lib/cloud/alicloud/load-balancer-flavour';
import { formatCidr, parseCidr, contains, overlaps } from '../../../lib/cloud/alicloud/cidr';
import { BASE_PROPS, BASE_REQUEST, resources, synthesize, values } from './fixture';
import { alicloudSchemaChecker } from './terraform-schema';
import { NatGatewayMode } from '../../../lib/cloud/alicloud/nat-gateway-mode';

const checker = alicloudSchemaChecker();
const defaults = synthesize({ workloadRoles: [RrsaWorkloadRoles.diskSnapshots('kafka'), RrsaWorkloadRoles.externalDnsPrivateZone()] });
const infra = defaults.infra;

function allPolicyDocuments(stack: any): any[] {
  return [
    ...values(stack, 'alicloud_ram_policy').map((p) => JSON.parse(p.policy_document)),
    ...values(stack, 'alicloud_ram_role').map((r) => JSON.parse(r.assume_role_policy_document)),
  ];
}

describe('schema conformance (our terraform validate)', () => {
  test.each([
    ['defaults', {}, {}],
    ['flannel, NLB, existing service roles', { networkPlugin: AckNetworkPlugin.FLANNEL, loadBalancer: { type: AlicloudLoadBalancerType.NLB, zoneMappings: { 'cn-hangzhou-h': 'vsw-1', 'cn-hangzhou-i': 'vsw-2' } }, ackServiceRoles: AckServiceRolesMode.EXISTING }, {}],
    ['internet listener with public Alidns records, no NAT', { publicDnsDomain: 'example.com', natGateways: NatGatewayMode.NONE, allowedClientCidrs: ['10.8.0.0/16'] }, { externalListener: { domain: 'kafka.example.com', internetFacing: true, allowedSourceCidrs: ['203.0.113.0/24'] } }],
  ])('%s: both stacks pass the aliyun/alicloud 1.289.0 schema', (_, props, request) => {
    const s = synthesize(props, request);
    expect(checker.check(s.infra)).toEqual([]);
    expect(checker.check(s.workloads)).toEqual([]);
  });

  test('with workload roles', () => {
    expect(checker.check(infra)).toEqual([]);
  });

  test('no field the provider flags deprecated or removed is used (checked by name, independent of the checker)', () => {
    const flags = require('../../../alicloud/schema/field-flags.json');
    for (const [type, instances] of Object.entries<any>(infra.resource)) {
      for (const body of Object.values<any>(instances)) {
        for (const [field, flag] of Object.entries<any>(flags[type] ?? {})) {
          if (!flag.deprecated && !flag.removed) continue;
          const [head, ...rest] = field.split('.');
          const value = body[head];
          if (rest.length === 0) expect({ type, field, value }).toEqual({ type, field, value: undefined });
          else for (const item of [value].flat().filter(Boolean)) expect({ type, field, value: item[rest[0]] }).toEqual({ type, field, value: undefined });
        }
      }
    }
  });

  test('required_providers pins aliyun/alicloud 1.289.0', () => {
    expect(infra.terraform.required_providers.alicloud).toEqual({ source: 'aliyun/alicloud', version: '1.289.0' });
  });

  test('synth is deterministic', () => {
    const again = synthesize({ workloadRoles: [RrsaWorkloadRoles.diskSnapshots('kafka'), RrsaWorkloadRoles.externalDnsPrivateZone()] });
    expect(JSON.stringify(again.infra)).toEqual(JSON.stringify(infra));
    expect(JSON.stringify(again.workloads)).toEqual(JSON.stringify(defaults.workloads));
  });
});

describe('network: multi-zone, stable identities', () => {
  test('one node and one pod vSwitch per zone, inside the VPC, disjoint', () => {
    const vpc = values(infra, 'alicloud_vpc');
    expect(vpc).toHaveLength(1);
    expect(vpc[0]).toMatchObject({ vpc_name: 'kafka-vpc', cidr_block: '192.168.0.0/16' });
    const vswitches = values(infra, 'alicloud_vswitch');
    expect(vswitches).toHaveLength(6);
    expect(new Set(vswitches.map((v) => v.zone_id))).toEqual(new Set(['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j']));
    const vpcCidr = parseCidr('t', 't', '192.168.0.0/16');
    const cidrs = vswitches.map((v) => parseCidr('t', 't', v.cidr_block));
    cidrs.forEach((c) => expect(contains(vpcCidr, c)).toBe(true));
    for (let i = 0; i < cidrs.length; i++) for (let j = i + 1; j < cidrs.length; j++) expect(overlaps(cidrs[i], cidrs[j])).toBe(false);
  });

  test('zones become the infrastructure zones (broker.rack), in the given order', () => {
    expect(defaults.infrastructure.zones).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j']);
  });

  test('adding a zone or reordering zones leaves existing vSwitches untouched', () => {
    const grown = synthesize({ zones: [{ zoneId: 'cn-hangzhou-k' }, ...BASE_PROPS.zones.slice().reverse()] }).infra;
    const before = resources(infra, 'alicloud_vswitch');
    const after = resources(grown, 'alicloud_vswitch');
    for (const [id, body] of Object.entries(before)) expect(after[id]).toEqual(body);
    expect(Object.keys(after)).toHaveLength(8);
    const beforePools = resources(infra, 'alicloud_cs_kubernetes_node_pool');
    const afterPools = resources(grown, 'alicloud_cs_kubernetes_node_pool');
    for (const [id, body] of Object.entries<any>(beforePools)) {
      if (body.node_pool_name.includes('-kafka-')) expect(afterPools[id]).toEqual(body);
    }
    const beforeRules = resources(infra, 'alicloud_security_group_rule');
    expect(resources(grown, 'alicloud_security_group_rule')).toEqual(beforeRules);
    // Egress resources (NAT, EIP, SNAT, route tables): zone-egress.test.ts.
  });

  test('reordering the zones changes no cloud resource at all', () => {
    const reordered = synthesize({
      zones: BASE_PROPS.zones.slice().reverse(),
      workloadRoles: [RrsaWorkloadRoles.diskSnapshots('kafka'), RrsaWorkloadRoles.externalDnsPrivateZone()],
    }).infra;
    expect(reordered.resource).toEqual(infra.resource);
  });

  test('plan fails early when a given zone cannot run a node pool instance type (alicloud_zones postcondition)', () => {
    const lookups = resources({ resource: infra.data }, 'alicloud_zones');
    expect(Object.values<any>(lookups).map((d) => d.available_instance_type).sort()).toEqual(['ecs.g7.2xlarge', 'ecs.g7.xlarge']);
    for (const lookup of Object.values<any>(lookups)) {
      expect(lookup.available_disk_category).toBe('cloud_essd');
      expect(lookup.lifecycle.postcondition).toEqual([{
        condition: '${alltrue([for z in ["cn-hangzhou-h","cn-hangzhou-i","cn-hangzhou-j"] : contains(self.ids, z)])}',
        error_message: expect.stringContaining(`Instance type ${lookup.available_instance_type} with ESSD disks is not available in every zone`),
      }]);
    }
  });

  test('flannel: no pod vSwitches, pod CIDR outside the VPC', () => {
    const s = synthesize({ networkPlugin: AckNetworkPlugin.FLANNEL }).infra;
    expect(values(s, 'alicloud_vswitch')).toHaveLength(3);
    const cluster = values(s, 'alicloud_cs_managed_kubernetes')[0];
    expect(cluster.pod_cidr).toBe('172.20.0.0/16');
    expect(cluster.pod_vswitch_ids).toBeUndefined();
    expect(cluster.addons.map((a: any) => a.name)).toContain('flannel');
  });
});

describe('security group: least privilege', () => {
  const rules = () => values(infra, 'alicloud_security_group_rule');

  test('nothing is open to the internet by default', () => {
    for (const rule of rules()) expect(rule.cidr_ip).not.toBe('0.0.0.0/0');
    expect(rules().every((r) => r.type === 'ingress')).toBe(true);
  });

  test('Kafka client ports open to the VPC CIDR and the CLB backend range only, one rule per (port, source)', () => {
    const tcp = rules().filter((r) => r.ip_protocol === 'tcp');
    expect(tcp.map((r) => `${r.port_range} ${r.cidr_ip}`).sort()).toEqual([
      '9092/9092 100.64.0.0/10', '9092/9092 192.168.0.0/16', '9094/9094 100.64.0.0/10', '9094/9094 192.168.0.0/16',
    ]);
    const other = rules().filter((r) => r.ip_protocol !== 'tcp');
    expect(other.map((r) => `${r.ip_protocol} ${r.cidr_ip}`)).toEqual(['icmp 192.168.0.0/16']);
  });

  test('the cluster uses this group', () => {
    const cluster = values(infra, 'alicloud_cs_managed_kubernetes')[0];
    expect(cluster.security_group_id).toMatch(/^\$\{alicloud_security_group\./);
  });

  test('changing the allow-list only adds or removes the affected rules (rules are ForceNew)', () => {
    const one = resources(synthesize({ allowedClientCidrs: ['10.8.0.0/16'] }).infra, 'alicloud_security_group_rule');
    const two = resources(synthesize({ allowedClientCidrs: ['10.9.0.0/16', '10.8.0.0/16'] }).infra, 'alicloud_security_group_rule');
    for (const [id, body] of Object.entries(one)) expect(two[id]).toEqual(body);
    const added = Object.keys(two).filter((id) => !(id in one)).map((id) => `${two[id].port_range} ${two[id].cidr_ip}`).sort();
    expect(added).toEqual(['9092/9092 10.9.0.0/16', '9094/9094 10.9.0.0/16']);
  });

  test('no CLB range without an external listener or with NLB (NLB reaches backends from its vSwitches in the VPC)', () => {
    for (const s of [synthesize({}, { externalListener: undefined }, []).infra, synthesize({ loadBalancer: { type: AlicloudLoadBalancerType.NLB, zoneMappings: { 'cn-hangzhou-h': 'vsw-1', 'cn-hangzhou-i': 'vsw-2' } } }).infra]) {
      expect(values(s, 'alicloud_security_group_rule').filter((r) => r.cidr_ip === '100.64.0.0/10')).toEqual([]);
    }
  });

  test('an internet-facing listener needs client networks outside the VPC (LBs keep the client source IP)', () => {
    const message = /kafka\.externalListener\.loadBalancer\.allowedSourceCidrs: the external listener is internet-facing.*Fix: list the clients' public CIDRs/;
    expect(() => synthesize({}, { externalListener: { domain: 'kafka.example.com', internetFacing: true } })).toThrow(message);
    // Sources inside the VPC do not make an internet listener reachable.
    expect(() => synthesize({ allowedClientCidrs: ['192.168.64.0/20'] }, { externalListener: { domain: 'kafka.example.com', internetFacing: true, allowedSourceCidrs: ['192.168.0.0/24'] } })).toThrow(message);
    expect(() => synthesize({ allowedClientCidrs: ['10.8.0.0/16'] }, { externalListener: { domain: 'kafka.example.com', internetFacing: true } })).not.toThrow();
  });

  test("the internet listener's allowedSourceCidrs are admitted by the security group, and nothing else from the internet", () => {
    const s = synthesize({}, { externalListener: { domain: 'kafka.example.com', internetFacing: true, allowedSourceCidrs: ['203.0.113.0/24', '198.51.100.0/24'] } });
    const tcp = values(s.infra, 'alicloud_security_group_rule').filter((r) => r.ip_protocol === 'tcp');
    expect([...new Set(tcp.map((r) => r.cidr_ip))].sort()).toEqual(['100.64.0.0/10', '192.168.0.0/16', '198.51.100.0/24', '203.0.113.0/24']);
    expect(tcp.filter((r) => r.cidr_ip === '203.0.113.0/24').map((r) => r.port_range).sort()).toEqual(['9092/9092', '9094/9094']);
  });

  test('changing the listener allow-list only adds or removes its own rules; a CIDR keeps its rule when it moves between lists', () => {
    const listener = (allowedSourceCidrs: string[]) => ({ externalListener: { domain: 'kafka.example.com', internetFacing: true, allowedSourceCidrs } });
    const one = resources(synthesize({ allowedClientCidrs: ['10.8.0.0/16'] }, listener(['203.0.113.0/24'])).infra, 'alicloud_security_group_rule');
    const two = resources(synthesize({ allowedClientCidrs: ['10.8.0.0/16'] }, listener(['198.51.100.0/24', '203.0.113.0/24'])).infra, 'alicloud_security_group_rule');
    for (const [id, body] of Object.entries(one)) expect(two[id]).toEqual(body);
    expect(Object.keys(two).filter((id) => !(id in one)).map((id) => `${two[id].port_range} ${two[id].cidr_ip}`).sort())
      .toEqual(['9092/9092 198.51.100.0/24', '9094/9094 198.51.100.0/24']);
    const moved = resources(synthesize({ allowedClientCidrs: ['10.8.0.0/16', '203.0.113.0/24'] }, listener([])).infra, 'alicloud_security_group_rule');
    expect(Object.keys(moved).sort()).toEqual(Object.keys(one).sort());
  });

  test('an open or IPv6 listener allow-list fails synth; the listener\'s one opt-in accepts /0 and opens the client ports', () => {
    const listener = (allowedSourceCidrs: string[], dangerouslyAllowAnySource = false) => ({ externalListener: { domain: 'kafka.example.com', internetFacing: true, allowedSourceCidrs, dangerouslyAllowAnySource } });
    expect(() => synthesize({}, listener(['0.0.0.0/0']))).toThrow(/allowedSourceCidrs\[0\]: 0\.0\.0\.0\/0 opens the Kafka listener to every address.*kafka\.externalListener\.loadBalancer\.dangerouslyAllowAnySource: true/);
    expect(() => synthesize({}, listener(['203.0.113.0/24', '2001:db8::/32']))).toThrow(/allowedSourceCidrs\[1\]: 2001:db8::\/32 is an IPv6 block/);
    expect(() => synthesize({}, listener(['203.0.113.7/24']))).toThrow(/allowedSourceCidrs\[0\]: "203\.0\.113\.7\/24" has host bits set/);
    const open = values(synthesize({}, listener(['0.0.0.0/0'], true)).infra, 'alicloud_security_group_rule');
    expect(open.filter((r) => r.cidr_ip === '0.0.0.0/0').map((r) => r.port_range).sort()).toEqual(['9092/9092', '9094/9094']);
  });

  test('an internal listener\'s allow-list outside the VPC (peered networks) is admitted too', () => {
    const s = synthesize({}, { externalListener: { domain: 'kafka.example.com', internetFacing: false, allowedSourceCidrs: ['10.30.0.0/16'] } });
    expect(values(s.infra, 'alicloud_security_group_rule').filter((r) => r.cidr_ip === '10.30.0.0/16')).toHaveLength(2);
  });

  test('0.0.0.0/0 in the cloud allow-list fails synth; only the listener\'s one opt-in opens the client ports', () => {
    expect(() => synthesize({ allowedClientCidrs: ['0.0.0.0/0'] })).toThrow(/allowedClientCidrs\[0\].*0\.0\.0\.0\/0 opens Kafka to the internet/);
    const closed = values(synthesize({}, { externalListener: { domain: 'kafka.example.com', internetFacing: true, allowedSourceCidrs: ['203.0.113.0/24'] } }).infra, 'alicloud_security_group_rule');
    expect(closed.filter((r) => r.cidr_ip === '0.0.0.0/0')).toEqual([]);
    const open = values(synthesize({}, { externalListener: { domain: 'kafka.example.com', internetFacing: true, dangerouslyAllowAnySource: true } }).infra, 'alicloud_security_group_rule');
    expect(open.filter((r) => r.cidr_ip === '0.0.0.0/0').map((r) => r.port_range).sort()).toEqual(['9092/9092', '9094/9094']);
  });
});

describe('RAM: scoped roles, no AdministratorAccess, no wildcard actions', () => {
  test('no AdministratorAccess or FullAccess attachment; service roles get their own scoped system policy', () => {
    const attachments = values(infra, 'alicloud_ram_role_policy_attachment');
    expect(attachments.map((a) => a.policy_name)).not.toContain('AdministratorAccess');
    for (const a of attachments.filter((x) => x.policy_type === 'System')) {
      expect(a.policy_name).toMatch(/^AliyunCS\w+RolePolicy$/);
      expect(a.policy_name).not.toMatch(/FullAccess/);
    }
    const roles = values(infra, 'alicloud_ram_role').map((r) => r.role_name);
    expect(roles).toEqual(expect.arrayContaining(['AliyunCSManagedKubernetesRole', 'AliyunCSManagedCsiProvisionerRole', 'AliyunCSManagedNetworkRole']));
  });

  test('no policy allows an action containing *', () => {
    for (const doc of allPolicyDocuments(infra)) {
      for (const st of doc.Statement) for (const action of [st.Action].flat()) expect(action).not.toContain('*');
    }
  });

  test('the cluster waits for the service roles and their policies', () => {
    const attachments = Object.keys(resources(infra, 'alicloud_ram_role_policy_attachment')).filter((id) => id.includes('ack-service-roles'));
    expect(attachments).toHaveLength(9);
    expect(values(infra, 'alicloud_cs_managed_kubernetes')[0].depends_on.sort()).toEqual(attachments.map((id) => `alicloud_ram_role_policy_attachment.${id}`).sort());
  });

  test('existing service roles: none created, the cluster still works with the account roles', () => {
    const s = synthesize({ ackServiceRoles: AckServiceRolesMode.EXISTING }).infra;
    expect(values(s, 'alicloud_ram_role').filter((r) => r.role_name.startsWith('AliyunCS'))).toEqual([]);
    expect(values(s, 'alicloud_cs_managed_kubernetes')[0].depends_on).toBeUndefined();
  });

  test('RRSA is on, and a workload role trusts exactly one ServiceAccount through the cluster OIDC provider', () => {
    expect(values(infra, 'alicloud_cs_managed_kubernetes')[0].enable_rrsa).toBe(true);
    const role = values(infra, 'alicloud_ram_role').find((r) => r.role_name === 'kafka-disk-snapshots');
    const trust = JSON.parse(role.assume_role_policy_document);
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0].Principal.Federated[0]).toMatch(/rrsa_metadata\[0\]\.ram_oidc_provider_arn/);
    expect(trust.Statement[0].Condition.StringEquals).toEqual({
      'oidc:aud': 'sts.aliyuncs.com',
      'oidc:iss': expect.stringMatching(/rrsa_metadata\[0\]\.rrsa_oidc_issuer_url/),
      'oidc:sub': 'system:serviceaccount:kafka:kafka-disk-snapshots',
    });
    const policy = values(infra, 'alicloud_ram_policy').find((p) => p.policy_name === 'kafka-disk-snapshots');
    expect(JSON.parse(policy.policy_document).Statement[0].Action).toEqual(['ecs:CreateSnapshot', 'ecs:DeleteSnapshot', 'ecs:DescribeDisks', 'ecs:DescribeSnapshots', 'ecs:TagResources']);
  });

  test('a wildcard action in a workload role fails synth', () => {
    expect(() => synthesize({ workloadRoles: [{ name: 'bad', namespace: 'kafka', serviceAccount: 'x', statements: [{ actions: ['ecs:Describe*'] }] }] }))
      .toThrow(KafkaPlatformValidationError);
    expect(() => synthesize({ workloadRoles: [{ name: 'bad', namespace: 'kafka', serviceAccount: 'x', statements: [{ actions: ['*'] }] }] }))
      .toThrow(/allows "\*".*list each action/);
  });

  test('AdministratorAccess or a wildcard policy added anywhere in the stack fails synth (aspect)', () => {
    const build = (extra: (stack: TerraformStack) => void) => () => {
      const app = Testing.app() as App;
      const stack = new TerraformStack(app, 'infra');
      const { AlicloudKafkaCloud } = require('../../../lib/cloud/alicloud/alicloud-kafka-cloud');
      new AlicloudKafkaCloud(BASE_PROPS).createInfrastructure(stack, BASE_REQUEST);
      extra(stack);
      Testing.synth(stack);
    };
    expect(build((s) => new RamRolePolicyAttachment(s, 'admin', { roleName: 'ops', policyName: 'AdministratorAccess', policyType: 'System' })))
      .toThrow(/admin.*attaches AdministratorAccess/);
    expect(build((s) => new RamRolePolicyAttachment(s, 'ecsfull', { roleName: 'ops', policyName: 'AliyunECSFullAccess', policyType: 'System' })))
      .toThrow(/attaches AliyunECSFullAccess/);
    expect(build((s) => new RamPolicy(s, 'wild', { policyName: 'wild', policyDocument: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] }) })))
      .toThrow(/allows "oss:\*"/);
    expect(build(() => undefined)).not.toThrow();
  });
});

describe('ACK cluster', () => {
  const cluster = values(infra, 'alicloud_cs_managed_kubernetes')[0];

  test('ACK Pro, pinned version, private API endpoint, deletion protection, logs to SLS', () => {
    expect(cluster).toMatchObject({
      cluster_spec: 'ack.pro.small',
      version: '1.33.1-aliyun.1',
      slb_internet_enabled: false,
      deletion_protection: true,
      new_nat_gateway: false,
      control_plane_log_ttl: '30',
      audit_log_config: { enabled: true, sls_project_name: expect.stringContaining('alicloud_log_project.') },
    });
    expect(cluster.control_plane_log_project).toMatch(/alicloud_log_project\..*\.project_name/);
    expect(cluster.control_plane_log_components).toEqual(expect.arrayContaining(['apiserver', 'kcm', 'scheduler']));
    expect(cluster.vswitch_ids).toHaveLength(3);
    expect(cluster.pod_vswitch_ids).toHaveLength(3);
  });

  test('addons: the chosen network plugin and the disk CSI driver', () => {
    expect(cluster.addons.map((a: any) => a.name)).toEqual(['terway-eniip', 'csi-plugin', 'csi-provisioner']);
  });

  test('public API endpoint only by explicit prop; the Kubernetes provider follows it', () => {
    const s = synthesize({ publicApiEndpoint: true });
    expect(values(s.infra, 'alicloud_cs_managed_kubernetes')[0].slb_internet_enabled).toBe(true);
    expect(s.workloads.provider.kubernetes[0].host).toMatch(/api_server_internet/);
    expect(defaults.workloads.provider.kubernetes[0].host).toMatch(/api_server_intranet/);
  });

  test('one labelled, tainted, auto-repaired Kafka pool per zone, plus a general pool over all zones', () => {
    const pools = resources(infra, 'alicloud_cs_kubernetes_node_pool');
    const kafka = Object.values<any>(pools).filter((p) => p.node_pool_name.includes('-kafka-'));
    expect(kafka).toHaveLength(3);
    for (const pool of kafka) {
      expect(pool.vswitch_ids).toHaveLength(1);
      expect(pool.labels).toEqual([{ key: 'kafka-platform.io/pool', value: 'kafka' }]);
      expect(pool.taints).toEqual([{ key: 'kafka-platform.io/dedicated', value: 'kafka', effect: 'NoSchedule' }]);
      expect(pool.management).toMatchObject({ enable: true, auto_repair: true, max_unavailable: 1 });
      expect(pool.desired_size).toBe('2');
    }
    const general = Object.values<any>(pools).find((p) => p.node_pool_name === 'kafka-general');
    expect(general.vswitch_ids).toHaveLength(3);
    expect(general.taints).toBeUndefined();
    expect(defaults.infrastructure.kafkaNodePlacement).toEqual({
      nodeLabels: { 'kafka-platform.io/pool': 'kafka' },
      tolerations: [{ key: 'kafka-platform.io/dedicated', value: 'kafka', effect: 'NoSchedule' }],
    });
  });

  test('node pool sizes come from props', () => {
    const s = synthesize({ kafkaNodePool: { instanceTypes: ['ecs.r7.4xlarge'], nodesPerZone: 3, systemDiskSizeGib: 200, dataDiskSizeGib: 500 } }).infra;
    const pool = values(s, 'alicloud_cs_kubernetes_node_pool').find((p) => p.node_pool_name === 'kafka-kafka-cn-hangzhou-h');
    expect(pool).toMatchObject({ instance_types: ['ecs.r7.4xlarge'], desired_size: '3', system_disk_size: 200 });
    expect(pool.data_disks[0].size).toBe(500);
  });
});

describe('validation errors name the prop and the fix', () => {
  test.each([
    ['fewer than 3 zones', { zones: BASE_PROPS.zones.slice(0, 2) }, /zones: 2 zone\(s\) given.*Fix: list at least 3/],
    ['zone outside the region', { zones: [...BASE_PROPS.zones.slice(0, 2), { zoneId: 'cn-shanghai-b' }] }, /zones: zone cn-shanghai-b is not in region cn-hangzhou/],
    ['duplicate address slot', { zones: [...BASE_PROPS.zones, { zoneId: 'cn-hangzhou-k', slot: 7 }] }, /slot.*both use address slot 7/],
    ['bad VPC CIDR', { vpcCidr: '192.168.0.1/16' }, /vpcCidr: "192.168.0.1\/16" has host bits set/],
    ['service CIDR inside the VPC', { serviceCidr: '192.168.240.0/20' }, /serviceCidr: 192.168.240.0\/20 overlaps the VPC/],
    ['bad SLS project name', { controlPlaneLogProjectName: 'Kafka_Logs' }, /controlPlaneLogProjectName: "Kafka_Logs" is not a valid SLS project name/],
    ['too few Kafka nodes', { kafkaNodePool: { instanceTypes: ['ecs.g7.2xlarge'], nodesPerZone: 0 } }, /kafkaNodePool.nodesPerZone/],
  ])('%s', (_, props, message) => {
    expect(() => synthesize(props as any)).toThrow(message);
  });

  test('errors are KafkaPlatformValidationError with construct path', () => {
    try {
      synthesize({ zones: BASE_PROPS.zones.slice(0, 1) });
      throw new Error('expected a validation error');
    } catch (e) {
      expect(e).toBeInstanceOf(KafkaPlatformValidationError);
      expect((e as KafkaPlatformValidationError).constructPath).toBe('kafka-infra/alicloud/network');
    }
  });
});

test('cidr helpers format what they parse', () => {
  expect(formatCidr(parseCidr('t', 't', '10.0.0.0/8'))).toBe('10.0.0.0/8');
});
