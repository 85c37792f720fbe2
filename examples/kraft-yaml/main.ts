/**
 * A 3-zone KRaft Kafka cluster written as plain YAML for GitOps users:
 *   npm run synth:kraft-yaml   ->   dist/kraft-yaml/kafka.yaml
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { AwsNlbFlavour } from '../../lib/cloud/aws/load-balancer-flavour';
import { KafkaCluster, KafkaTopic, LoadBalancerExposure } from '../../lib/kafka';

const app = new App({ outdir: process.env.KAFKA_EXAMPLE_OUTDIR ?? path.join(__dirname, '..', '..', 'dist', 'kraft-yaml'), outputFileExtension: '.yaml' });
const chart = new Chart(app, 'kafka', { disableResourceNameHashes: true });

const cluster = new KafkaCluster(chart, 'cluster', {
  namespace: 'kafka',
  clusterName: 'kafka',
  zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  brokers: { replicas: 3, storage: { size: '500Gi' }, resources: { cpuRequest: '2', cpuLimit: '4', memory: '8Gi' } },
  controllers: { replicas: 3 },
  storageClassName: 'gp3-encrypted',
  nodePlacement: { nodeLabels: { 'kafka-platform.io/pool': 'kafka' }, tolerations: [{ key: 'dedicated', value: 'kafka', effect: 'NoSchedule' }] },
  externalListener: {
    domain: 'kafka.example.com',
    loadBalancer: { flavour: new AwsNlbFlavour(), exposure: LoadBalancerExposure.INTERNAL },
    tls: { certManagerIssuer: { name: 'internal-ca', kind: 'ClusterIssuer' } },
  },
});

new KafkaTopic(chart, 'orders', { cluster, name: 'orders', partitions: 12, config: { 'retention.ms': '604800000' } });
cluster.addUser('orders-service');

app.synth();
console.log(`wrote ${app.outdir}`);
