import { ACK_LOAD_BALANCER_ID_LABEL } from '../../../lib/cloud/alicloud/load-balancer-alarms';
import { KAFKA_NODE_LABEL_KEY, KAFKA_NODE_LABEL_VALUE } from '../../../lib/cloud/alicloud/node-pools';
import { AlicloudLoadBalancerType } from '../../../lib/cloud/alicloud/load-balancer-flavour';
import { ENDPOINTS, resources, synthesize, values } from './fixture';

const defaults = synthesize();
const { infra, workloads } = defaults;

describe('no region-wide alarm', () => {
  test.each([
    ['defaults', {}],
    ['NLB', { loadBalancer: { type: AlicloudLoadBalancerType.NLB, zoneMappings: { 'cn-hangzhou-h': 'vsw-1', 'cn-hangzhou-i': 'vsw-2' } } }],
  ])('%s: "_ALL" appears nowhere in either stack', (_, props) => {
    const s = synthesize(props);
    expect(JSON.stringify(s.infra)).not.toContain('_ALL');
    expect(JSON.stringify(s.workloads)).not.toContain('_ALL');
  });

  test('every metric alarm names concrete instances as its dimensions', () => {
    const alarms = [...values(infra, 'alicloud_cms_alarm'), ...values(workloads, 'alicloud_cms_alarm')];
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.metric_dimensions).toMatch(/^\$\{jsonencode\(\[\{"instanceId" = data\.kubernetes_service_v1\./);
  });
});

describe('Kafka node alarms: an application group of the Kafka node pools with group metric rules', () => {
  const [[groupId, group]] = Object.entries<any>(resources(infra, 'alicloud_cms_monitor_group'));
  const rules = values(infra, 'alicloud_cms_group_metric_rule');

  test('one group, notifying the platform contact group', () => {
    expect(values(infra, 'alicloud_cms_monitor_group')).toHaveLength(1);
    const [contactGroupId] = Object.keys(resources(infra, 'alicloud_cms_alarm_contact_group'));
    expect(group.contact_groups).toEqual([`\${alicloud_cms_alarm_contact_group.${contactGroupId}.alarm_contact_group_name}`]);
    expect(values(infra, 'alicloud_cms_alarm_contact')).toEqual([expect.objectContaining({ alarm_contact_name: 'kafka-oncall', channels_mail: 'kafka-oncall@example.com' })]);
  });

  test('rules on CPU, memory, disk space and inodes of the group, with the default thresholds', () => {
    expect(rules.map((r) => [r.metric_name, r.escalations.critical.threshold, r.escalations.critical.statistics]).sort()).toEqual([
      ['CPUUtilization', '80', 'Average'],
      ['diskusage_utilization', '75', 'Maximum'],
      ['fs_inodeutilization', '80', 'Maximum'],
      ['memory_usedutilization', '85', 'Average'],
    ]);
    for (const rule of rules) {
      expect(rule).toMatchObject({ group_id: `\${alicloud_cms_monitor_group.${groupId}.id}`, namespace: 'acs_ecs_dashboard', category: 'ecs', period: 60 });
      expect(rule.escalations.critical.comparison_operator).toBe('GreaterThanOrEqualToThreshold');
      expect(rule.rule_id).toBe(rule.group_metric_rule_name);
    }
    expect(new Set(rules.map((r) => r.rule_id)).size).toBe(4);
    expect(values(infra, 'alicloud_cs_kubernetes_node_pool').every((p) => p.install_cloud_monitor === true)).toBe(true);
  });

  test('thresholds come from props and are validated', () => {
    const custom = synthesize({ alarmThresholds: { cpuPercent: 70, diskPercent: 60, diskInodePercent: 50 } }).infra;
    expect(values(custom, 'alicloud_cms_group_metric_rule').map((r) => `${r.metric_name}=${r.escalations.critical.threshold}`).sort())
      .toEqual(['CPUUtilization=70', 'diskusage_utilization=60', 'fs_inodeutilization=50', 'memory_usedutilization=85']);
    expect(() => synthesize({ alarmThresholds: { diskInodePercent: 120 } })).toThrow(/monitoring\.thresholds\.diskInodePercent: 120 is not a percentage/);
  });

  test('the group members are the ECS instances behind the nodes labelled for the Kafka pools, listed from the workloads stack', () => {
    const nodes = workloads.data.kubernetes_nodes;
    expect(Object.values<any>(nodes)).toEqual([{ metadata: { labels: { [KAFKA_NODE_LABEL_KEY]: KAFKA_NODE_LABEL_VALUE } }, provider: 'kubernetes' }]);
    const [nodesId] = Object.keys(nodes);
    const [members] = values(workloads, 'alicloud_cms_monitor_group_instances');
    expect(members.group_id).toMatch(new RegExp(`cross-stack-output-alicloud_cms_monitor_group${groupId}id`));
    expect(members.dynamic.instances).toEqual({
      for_each: `\${toset(data.kubernetes_nodes.${nodesId}.nodes)}`,
      iterator: 'each',
      content: {
        category: 'ecs',
        instance_id: '${element(split(".", each.value.spec[0].provider_id), 1)}',
        instance_name: '${each.value.metadata[0].name}',
        region_id: 'cn-hangzhou',
      },
    });
  });

  test('no contacts fails synth', () => {
    expect(() => synthesize({ alarmContacts: [] })).toThrow(/monitoring\.contacts: no alarm contact/);
  });
});

describe('load-balancer alarms: the Kafka Services\' load balancers only', () => {
  const lookups = workloads.data.kubernetes_service_v1 as Record<string, any>;

  test('one lookup per Kafka LoadBalancer Service, read after its DNS record (so after its load balancer exists)', () => {
    expect(Object.values(lookups).map((l) => `${l.metadata.namespace}/${l.metadata.name}`).sort()).toEqual(ENDPOINTS.map((e) => `kafka/${e.serviceName}`).sort());
    const records = Object.keys(resources(workloads, 'alicloud_pvtz_zone_record')).map((id) => `alicloud_pvtz_zone_record.${id}`);
    for (const lookup of Object.values(lookups)) expect(lookup.depends_on).toEqual(records);
  });

  test('CLB: unhealthy-backend and dropped-connection alarms on exactly those load balancers (by the CCM label)', () => {
    const alarms = values(workloads, 'alicloud_cms_alarm');
    expect(alarms.map((a) => `${a.project}/${a.metric}`).sort()).toEqual(['acs_slb_dashboard/InstanceDropConnection', 'acs_slb_dashboard/UnhealthyServerCount']);
    const expected = Object.keys(lookups).sort().map((id) => `{"instanceId" = data.kubernetes_service_v1.${id}.metadata[0].labels["${ACK_LOAD_BALANCER_ID_LABEL}"]}`);
    for (const alarm of alarms) {
      const dims = /^\$\{jsonencode\(\[(.*)\]\)\}$/.exec(alarm.metric_dimensions)![1].split(', ');
      expect(dims.sort()).toEqual(expected);
      expect(alarm.contact_groups).toEqual(['kafka-kafka']);
    }
    expect(values(infra, 'alicloud_cms_alarm')).toEqual([]);
  });

  test('NLB: the NLB namespace', () => {
    const nlb = synthesize({ loadBalancer: { type: AlicloudLoadBalancerType.NLB, zoneMappings: { 'cn-hangzhou-h': 'vsw-1', 'cn-hangzhou-i': 'vsw-2' } } }).workloads;
    expect(values(nlb, 'alicloud_cms_alarm').map((a) => `${a.project}/${a.metric}`)).toEqual(['acs_nlb/UnhealthyServerCount']);
  });

  test('no external endpoints: no load-balancer alarm, node alarms unchanged', () => {
    const internal = synthesize({}, { externalListener: undefined }, []);
    expect(values(internal.workloads, 'alicloud_cms_alarm')).toEqual([]);
    expect(internal.workloads.data?.kubernetes_service_v1).toBeUndefined();
    expect(values(internal.infra, 'alicloud_cms_group_metric_rule')).toEqual(values(infra, 'alicloud_cms_group_metric_rule'));
  });
});
