/**
 * A 3-zone KRaft cluster with the whole ecosystem switched on, written as
 * plain YAML for GitOps users:
 *   npm run synth:ecosystem-yaml   ->   dist/ecosystem-yaml/ecosystem.yaml
 *
 * Also writes dist/ecosystem-yaml/prometheus/ with the generated alert rules,
 * their promtool unit tests, a promtool-checkable copy of prometheus.yml and
 * alertmanager.yml, so CI can run promtool/amtool on exactly what is deployed.
 *
 * Before applying: create the Secrets the manifests reference by name
 * (`mysql-debezium`, `elasticsearch-credentials`, `kafka-ui-login`,
 * `kafka-grafana-admin`) and the `monitoring` namespace; build the
 * Elasticsearch sink plugin image (see the README, "Kafka Connect").
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { parse, stringify } from 'yaml';
import { KafkaCluster, KafkaTopic } from '../../lib/kafka';
import { ConnectPlugin, KafkaConnector, KafkaEcosystem } from '../../lib/kafka/ecosystem';
import { withStaticDiscoveryForCheck } from '../../lib/kafka/monitoring';

const outdir = process.env.KAFKA_EXAMPLE_OUTDIR ?? path.join(__dirname, '..', '..', 'dist', 'ecosystem-yaml');
const app = new App({ outdir, outputFileExtension: '.yaml' });
const chart = new Chart(app, 'ecosystem', { disableResourceNameHashes: true });

const cluster = new KafkaCluster(chart, 'cluster', {
  namespace: 'kafka',
  clusterName: 'kafka',
  zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  brokers: { replicas: 3, storage: { size: '500Gi' } },
  controllers: { replicas: 3 },
  storageClassName: 'gp3-encrypted',
});

const ecosystem = new KafkaEcosystem(chart, 'ecosystem', {
  cluster,
  schemaRegistry: { compatibility: 'BACKWARD' },
  connect: {
    plugins: [
      // Debezium's MySQL connector, straight from Maven Central, checksum-pinned.
      ConnectPlugin.fromMavenCentral({
        name: 'debezium-mysql',
        groupId: 'io.debezium',
        artifactId: 'debezium-connector-mysql',
        version: '2.7.4.Final',
        classifier: 'plugin',
        sha256: '29c518325af7facc201aad51e87caf244e442bea13d1818bdcbef925bcca14f3',
      }),
      // Confluent's Elasticsearch sink is not on Maven Central: copy it from an image you build once.
      ConnectPlugin.fromImage('elasticsearch-sink', 'registry.example.com/kafka-connect-plugins/elasticsearch-sink:14.1.2', '/plugins/confluentinc-kafka-connect-elasticsearch'),
    ],
  },
  monitoring: {
    // The cluster's NetworkPolicies admit the metrics scraper from this namespace (KafkaCluster default).
    namespace: 'monitoring',
    prometheus: { retention: '15d', storage: { size: '100Gi' } },
    alertThresholds: { diskUsagePercent: 80, consumerLag: 10000, consumerLagPerGroup: { 'connect-customers-es-sink': 50000 } },
    alertmanager: { receiver: { webhook: { url: 'http://alert-relay.ops.svc:8080/kafka' } } },
  },
  grafana: true,
  ui: { readOnly: false },
  ksqlDb: true,
});

const connect = ecosystem.connect!;
// Debezium keeps the MySQL schema history in Kafka: one partition, kept forever.
new KafkaTopic(chart, 'schema-history', { cluster, name: 'schema-changes.inventory', partitions: 1, config: { 'cleanup.policy': 'delete', 'retention.ms': '-1' } });

const historyClient = (role: 'producer' | 'consumer') => ({
  [`schema.history.internal.${role}.security.protocol`]: cluster.internalSecurityProtocol,
  [`schema.history.internal.${role}.sasl.mechanism`]: cluster.saslMechanism,
  // Resolved on the worker by the env config provider: the worker's own SCRAM identity.
  [`schema.history.internal.${role}.sasl.jaas.config`]: '${env:CONNECT_KAFKA_SASL_JAAS_CONFIG}',
});
const avro = {
  'key.converter': 'io.confluent.connect.avro.AvroConverter',
  'key.converter.schema.registry.url': ecosystem.schemaRegistry!.url,
  'value.converter': 'io.confluent.connect.avro.AvroConverter',
  'value.converter.schema.registry.url': ecosystem.schemaRegistry!.url,
};

new KafkaConnector(chart, 'inventory-mysql-source', {
  connect,
  connectorClass: 'io.debezium.connector.mysql.MySqlConnector',
  config: {
    'database.hostname': 'mysql.inventory.svc',
    'database.port': '3306',
    'database.user': 'debezium',
    'database.server.id': '184054',
    'database.include.list': 'inventory',
    'topic.prefix': 'inventory',
    'schema.history.internal.kafka.bootstrap.servers': cluster.internalBootstrapServers,
    'schema.history.internal.kafka.topic': 'schema-changes.inventory',
    ...historyClient('producer'),
    ...historyClient('consumer'),
    // auto.create.topics.enable is off on the brokers: Connect creates the change topics with HA settings.
    'topic.creation.default.replication.factor': '3',
    'topic.creation.default.partitions': '6',
    'topic.creation.default.min.insync.replicas': '2',
    ...avro,
  },
  secrets: { 'database.password': { secretName: 'mysql-debezium', key: 'password' } },
});

new KafkaConnector(chart, 'customers-es-sink', {
  connect,
  connectorClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
  tasksMax: 3,
  config: {
    'topics': 'inventory.inventory.customers',
    'connection.url': 'https://elasticsearch.search.svc:9200',
    'connection.username': 'kafka-connect',
    'transforms': 'unwrap,key',
    'transforms.unwrap.type': 'io.debezium.transforms.ExtractNewRecordState',
    'transforms.unwrap.drop.tombstones': 'false',
    'transforms.key.type': 'org.apache.kafka.connect.transforms.ExtractField$Key',
    'transforms.key.field': 'id',
    'key.ignore': 'false',
    'write.method': 'upsert',
    'behavior.on.null.values': 'delete',
    ...avro,
  },
  secrets: { 'connection.password': { secretName: 'elasticsearch-credentials', key: 'password' } },
});

app.synth();

// Monitoring artifacts for promtool / amtool (what the ConfigMaps contain).
const monitoring = ecosystem.monitoring!;
const promDir = path.join(outdir, 'prometheus');
fs.mkdirSync(path.join(promDir, 'sa'), { recursive: true });
fs.writeFileSync(path.join(promDir, monitoring.ruleFileName), monitoring.alertRulesYaml);
fs.writeFileSync(path.join(promDir, 'rules.test.yaml'), monitoring.ruleTestsYaml);
fs.writeFileSync(path.join(promDir, 'prometheus.yml'), monitoring.prometheus.configYaml);
// Debian's promtool lacks kubernetes_sd_configs: see withStaticDiscoveryForCheck.
const checkable = withStaticDiscoveryForCheck(parse(monitoring.prometheus.configYaml), 'sa');
checkable.rule_files = [monitoring.ruleFileName];
fs.writeFileSync(path.join(promDir, 'prometheus.check.yml'), stringify(checkable, { lineWidth: 0 }));
fs.writeFileSync(path.join(promDir, 'sa', 'token'), 'placeholder-for-promtool\n');
fs.writeFileSync(path.join(promDir, 'sa', 'ca.crt'), '');
fs.writeFileSync(path.join(promDir, 'alertmanager.yml'), monitoring.alertmanager!.configYaml);
// The connector submission script and bodies, runnable against a local Connect worker.
const connectDir = path.join(outdir, 'connect');
fs.mkdirSync(connectDir, { recursive: true });
for (const [name, text] of Object.entries(connect.renderConnectorFiles())) fs.writeFileSync(path.join(connectDir, name), text);
console.log(`wrote ${app.outdir}`);
