/**
 * The platform of the original Alibaba Cloud walkthrough, with its mistakes fixed: `kafka-vpc`
 * (192.168.0.0/16) with vSwitches in 3 zones, a least-privilege security group and RAM, ACK Pro,
 * KRaft by default (one prop switches to the walkthrough's ZooKeeper mode), an external listener
 * with DNS, and CloudMonitor alarms. Synthesizes offline, without credentials:
 *
 *   cd examples/alicloud-ack && npx cdktf synth
 *   cdktf deploy '*'          # infra first, then workloads (from inside the VPC: the API server is private)
 *
 * Stacks: `kafka-infra` (VPC, RAM, KMS, ACK, PrivateZone, CloudMonitor) and `kafka-workloads`
 * (the Kafka objects as Terraform Kubernetes resources, DNS records); YAML for GitOps under
 * `cdktf.out/gitops/kafka/`.
 */
import { App } from 'cdktf';
import { AlicloudKafkaCloud } from '../../lib/cloud/alicloud/alicloud-kafka-cloud';
import { RrsaWorkloadRoles } from '../../lib/cloud/alicloud/ram';
import { AlicloudLoadBalancerType } from '../../lib/cloud/alicloud/load-balancer-flavour';
import { KafkaMetadataMode, LoadBalancerExposure } from '../../lib/kafka/types';
import { KafkaPlatform, PlatformEcosystemProps, PlatformKafkaClusterProps } from '../../lib/platform/kafka-platform';

export interface AlicloudExampleOptions {
  /** @default 3 */
  readonly brokers?: number;
  /** @default 10 */
  readonly topics?: number;
  /** @default - cdktf's default (`cdktf.out`, or CDKTF_OUTDIR) */
  readonly outdir?: string;
  /**
   * The walkthrough ran ZooKeeper (via Helm). KRaft is the default here; set this to get the
   * walkthrough's ZooKeeper mode (Kafka 3.9.x brokers and a 3-node ensemble).
   * @default KafkaMetadataMode.KRAFT
   */
  readonly metadataMode?: KafkaMetadataMode;
}

/**
 * The example's Kafka side, cloud-neutral: exactly what `buildAlicloudExample` passes to
 * `KafkaPlatform`, so a test can hand the same props to another cloud.
 */
export function alicloudExampleWorkloads(options: AlicloudExampleOptions = {}): { kafka: PlatformKafkaClusterProps; ecosystem: PlatformEcosystemProps } {
  return {
    kafka: {
      clusterName: 'events',
      namespace: 'kafka',
      metadataMode: options.metadataMode ?? KafkaMetadataMode.KRAFT,
      brokers: { replicas: options.brokers ?? 3, storage: { size: '500Gi' } },
      externalListener: {
        domain: 'kafka.example.com',
        // The walkthrough exposed Kafka on the internet; here it is an explicit choice, TLS and SASL on,
        // and only the partner network may connect (the security group admits exactly these sources).
        loadBalancer: { exposure: LoadBalancerExposure.INTERNET, allowedSourceCidrs: ['203.0.113.0/24'] },
        tls: { secretName: 'kafka-external-tls' },
      },
      topics: Array.from({ length: options.topics ?? 10 }, (_, i) => ({
        name: `orders-${String(i).padStart(4, '0')}`,
        partitions: 12,
        replicationFactor: 3,
        config: { 'min.insync.replicas': '2', 'retention.ms': '604800000' },
      })),
    },
    // Prometheus with the Kafka alert rules (the walkthrough installed it with Helm), Schema Registry
    // and Connect; the platform outputs the Prometheus URL.
    ecosystem: { monitoring: true, schemaRegistry: true, connect: true },
  };
}

/** Builds the example app. The bench calls this with larger broker and topic counts. */
export function buildAlicloudExample(options: AlicloudExampleOptions = {}): App {
  const app = new App({ outdir: options.outdir });
  new KafkaPlatform(app, 'kafka', {
    cloud: new AlicloudKafkaCloud({
      region: 'cn-hangzhou',
      zones: [{ zoneId: 'cn-hangzhou-h' }, { zoneId: 'cn-hangzhou-i' }, { zoneId: 'cn-hangzhou-j' }],
      vpcName: 'kafka-vpc',
      vpcCidr: '192.168.0.0/16',
      kubernetesVersion: '1.33.1-aliyun.1',
      controlPlaneLogProjectName: 'example-com-kafka-ack-logs',
      // Clients in the office network (over VPN) may reach Kafka too; nothing else outside the VPC
      // besides the internet listener's allowedSourceCidrs. (The load balancer keeps the client source IP.)
      allowedClientCidrs: ['10.20.0.0/16'],
      loadBalancer: { type: AlicloudLoadBalancerType.CLB, spec: 'slb.s2.small' },
      publicDnsDomain: 'example.com',
      workloadRoles: [RrsaWorkloadRoles.diskSnapshots('kafka')],
      kafkaNodePool: { instanceTypes: ['ecs.g7.2xlarge', 'ecs.g6.2xlarge'], dataDiskSizeGib: 200 },
      generalNodePool: { instanceTypes: ['ecs.g7.xlarge', 'ecs.g6.xlarge'], nodes: 3 },
      alarmContacts: [{ name: 'kafka-oncall', email: 'kafka-oncall@example.com' }],
      tags: { 'cost-center': 'streaming' },
    }),
    ...alicloudExampleWorkloads(options),
  });
  return app;
}

if (require.main === module) {
  buildAlicloudExample({
    metadataMode: process.env.KAFKA_METADATA_MODE === 'zookeeper' ? KafkaMetadataMode.ZOOKEEPER : KafkaMetadataMode.KRAFT,
  }).synth();
}
