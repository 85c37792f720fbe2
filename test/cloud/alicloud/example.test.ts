import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAlicloudExample } from '../../../examples/alicloud-ack/main';
import { App } from 'cdktf';
import { AlicloudKafkaCloud, AlicloudKafkaCloudProps } from '../../../lib/cloud/alicloud/alicloud-kafka-cloud';
import { KafkaMetadataMode } from '../../../lib/kafka/types';
import { AlicloudLoadBalancerType } from '../../../lib/cloud/alicloud/load-balancer-flavour';
import { KafkaPlatform } from '../../../lib/platform/kafka-platform';
import { advertisedBrokers, externalBrokerStatefulSets } from '../../support/advertised-brokers';
import { BASE_PROPS, values } from './fixture';
import { alicloudSchemaChecker } from './terraform-schema';

const checker = alicloudSchemaChecker();

function synthExample(metadataMode?: KafkaMetadataMode): { infra: any; workloads: any; outdir: string; platform: KafkaPlatform } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'alicloud-example-'));
  const app = buildAlicloudExample({ outdir, metadataMode });
  app.synth();
  const read = (stack: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  return { infra: read('kafka-infra'), workloads: read('kafka-workloads'), outdir, platform: app.node.findChild('kafka') as KafkaPlatform };
}

describe('examples/alicloud-ack', () => {
  const kraft = synthExample();
  afterAll(() => fs.rmSync(kraft.outdir, { recursive: true, force: true }));

  test('the full synthesized JSON of both stacks passes the provider schema', () => {
    expect(checker.check(kraft.infra)).toEqual([]);
    expect(checker.check(kraft.workloads)).toEqual([]);
  });

  test("reproduces the walkthrough's network: kafka-vpc 192.168.0.0/16 with vSwitches in 3 zones", () => {
    expect(values(kraft.infra, 'alicloud_vpc')).toEqual([expect.objectContaining({ vpc_name: 'kafka-vpc', cidr_block: '192.168.0.0/16' })]);
    const nodeVswitches = values(kraft.infra, 'alicloud_vswitch').filter((v) => v.vswitch_name.includes('-nodes-'));
    expect(nodeVswitches.map((v) => v.zone_id).sort()).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j']);
  });

  test('fixes the walkthrough: no inbound from anywhere, no AdministratorAccess, ACK Pro', () => {
    const rules = values(kraft.infra, 'alicloud_security_group_rule');
    expect(rules.filter((r) => r.cidr_ip === '0.0.0.0/0')).toEqual([]);
    expect(values(kraft.infra, 'alicloud_ram_role_policy_attachment').map((a) => a.policy_name)).not.toContain('AdministratorAccess');
    expect(values(kraft.infra, 'alicloud_cs_managed_kubernetes')[0].cluster_spec).toBe('ack.pro.small');
  });

  test('external listener with DNS (private and public) and CloudMonitor alarms', () => {
    expect(values(kraft.infra, 'alicloud_pvtz_zone')).toEqual([expect.objectContaining({ zone_name: 'kafka.example.com' })]);
    // Node alarms: group metric rules on the Kafka nodes' application group; LB alarms: on the Kafka Services' CLBs only.
    expect(values(kraft.infra, 'alicloud_cms_group_metric_rule')).toHaveLength(4);
    expect(values(kraft.workloads, 'alicloud_cms_alarm').map((a) => a.metric).sort()).toEqual(['InstanceDropConnection', 'UnhealthyServerCount']);
    // No alarm dimension covers every resource of the region (`{"resource":"_ALL"}`).
    expect(JSON.stringify([kraft.infra, kraft.workloads])).not.toMatch(/\\*"_ALL\\*"/);
    // One private and one public record per host name the brokers advertise (bootstrap + each broker).
    const advertised = kraft.platform.kafka.externalEndpoints.map((e) => e.hostname).sort();
    expect(advertised).toEqual(['bootstrap.kafka.example.com', 'broker-1000.kafka.example.com', 'broker-1100.kafka.example.com', 'broker-1200.kafka.example.com']);
    const privateRecords = values(kraft.workloads, 'alicloud_pvtz_zone_record');
    const publicRecords = values(kraft.workloads, 'alicloud_alidns_record');
    expect(privateRecords.map((r) => `${r.rr}.kafka.example.com`).sort()).toEqual(advertised);
    expect(publicRecords.map((r) => `${r.rr}.example.com`).sort()).toEqual(advertised);
  });

  test('each broker record is the host kafka-start.sh advertises, and points at the load balancer of that broker pod', () => {
    const objects = kraft.platform.objects;
    expect(externalBrokerStatefulSets(objects)).toHaveLength(3);
    const dataSources = kraft.workloads.data.kubernetes_service_v1;
    const serviceBehind = (value: string) => {
      const m = /^\$\{data\.kubernetes_service_v1\.([^.]+)\.status\[0\]\.load_balancer\[0\]\.ingress\[0\]\.ip\}$/.exec(value);
      expect(m).not.toBeNull();
      return dataSources[m![1]].metadata;
    };
    const privateRecords = values(kraft.workloads, 'alicloud_pvtz_zone_record');
    const publicRecords = values(kraft.workloads, 'alicloud_alidns_record');
    const brokers = advertisedBrokers(objects);
    for (const broker of brokers) {
      expect(broker.env.KP_EXTERNAL_DOMAIN).toBe('kafka.example.com');
      const records = [
        privateRecords.find((r) => `${r.rr}.kafka.example.com` === broker.host),
        publicRecords.find((r) => `${r.rr}.example.com` === broker.host),
      ];
      for (const record of records) {
        expect(record).toBeDefined();
        expect(record.type).toBe('A');
        const { name, namespace } = serviceBehind(record.value);
        const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === name && o.metadata.namespace === namespace)!;
        expect(service.spec.type).toBe('LoadBalancer');
        expect(service.spec.selector).toEqual({ 'statefulset.kubernetes.io/pod-name': broker.podName });
        expect(service.spec.ports.map((p: any) => p.port)).toEqual([broker.port]);
        expect(service.metadata.annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type']).toBe('internet');
      }
    }
    expect(privateRecords.map((r) => `${r.rr}.kafka.example.com`).sort()).toEqual(['bootstrap.kafka.example.com', ...brokers.map((b) => b.host)].sort());
  });

  test('broker load balancers: internet only because the example asks for it, CLB spec from props, source ranges admitted by the security group', () => {
    const lbServices = kraft.platform.objects.filter((o: any) => o.kind === 'Service' && o.spec.type === 'LoadBalancer');
    expect(lbServices).toHaveLength(4);
    for (const svc of lbServices) {
      expect(svc.metadata.annotations).toMatchObject({
        'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': 'internet',
        'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec': 'slb.s2.small',
      });
      expect(svc.spec.loadBalancerSourceRanges).toEqual(['203.0.113.0/24']);
    }
    const external = values(kraft.infra, 'alicloud_security_group_rule').filter((r) => r.port_range === '9094/9094').map((r) => r.cidr_ip).sort();
    expect(external).toEqual(['10.20.0.0/16', '100.64.0.0/10', '192.168.0.0/16', '203.0.113.0/24']);
  });

  test('outputs point to the in-cluster Prometheus and the cluster', () => {
    const url = /^http:\/\/([a-z0-9-]+)\.([a-z0-9-]+)\.svc:(\d+)$/.exec(kraft.workloads.output['prometheus-url'].value);
    expect(url).not.toBeNull();
    const [, name, namespace, port] = url!;
    const service = kraft.platform.objects.find((o) => o.kind === 'Service' && o.metadata.name === name && o.metadata.namespace === namespace);
    expect(service?.spec.ports.map((p: any) => p.port)).toContain(Number(port));
    expect(kraft.platform.objects.some((o) => o.kind === 'StatefulSet' || o.kind === 'Deployment' ? o.metadata.namespace === namespace && /prometheus/.test(o.metadata.name) : false)).toBe(true);
    expect(Object.keys(kraft.infra.output)).toEqual(expect.arrayContaining(['cluster_id', 'cluster-name', 'kubeconfig-command']));
  });

  test('the StorageClass is deployed by the workloads stack and written for GitOps', () => {
    const manifests = Object.values<any>(kraft.workloads.resource.kubernetes_manifest).map((m) => m.manifest);
    expect(manifests).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'StorageClass', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true })]));
  });

  test('synth is byte-identical across runs', () => {
    const again = synthExample();
    try {
      for (const stack of ['kafka-infra', 'kafka-workloads']) {
        const file = (dir: string) => fs.readFileSync(path.join(dir, 'stacks', stack, 'cdk.tf.json'));
        expect(file(again.outdir).equals(file(kraft.outdir))).toBe(true);
      }
    } finally {
      fs.rmSync(again.outdir, { recursive: true, force: true });
    }
  });

  test('one prop switches to the walkthrough ZooKeeper mode; the cloud side is unchanged and still valid', () => {
    const zk = synthExample(KafkaMetadataMode.ZOOKEEPER);
    try {
      expect(checker.check(zk.infra)).toEqual([]);
      expect(checker.check(zk.workloads)).toEqual([]);
      expect(zk.infra.resource).toEqual(kraft.infra.resource);
      const statefulSets = (w: any) => Object.values<any>(w.resource.kubernetes_manifest).map((m) => m.manifest).filter((m) => m.kind === 'StatefulSet').map((m) => m.metadata.name).join(' ');
      expect(statefulSets(zk.workloads)).toMatch(/zookeeper/);
      expect(statefulSets(kraft.workloads)).not.toMatch(/zookeeper/);
      expect(statefulSets(kraft.workloads)).toMatch(/controller/);
    } finally {
      fs.rmSync(zk.outdir, { recursive: true, force: true });
    }
  });
});

