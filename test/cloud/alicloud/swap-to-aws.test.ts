import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { alicloudExampleWorkloads, buildAlicloudExample } from '../../../examples/alicloud-ack/main';
import { AwsKafkaCloud } from '../../../lib/cloud/aws/aws-kafka-cloud';
import { KafkaPlatform } from '../../../lib/platform/kafka-platform';

/**
 * "Swapping the cloud object in KafkaPlatform to AWS needs no other change": the Alibaba example's
 * exact `kafka` and `ecosystem` props, with an `AwsKafkaCloud` instead of the `AlicloudKafkaCloud`.
 */
function synth(build: (app: App) => KafkaPlatform): { platform: KafkaPlatform; outdir: string; stack: (name: string) => any } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'alicloud-swap-'));
  const app = Testing.stubVersion(new App({ outdir, stackTraces: false }));
  const platform = build(app);
  app.synth();
  return { platform, outdir, stack: (name) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) };
}

describe('the Alibaba example on AWS, by swapping only the cloud object', () => {
  const aws = synth((app) => new KafkaPlatform(app, 'kafka', {
    cloud: new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] }),
    ...alicloudExampleWorkloads(),
  }));
  const aliOutdir = fs.mkdtempSync(path.join(os.tmpdir(), 'alicloud-swap-ali-'));
  const aliApp = buildAlicloudExample({ outdir: aliOutdir });
  aliApp.synth();
  const ali = aliApp.node.findChild('kafka') as KafkaPlatform;
  afterAll(() => {
    fs.rmSync(aws.outdir, { recursive: true, force: true });
    fs.rmSync(aliOutdir, { recursive: true, force: true });
  });

  test('both stacks synthesize, with AWS resources only', () => {
    const infra = aws.stack('kafka-infra');
    const workloads = aws.stack('kafka-workloads');
    expect(Object.keys(infra.resource)).toEqual(expect.arrayContaining(['aws_vpc', 'aws_eks_cluster', 'aws_eks_node_group']));
    for (const stack of [infra, workloads]) {
      expect(Object.keys(stack.resource).filter((type) => type.startsWith('alicloud_'))).toEqual([]);
      expect(Object.keys(stack.terraform.required_providers)).not.toContain('alicloud');
    }
    expect(Object.keys(workloads.resource.kubernetes_manifest).length).toBeGreaterThan(0);
  });

  test('the same Kafka objects are deployed on both clouds; only cloud-specific fields differ', () => {
    // Job names end in a hash of what they apply; the roll Job's covers the pod templates and the scale Job's the brokers' racks, which are the zones.
    const identity = (o: any) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.kind === 'Job' ? o.metadata.name.replace(/-(roll|scale)-[0-9a-f]{8}$/, '-$1-<hash>') : o.metadata.name}`;
    const nonStorageClass = (p: KafkaPlatform) => p.objects.filter((o) => o.kind !== 'StorageClass').map(identity).sort();
    expect(nonStorageClass(aws.platform)).toEqual(nonStorageClass(ali));
    expect(aws.platform.kafka.externalEndpoints.map((e) => e.hostname)).toEqual(ali.kafka.externalEndpoints.map((e) => e.hostname));
  });

  test('zones, storage, placement and load balancers come from AWS', () => {
    const brokers = aws.platform.objects.filter((o) => o.kind === 'StatefulSet' && /broker/.test(o.metadata.name));
    expect(brokers.length).toBe(3);
    const claims = brokers.flatMap((s: any) => s.spec.volumeClaimTemplates ?? []);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(claim.spec.storageClassName).toBe(aws.platform.infrastructure.storageClassName);
    expect(aws.platform.infrastructure.zones).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    const lbServices = aws.platform.objects.filter((o: any) => o.kind === 'Service' && o.spec.type === 'LoadBalancer');
    expect(lbServices).toHaveLength(4);
    for (const svc of lbServices) {
      expect(svc.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe('internet-facing');
      expect(Object.keys(svc.metadata.annotations).filter((k) => k.includes('alibaba'))).toEqual([]);
      expect(svc.spec.loadBalancerSourceRanges).toEqual(['203.0.113.0/24']);
    }
  });

  test('DNS records for every advertised host are created in Route53', () => {
    const records = Object.values<any>(aws.stack('kafka-workloads').resource.aws_route53_record ?? {});
    const hosts = aws.platform.kafka.externalEndpoints.map((e) => e.hostname);
    expect([...new Set(records.map((r) => r.name))].sort()).toEqual([...hosts].sort());
  });
});
