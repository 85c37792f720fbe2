import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAlicloudExample } from '../../../examples/alicloud-ack/main';
import { KafkaMetadataMode } from '../../../lib/kafka/types';
import { KafkaPlatform } from '../../../lib/platform/kafka-platform';
import { values } from './fixture';
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
    expect(values(kraft.infra, 'alicloud_cms_alarm').length).toBeGreaterThanOrEqual(5);
    // One private and one public record per host name the brokers advertise (bootstrap + each broker).
    const advertised = kraft.platform.kafka.externalEndpoints.map((e) => e.hostname).sort();
    expect(advertised).toEqual(['bootstrap.kafka.example.com', 'broker-1000.kafka.example.com', 'broker-1100.kafka.example.com', 'broker-1200.kafka.example.com']);
    const privateRecords = values(kraft.workloads, 'alicloud_pvtz_zone_record');
    const publicRecords = values(kraft.workloads, 'alicloud_alidns_record');
    expect(privateRecords.map((r) => `${r.rr}.kafka.example.com`).sort()).toEqual(advertised);
    expect(publicRecords.map((r) => `${r.rr}.example.com`).sort()).toEqual(advertised);
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
