import { Chart, Testing } from 'cdk8s';
import { KafkaPlatformValidationError } from '../../lib/errors';
import { KafkaCluster, KafkaClusterProps, KafkaProfile, LoadBalancerExposure } from '../../lib/kafka';
import { ConnectPlugin, KafkaEcosystem, KafkaEcosystemProps } from '../../lib/kafka/ecosystem';
import { isAnyAddressCidr, parseCidr } from '../../lib/kafka/k8s/cidr';
import { renderGitopsFiles } from '../../lib/platform/gitops-writer';
import { parseJavaProperties } from '../support/java-properties';
import { find, STUB_FLAVOUR, synth, warningsOf, ZONES } from './helpers';

/** One hand-written case per class of bad input found by the property run (issue 16); test/fuzz generates the rest. */

function refusal(build: () => unknown): KafkaPlatformValidationError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(KafkaPlatformValidationError);
    return e as KafkaPlatformValidationError;
  }
  throw new Error('expected a KafkaPlatformValidationError, got none');
}

const cluster = (props: Partial<KafkaClusterProps>) => refusal(() => synth(props as KafkaClusterProps));

function ecosystem(props: Partial<KafkaEcosystemProps>): any[] {
  const chart = new Chart(Testing.app(), 'test');
  const kafka = new KafkaCluster(chart, 'kafka', { zones: ZONES });
  new KafkaEcosystem(chart, 'ecosystem', { cluster: kafka, ...props });
  return chart.toJson();
}

