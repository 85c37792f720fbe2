/**
 * A complete 3-AZ Kafka platform on AWS: VPC, IAM, EKS, Route53, CloudWatch
 * (stack `kafka-infra`), the Kafka cluster and its ecosystem as Terraform
 * Kubernetes resources (stack `kafka-workloads`), and the same objects as YAML
 * for GitOps (`cdktf.out/gitops/kafka/`). Synthesizes offline:
 *
 *   cd examples/aws-eks && npx cdktf synth
 *   cdktf deploy '*'          # infra first, then workloads
 */
import { App, LocalBackend } from 'cdktf';
import { AwsKafkaCloud } from '../../lib/cloud/aws/aws-kafka-cloud';
import { LoadBalancerExposure } from '../../lib/kafka/types';
import { KafkaPlatform } from '../../lib/platform/kafka-platform';

export interface AwsExampleOptions {
  /** @default 3 */
  readonly brokers?: number;
  /** @default 10 */
  readonly topics?: number;
  /** @default - cdktf's default (`cdktf.out`, or CDKTF_OUTDIR) */
  readonly outdir?: string;
}

/** Builds the example app. The bench calls this with larger broker and topic counts. */
export function buildAwsExample(options: AwsExampleOptions = {}): App {
  const app = new App({ outdir: options.outdir });
  const brokers = options.brokers ?? 3;
  const platform = new KafkaPlatform(app, 'kafka', {
    cloud: new AwsKafkaCloud({
      region: 'eu-west-1',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      vpcCidr: '10.40.0.0/16',
      kubernetesVersion: '1.33',
      // CI runners reach the API server here; operators use the private endpoint through the VPN.
      publicEndpointCidrs: ['203.0.113.0/24'],
      adminPrincipalArns: ['arn:aws:iam::111122223333:role/platform-admins'],
      flowLogRetentionDays: 30,
      allowedClientCidrs: ['10.50.0.0/16'],
      externalDnsRole: false,
      alarmEmails: ['kafka-oncall@example.com'],
      tags: { 'cost-center': 'streaming' },
    }),
    kafka: {
      clusterName: 'events',
      namespace: 'kafka',
      brokers: { replicas: brokers, storage: { size: '500Gi' } },
      externalListener: {
        domain: 'kafka.example.internal',
        loadBalancer: { exposure: LoadBalancerExposure.INTERNAL },
        tls: { secretName: 'kafka-external-tls' },
      },
      topics: Array.from({ length: options.topics ?? 10 }, (_, i) => ({
        name: `orders-${String(i).padStart(4, '0')}`,
        partitions: 12,
        replicationFactor: 3,
        config: { 'min.insync.replicas': '2', 'retention.ms': '604800000' },
      })),
    },
  });
  // State next to this file, by relative path: the synthesized JSON does not depend on the checkout location.
  // Production setups add an S3Backend to both stacks instead.
  for (const stack of [platform.infraStack, platform.workloadsStack]) {
    new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
  }
  return app;
}

if (require.main === module) {
  buildAwsExample().synth();
}
