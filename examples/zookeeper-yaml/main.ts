/**
 * A 3-zone Kafka 3.9 cluster in ZooKeeper mode (for users who still run
 * ZooKeeper), written as plain YAML:
 *   npm run synth:zookeeper-yaml   ->   dist/zookeeper-yaml/kafka.yaml
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { KafkaCluster, KafkaMetadataMode } from '../../lib/kafka';

const app = new App({ outdir: process.env.KAFKA_EXAMPLE_OUTDIR ?? path.join(__dirname, '..', '..', 'dist', 'zookeeper-yaml'), outputFileExtension: '.yaml' });
const chart = new Chart(app, 'kafka', { disableResourceNameHashes: true });

const cluster = new KafkaCluster(chart, 'cluster', {
  namespace: 'kafka',
  clusterName: 'kafka',
  metadataMode: KafkaMetadataMode.ZOOKEEPER,
  zones: ['cn-hangzhou-h', 'cn-hangzhou-j', 'cn-hangzhou-k'],
  zookeeper: { replicas: 3, storage: { size: '20Gi' } },
  brokers: { replicas: 3, storage: { size: '200Gi' } },
  storageClassName: 'alicloud-disk-essd',
});

cluster.addTopic({ name: 'payments', partitions: 6, replicationFactor: 3, config: { 'cleanup.policy': 'delete' } });

app.synth();
console.log(`wrote ${app.outdir}`);