describe('properties injection', () => {
  test('a line break in a broker config value cannot add min.insync.replicas=1', () => {
    expect(cluster({ brokers: { config: { x: 'y\rmin.insync.replicas=1' } } }).prop).toBe('brokers.config["x"]');
  });

  test('a line break in a key cannot replace a managed security key', () => {
    expect(cluster({ controllers: { config: { 'x\nsasl.enabled.mechanisms': 'PLAIN' } } }).prop).toBe('controllers.config["x\\nsasl.enabled.mechanisms"]');
  });

  test.each([['unclean.leader.election.enable', 'false '], ['min.insync.replicas', '01'], ['default.replication.factor', '+3'], ['auto.create.topics.enable', 'FALSE']])(
    '%s=%j is refused: Kafka and the rules would read it differently', (key, value) => {
      expect(cluster({ brokers: { config: { [key]: value } } }).prop).toBe(`brokers.config["${key}"]`);
    });

  test('backslashes, separators and non-Latin-1 text reach the broker exactly as declared', () => {
    const declared = { 'ssl.cipher.suites': ' a\\b=c:d#e!f é € 😀' };
    const { objects } = synth({ brokers: { config: declared } });
    const parsed = parseJavaProperties(find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties']);
    expect(parsed.get('ssl.cipher.suites')).toBe(declared['ssl.cipher.suites']);
  });

  test('Connect workerConfig: no injected line, no override of the internal topics RF or the client override policy', () => {
    expect(refusal(() => ecosystem({ connect: { workerConfig: { 'x\nconnector.client.config.override.policy': 'All' } } })).prop).toBe('connect.workerConfig["x\\nconnector.client.config.override.policy"]');
    expect(refusal(() => ecosystem({ connect: { workerConfig: { 'offset.storage.replication.factor': '1' } } })).prop).toBe('workerConfig["offset.storage.replication.factor"]');
    expect(refusal(() => ecosystem({ connect: { workerConfig: { 'connector.client.config.override.policy': 'All' } } })).prop).toBe('workerConfig["connector.client.config.override.policy"]');
  });
});

describe('shell injection', () => {
  test('a plugin path with a quote is data in the environment, never part of the script', () => {
    const objects = ecosystem({ connect: { plugins: [ConnectPlugin.fromImage('local', 'example/plugins:1.0.0', "/x'; id; echo '")] } });
    const init = find(objects, 'Deployment', 'kafka-connect').spec.template.spec.initContainers.find((c: any) => c.name === 'plugin-local');
    expect(init.command[2]).not.toContain('id;');
    expect(init.env).toContainEqual({ name: 'PLUGIN_SOURCE', value: "/x'; id; echo '" });
  });

  test.each([['version', '$(id)'], ['groupId', 'a b'], ['sha256', '$(id)']])('Maven plugin %s %j is refused', (field, value) => {
    const options = { name: 'p', groupId: 'io.debezium', artifactId: 'debezium-connector-mysql', version: '2.7.4.Final', sha256: '0'.repeat(64), [field]: value };
    expect(refusal(() => ecosystem({ connect: { plugins: [ConnectPlugin.fromMavenCentral(options)] } })).prop).toBe(`plugins[0].${field}`);
  });

  test('a JMX agent checksum must be 64 hex characters', () => {
    expect(refusal(() => ecosystem({ connect: { jmxAgent: { sha256: '$(id)' } } })).prop).toBe('jmxAgent.sha256');
  });
});

describe('CIDRs are parsed, not matched as text', () => {
  test.each(['0.0.0.0/0', '0.0.0.0/00', '::/0', '::ffff:0:0/96'])('%s is every address', (cidr) => {
    expect(isAnyAddressCidr(cidr)).toBe(true);
  });

  test('10.0.0.0/8 is not every address; a prefix with leading zeros is not canonical', () => {
    expect(isAnyAddressCidr('10.0.0.0/8')).toBe(false);
    expect(parseCidr('0.0.0.0/00')?.canonical).toBe('0.0.0.0/0');
  });

  test('0.0.0.0/00 next to an IPv6 block cannot open an internet-facing listener', () => {
    const err = cluster({ externalListener: { domain: 'k.example.com', tls: { secretName: 't' }, loadBalancer: { flavour: STUB_FLAVOUR, exposure: LoadBalancerExposure.INTERNET, allowedSourceCidrs: ['2001:db8::/32', '0.0.0.0/00'] } } });
    expect(err.prop).toBe('externalListener.loadBalancer.allowedSourceCidrs');
  });

  test('::ffff:0:0/96 counts as open for the internet guard', () => {
    const err = cluster({ externalListener: { domain: 'k.example.com', tls: { secretName: 't' }, loadBalancer: { flavour: STUB_FLAVOUR, exposure: LoadBalancerExposure.INTERNET, allowedSourceCidrs: ['::ffff:0:0/96'] } } });
    expect(err.message).toMatch(/opens the internet-facing external listener to every address/);
  });

  test('a listed ::/0 on an INTERNAL listener needs the opt-in too (found by the 2,000-case platform run)', () => {
    const listener = (dangerouslyAllowAnySource: boolean) => ({ domain: 'k.example.com', tls: { secretName: 't' }, loadBalancer: { flavour: STUB_FLAVOUR, exposure: LoadBalancerExposure.INTERNAL, allowedSourceCidrs: ['203.0.113.0/24', '2001:db8::/32', '::/0'], dangerouslyAllowAnySource } });
    expect(cluster({ externalListener: listener(false) }).message).toMatch(/allowedSourceCidrs: ::\/0 admits every address that reaches the load balancer/);
    const { objects } = synth({ externalListener: listener(true) });
    expect(find(objects, 'Service', 'kafka-external-bootstrap').spec.loadBalancerSourceRanges).toContain('::/0');
  });
});

describe('what the API server would refuse is refused at synth', () => {
  test.each<[string, Partial<KafkaClusterProps>, string]>([
    ['CPU request above the default limit', { controllers: { resources: { cpuRequest: '4' } } }, 'controllers.resources.cpuRequest'],
    ['a memory quantity that is not one', { brokers: { resources: { memory: '1e9' } } }, 'brokers.resources.memory'],
    ['a port beyond 65535', { externalListener: { domain: 'k.example.com', tls: { secretName: 't' }, port: 70000 } }, 'externalListener.port'],
    ['replicas beyond int32', { brokers: { replicas: 2 ** 31 } }, 'brokers.replicas'],
    ['an invalid label value', { nodePlacement: { nodeLabels: { pool: 'a b' } } }, 'nodePlacement.nodeLabels["pool"]'],
    ['an image with whitespace', { image: 'apache/kafka :4.1.1' }, 'image'],
    ['a StatefulSet name over 52 characters', { clusterName: 'a'.repeat(40) }, 'clusterName'],
    ['an invalid clusterDomain', { clusterDomain: 'Bad_Domain' }, 'clusterDomain'],
  ])('%s', (_what, props, prop) => {
    expect(cluster(props).prop).toBe(prop);
  });
});

describe('silent collisions', () => {
  test('more than 100 brokers in a zone would reuse the next zone\'s node IDs', () => {
    expect(cluster({ brokers: { replicas: 303 } }).prop).toBe('brokers.replicas');
  });

  test('two components of one name would replace each other\'s objects', () => {
    expect(refusal(() => ecosystem({ ui: { name: 'orders' }, ksqlDb: { name: 'orders' }, monitoring: false })).message).toMatch(/Deployment kafka\/orders/);
  });

  test('two scrape jobs of one name would make Prometheus refuse its config', () => {
    expect(refusal(() => ecosystem({ connect: { name: 'kafka-brokers' } })).message).toMatch(/two scrape jobs are named "kafka-brokers"/);
  });

  test('the GitOps writer refuses two objects of one kind/namespace/name', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'n' } };
    expect(refusal(() => renderGitopsFiles([cm, { ...cm, data: {} }])).message).toMatch(/duplicate object ConfigMap\/n\/a/);
  });
});