describe('broker LoadBalancer annotations on ACK, through KafkaPlatform', () => {
  const lbServices = (cloudProps: Partial<AlicloudKafkaCloudProps>, loadBalancer?: any) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'alicloud-lb-'));
    try {
      const app = new App({ outdir });
      const platform = new KafkaPlatform(app, 'kafka', {
        cloud: new AlicloudKafkaCloud({ ...BASE_PROPS, ...cloudProps }),
        kafka: { externalListener: { domain: 'kafka.example.com', tls: { secretName: 'kafka-tls' }, ...(loadBalancer ? { loadBalancer } : {}) } },
        ecosystem: false,
        gitops: false,
      });
      app.synth();
      return platform.objects.filter((o: any) => o.kind === 'Service' && o.spec.type === 'LoadBalancer');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  };

  test('intranet CLB by default, without a spec annotation', () => {
    const services = lbServices({});
    expect(services).toHaveLength(4);
    for (const svc of services) {
      expect(svc.metadata.annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type']).toBe('intranet');
      expect(svc.metadata.annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec']).toBeUndefined();
      expect(svc.spec.loadBalancerClass).toBeUndefined();
    }
  });

  test('NLB by cloud prop: the NLB class and zone maps, intranet unless the listener says otherwise', () => {
    const services = lbServices({ loadBalancer: { type: AlicloudLoadBalancerType.NLB, zoneMappings: { 'cn-hangzhou-h': 'vsw-1', 'cn-hangzhou-i': 'vsw-2' } } });
    for (const svc of services) {
      expect(svc.spec.loadBalancerClass).toBe('alibabacloud.com/nlb');
      expect(svc.metadata.annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type']).toBe('intranet');
      expect(svc.metadata.annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-zone-maps']).toBe('cn-hangzhou-h:vsw-1,cn-hangzhou-i:vsw-2');
    }
  });
});