describe('PromQL and YAML built from user strings', () => {
  test.each(['a b', ' ', 'x"y'])('metric name %j is refused before it reaches an alert expression', (name) => {
    expect(refusal(() => ecosystem({ monitoring: { metricNames: { underReplicatedPartitions: name } } })).prop).toBe('metricNames.underReplicatedPartitions');
  });

  test('a consumer group name with a line break is refused', () => {
    expect(refusal(() => ecosystem({ monitoring: { alertThresholds: { consumerLagPerGroup: { 'a\nb': 10 } } } })).prop).toBe('monitoring.alertThresholds.consumerLagPerGroup["a\\nb"]');
  });

  test('YAML 1.1 words are quoted in the GitOps YAML', () => {
    const [file] = renderGitopsFiles([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'n' }, data: { on: 'yes', time: '1:20', plain: 'kafka' } }]);
    expect(file.content).toContain('"on": "yes"');
    expect(file.content).toContain('time: "1:20"');
    expect(file.content).toContain('plain: kafka');
  });
});

describe('prototype names, tokens, wrong types', () => {
  test('an admin user named constructor gets its own Secret', () => {
    const { cluster: kafka } = synth({ credentials: { adminUsername: 'constructor' } });
    expect(kafka.adminCredentials.secretName).toBe('kafka-user-constructor');
    expect(cluster({ credentials: { adminUsername: 'constructor', createMissingSecrets: false } }).prop).toBe('credentials.existingSecrets');
  });

  test('an unresolved token in a plain string prop is refused', () => {
    expect(cluster({ clusterDomain: '${TfToken[TOKEN.1]}' }).prop).toBe('clusterDomain');
  });

  test.each<[string, unknown, string]>([
    ['zones not an array', { zones: 'abc' }, 'zones'],
    ['a null nested object', { zones: ZONES, brokers: null }, 'brokers'],
    ['a number as config value', { zones: ZONES, brokers: { config: { 'log.retention.hours': 168 } } }, 'brokers.config["log.retention.hours"]'],
    ['a listener without tls', { zones: ZONES, externalListener: { domain: 'k.example.com' } }, 'externalListener.tls'],
  ])('%s: a typed error naming the prop, not a TypeError', (_what, props, prop) => {
    expect(refusal(() => new KafkaCluster(new Chart(Testing.app(), 'test'), 'kafka', props as KafkaClusterProps)).prop).toBe(prop);
  });

  test('null alert thresholds in the ecosystem: a typed error', () => {
    expect(refusal(() => ecosystem({ monitoring: { alertThresholds: null as any } })).prop).toBe('monitoring.alertThresholds');
  });
});

test('DEVELOPMENT: a weakened setting marks every StatefulSet and warns', () => {
  const { objects, chart } = synth({ profile: KafkaProfile.DEVELOPMENT, brokers: { config: { 'min.insync.replicas': '1' } } });
  const sets = objects.filter(o => o.kind === 'StatefulSet');
  expect(sets.length).toBeGreaterThan(0);
  for (const s of sets) expect(s.metadata.annotations?.['kafka-platform.io/ha-warning']).toMatch(/NOT highly available/);
  expect(warningsOf(chart).join('\n')).toMatch(/min.insync.replicas/);
});

test('topics orders.v1 and orders_v1 collide, as Kafka says', () => {
  const err = cluster({ topics: [{ name: 'orders.v1', partitions: 3, replicationFactor: 3 }, { name: 'orders_v1', partitions: 3, replicationFactor: 3 }] });
  expect(err.prop).toBe('topics["orders_v1"]');
  expect(err.message).toMatch(/collides with topic "orders.v1"/);
});
