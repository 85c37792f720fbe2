import { KafkaPlatformValidationError } from '../../lib/errors';
import { KafkaCluster, KafkaMetadataMode, KafkaProfile, KafkaTopic, LoadBalancerExposure } from '../../lib/kafka';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { stubFlavour, synth, STUB_FLAVOUR, warningsOf } from './helpers';

/** Asserts synth fails with a KafkaPlatformValidationError naming the construct path and `prop`. */
function expectError(fn: () => unknown, prop: string, problem: RegExp): void {
  let caught: unknown;
  try { fn(); } catch (e) { caught = e; }
  expect(caught).toBeInstanceOf(KafkaPlatformValidationError);
  const err = caught as KafkaPlatformValidationError;
  expect(err.prop).toBe(prop);
  expect(err.constructPath).toBe('test/kafka');
  expect(err.message).toMatch(problem);
  expect(err.fix.length).toBeGreaterThan(5);
  expect(err.message).toContain('Fix: ');
}

const ext = { domain: 'kafka.example.com', loadBalancer: { flavour: STUB_FLAVOUR }, tls: { secretName: 's' } };

describe('each HA invariant fails synth in PRODUCTION, naming the prop and the fix', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test('fewer than 3 zones', () => expectError(() => synth({ zones: ['a', 'b'], brokers: { replicas: 4 } }), 'zones', /cannot survive the loss of a zone/));
  test('no zones', () => expectError(() => synth({ zones: [] }), 'zones', /no zones given/));
  test('duplicate zones', () => expectError(() => synth({ zones: ['a', 'a', 'b'] }), 'zones', /repeat/));
  test('invalid zone label', () => expectError(() => synth({ zones: ['a', 'b', 'c d'] }), 'zones', /not valid label values/));
  test('brokers not a multiple of zones', () => expectError(() => synth({ brokers: { replicas: 4 } }), 'brokers.replicas', /cannot be spread evenly.*use a multiple of 3/));
  test('zero brokers', () => expectError(() => synth({ brokers: { replicas: 0 } }), 'brokers.replicas', /not a positive whole number/));
  test('even controller count', () => expectError(() => synth({ controllers: { replicas: 4 } }), 'controllers.replicas', /not an odd quorum/));
  test('7 controllers', () => expectError(() => synth({ controllers: { replicas: 7 } }), 'controllers.replicas', /use 3 or 5/));
  test('single controller', () => expectError(() => synth({ controllers: { replicas: 1 } }), 'controllers.replicas', /cannot tolerate a failure/));
  test('even ZooKeeper ensemble', () => expectError(() => synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, zookeeper: { replicas: 2 } }), 'zookeeper.replicas', /not an odd ensemble/));
  test('RF > brokers', () => expectError(() => synth({ brokers: { config: { 'default.replication.factor': '4' } } }), 'brokers.config["default.replication.factor"]', /more than the 3 broker/));
  test('RF < 3', () => expectError(() => synth({ brokers: { config: { 'default.replication.factor': '2', 'min.insync.replicas': '1' } } }), 'brokers.config["default.replication.factor"]', /loses data/));
  test('RF not a number', () => expectError(() => synth({ brokers: { config: { 'default.replication.factor': 'three' } } }), 'brokers.config["default.replication.factor"]', /not a positive integer/));
  test('offsets topic RF > brokers', () => expectError(() => synth({ brokers: { config: { 'offsets.topic.replication.factor': '5' } } }), 'brokers.config["offsets.topic.replication.factor"]', /more than the 3/));
  test('transaction log RF < 3', () => expectError(() => synth({ brokers: { config: { 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1' } } }), 'brokers.config["transaction.state.log.replication.factor"]', /loses data/));
  test('min ISR = RF', () => expectError(() => synth({ brokers: { config: { 'min.insync.replicas': '3' } } }), 'brokers.config["min.insync.replicas"]', /equals default.replication.factor/));
  test('min ISR > RF', () => expectError(() => synth({ brokers: { config: { 'min.insync.replicas': '4' } } }), 'brokers.config["min.insync.replicas"]', /no write with acks=all/));
  test('min ISR 1', () => expectError(() => synth({ brokers: { config: { 'min.insync.replicas': '1' } } }), 'brokers.config["min.insync.replicas"]', /single broker/));
  test('transaction log min ISR >= its RF', () => expectError(() => synth({ brokers: { config: { 'transaction.state.log.min.isr': '3' } } }), 'brokers.config["transaction.state.log.min.isr"]', /equals/));
  test('unclean leader election on', () => expectError(() => synth({ brokers: { config: { 'unclean.leader.election.enable': 'true' } } }), 'brokers.config["unclean.leader.election.enable"]', /out-of-sync replica/));
  test('auto topic creation on', () => expectError(() => synth({ brokers: { config: { 'auto.create.topics.enable': 'true' } } }), 'brokers.config["auto.create.topics.enable"]', /bypassing/));
  test('replica selector not rack-aware', () => expectError(() => synth({ brokers: { config: { 'replica.selector.class': 'org.apache.kafka.common.replica.LeaderSelector' } } }), 'brokers.config["replica.selector.class"]', /ignores zones/));
  test('controlled shutdown off', () => expectError(() => synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, brokers: { config: { 'controlled.shutdown.enable': 'false' } } }), 'brokers.config["controlled.shutdown.enable"]', /unclean leadership loss/));
  test('grace period too short', () => expectError(() => synth({ brokers: { terminationGracePeriodSeconds: 30 } }), 'brokers.terminationGracePeriodSeconds', /at least 120|before it moved/));
  test('NetworkPolicies off', () => expectError(() => synth({ networkPolicy: { enabled: false } }), 'networkPolicy.enabled', /unauthenticated controller listener/));
  test.each(['node.id', 'broker.rack', 'listeners', 'advertised.listeners', 'log.dirs', 'listener.name.internal.scram-sha-512.sasl.jaas.config'])('managed property %s', (key) =>
    expectError(() => synth({ brokers: { config: { [key]: 'x' } } }), `brokers.config["${key}"]`, /set per pod by the start script/));
  test('cluster-wide default set on controllers only', () => expectError(() => synth({ controllers: { config: { 'min.insync.replicas': '1' } } }), 'controllers.config["min.insync.replicas"]', /controllers take from brokers.config/));
  test('RF and min ISR that do not survive a zone loss', () => expectError(
    () => synth({ brokers: { replicas: 6, config: { 'default.replication.factor': '4', 'offsets.topic.replication.factor': '4', 'min.insync.replicas': '3' } } }),
    'brokers.config["default.replication.factor"]', /over 3 zone\(s\) keeps only 2 replica\(s\).*fewer than min.insync.replicas 3/));
  test('transaction log RF and min ISR that do not survive a zone loss', () => expectError(
    () => synth({ brokers: { replicas: 6, config: { 'transaction.state.log.replication.factor': '4', 'transaction.state.log.min.isr': '3' } } }),
    'brokers.config["transaction.state.log.replication.factor"]', /keeps only 2 replica/));
  test('min ISR = offsets topic RF (offset commits stop on one broker restart)', () => expectError(
    () => synth({ brokers: { replicas: 6, config: { 'default.replication.factor': '5', 'min.insync.replicas': '3' } } }),
    'brokers.config["min.insync.replicas"]', /equals offsets.topic.replication.factor/));
  test('managed property on controllers', () => expectError(() => synth({ controllers: { config: { 'controller.quorum.voters': 'x' } } }), 'controllers.config["controller.quorum.voters"]', /start script/));
});

describe('input validation', () => {
  test('invalid cluster name', () => expectError(() => synth({ clusterName: 'Kafka_1' }), 'clusterName', /not a DNS label/));
  test('invalid namespace', () => expectError(() => synth({ namespace: 'Bad NS' }), 'namespace', /not a valid namespace/));
  test('zookeeper options in KRaft mode', () => expectError(() => synth({ zookeeper: { replicas: 3 } }), 'zookeeper', /metadataMode is KRAFT/));
  test('controller options in ZooKeeper mode', () => expectError(() => synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, controllers: { replicas: 3 } }), 'controllers', /metadataMode is ZOOKEEPER/));
  test('image with latest tag', () => expectError(() => synth({ image: 'apache/kafka:latest' }), 'image', /not pinned/));
  test('image without a tag', () => expectError(() => synth({ images: { zookeeper: 'zookeeper' } }), 'images.zookeeper', /not pinned/));
  test('Kafka 4 image in ZooKeeper mode', () => expectError(() => synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, image: 'apache/kafka:4.1.1' }), 'image', /Kafka 4.x does not fit metadataMode ZOOKEEPER/));
  test('Kafka 3 image in KRaft mode', () => expectError(() => synth({ images: { kafka: 'registry.example.com/apache/kafka:3.9.1' } }), 'images.kafka', /Kafka 3.x does not fit metadataMode KRAFT/));
  test('image tags without a version and digests are not second-guessed', () => {
    expect(() => synth({ image: 'registry.example.com/kafka:stable-2025' })).not.toThrow();
    expect(() => synth({ image: `apache/kafka@sha256:${'a'.repeat(64)}` })).not.toThrow();
  });
  test('image and images.kafka together', () => expectError(() => synth({ image: 'a/b:1', images: { kafka: 'a/b:2' } }), 'image', /together/));
  test('bad memory quantity', () => expectError(() => synth({ brokers: { resources: { memory: '4GB' } } }), 'brokers.resources.memory', /not a memory quantity/));
  test('too little broker memory', () => expectError(() => synth({ brokers: { resources: { memory: '512Mi' } } }), 'brokers.resources.memory', /too little/));
  test('bad CPU quantity', () => expectError(() => synth({ controllers: { resources: { cpuLimit: 'two' } } }), 'controllers.resources.cpuLimit', /not a CPU quantity/));
  test('bad storage size', () => expectError(() => synth({ brokers: { storage: { size: '100GB' } } }), 'brokers.storage.size', /not a storage quantity/));
  test('bad StorageClass name', () => expectError(() => synth({ storageClassName: 'GP3 Encrypted' }), 'storageClassName', /not a StorageClass name/));
  test('bad StorageClass name on a volume', () => expectError(() => synth({ controllers: { storage: { storageClassName: 'ssd_fast' } } }), 'controllers.storage.storageClassName', /not a StorageClass name/));
  test.each(['10.0.0.0', '10.0.0.0/33', '300.0.0.0/8', 'office'])('bad source CIDR %s', (cidr) => expectError(
    () => synth({ externalListener: { ...ext, loadBalancer: { flavour: STUB_FLAVOUR, allowedSourceCidrs: ['192.168.0.0/16', cidr] } } }),
    'externalListener.loadBalancer.allowedSourceCidrs', /is not a CIDR block/));
  test('good source CIDRs pass', () => expect(() => synth({ externalListener: { ...ext, loadBalancer: { flavour: STUB_FLAVOUR, allowedSourceCidrs: ['10.0.0.0/8', '2001:db8::/32'] } } })).not.toThrow());
  test('heap fraction out of range', () => expectError(() => synth({ brokers: { heapFraction: 0.95 } }), 'brokers.heapFraction', /page cache/));
  test('external listener without a certificate source', () => expectError(() => synth({ externalListener: { ...ext, tls: {} } }), 'externalListener.tls', /no certificate sources/));
  test('external listener with two certificate sources', () => expectError(() => synth({ externalListener: { ...ext, tls: { secretName: 's', certManagerIssuer: { name: 'i' } } } }), 'externalListener.tls', /two certificate sources/));
  test('external listener domain', () => expectError(() => synth({ externalListener: { ...ext, domain: 'Not A Domain' } }), 'externalListener.domain', /not a lower-case DNS domain/));
  test('external listener port clash', () => expectError(() => synth({ externalListener: { ...ext, port: 9092 } }), 'externalListener.port', /not a free unprivileged port/));
  test.each([
    ['no source CIDRs', STUB_FLAVOUR, undefined, /internet-facing external listener without source CIDRs is open to every address/],
    ['an empty CIDR list', STUB_FLAVOUR, [], /without source CIDRs/],
    ['0.0.0.0/0 among the CIDRs', undefined, ['10.0.0.0/8', '0.0.0.0/0'], /0\.0\.0\.0\/0 opens the internet-facing external listener to every address/],
    ['::/0 as the only CIDR', STUB_FLAVOUR, ['::/0'], /::\/0 opens the internet-facing external listener/],
  ])('internet-facing listener with %s', (_name, flavour, allowedSourceCidrs, problem) => {
    const fn = () => synth({ externalListener: { ...ext, loadBalancer: { flavour, exposure: LoadBalancerExposure.INTERNET, allowedSourceCidrs } } });
    expectError(fn, 'externalListener.loadBalancer.allowedSourceCidrs', problem);
    let err: any;
    try { fn(); } catch (e) { err = e; }
    expect(err?.fix).toContain('list the client CIDRs in externalListener.loadBalancer.allowedSourceCidrs');
    expect(err?.fix).toContain('externalListener.loadBalancer.dangerouslyAllowAnySource: true');
  });
  test('internet-facing listener without CIDRs is refused in the DEVELOPMENT profile too (security, not HA)', () => expectError(
    () => synth({ profile: KafkaProfile.DEVELOPMENT, externalListener: { ...ext, loadBalancer: { flavour: STUB_FLAVOUR, exposure: LoadBalancerExposure.INTERNET } } }),
    'externalListener.loadBalancer.allowedSourceCidrs', /open to every address/));
  test('a load-balancer flavour\'s own problems fail synth under its prop', () => {
    const flavour = stubFlavour({ problems: [{ prop: 'flavour.zoneMappings', problem: 'needs vSwitches in at least two zones', fix: 'map two zones' }] });
    expectError(() => synth({ externalListener: { ...ext, loadBalancer: { flavour } } }), 'externalListener.loadBalancer.flavour.zoneMappings', /at least two zones/);
  });
  test('unknown metadata mode', () => expectError(() => synth({ metadataMode: 'etcd' as any }), 'metadataMode', /unknown mode "etcd"/));
  test('unknown profile', () => expectError(() => synth({ profile: 'staging' as any }), 'profile', /unknown profile "staging"/));
  test('too little ZooKeeper memory', () => expectError(() => synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, zookeeper: { resources: { memory: '256Mi' } } }), 'zookeeper.resources.memory', /too little for ZooKeeper/));
  test('too little controller memory', () => expectError(() => synth({ controllers: { resources: { memory: '256Mi' } } }), 'controllers.resources.memory', /too little for a Kafka controller/));
  test('invalid existing Secret name', () => expectError(() => synth({ credentials: { existingSecrets: { admin: 'Vault_Admin' } } }), 'credentials.existingSecrets["admin"]', /not a valid Secret name/));
  test('invalid node label', () => expectError(() => synth({ nodePlacement: { nodeLabels: { 'bad key!': 'x' } } }), 'nodePlacement.nodeLabels["bad key!"]', /not a valid label/));
  test('invalid user name', () => expectError(() => synth({}, c => c.addUser('Bad User')), 'addUser("Bad User")', /not a valid user name/));
  test('addUser with the admin user', () => expectError(() => synth({}, c => c.addUser('admin')), 'addUser("admin")', /inter-broker admin/));
  test('invalid admin user name', () => expectError(() => synth({ credentials: { adminUsername: 'ad min' } }), 'credentials.adminUsername', /not a valid user name/));
  test('no Secret for a user when Secret creation is off', () => expectError(() => synth({ credentials: { createMissingSecrets: false } }), 'credentials.existingSecrets', /no Secret given for admin/));
});

describe('topic validation', () => {
  const topic = { name: 'orders', partitions: 6, replicationFactor: 3 };
  test('RF > brokers', () => expectError(() => synth({ topics: [{ ...topic, replicationFactor: 4 }] }), 'topics["orders"].replicationFactor', /more than the 3 broker/));
  test('RF < 3 in production', () => expectError(() => synth({ topics: [{ ...topic, replicationFactor: 2, config: { 'min.insync.replicas': '1' } }] }), 'topics["orders"].replicationFactor', /loses data/));
  test('min ISR >= RF', () => expectError(() => synth({ topics: [{ ...topic, config: { 'min.insync.replicas': '3' } }] }), 'topics["orders"].config["min.insync.replicas"]', /not below the replication factor/));
  test('min ISR 1', () => expectError(() => synth({ topics: [{ ...topic, config: { 'min.insync.replicas': '1' } }] }), 'topics["orders"].config["min.insync.replicas"]', /one broker/));
  test('unknown topic config', () => expectError(() => synth({ topics: [{ ...topic, config: { 'retention.msec': '1' } }] }), 'topics["orders"].config["retention.msec"]', /not a topic config Kafka knows/));
  test('config removed in Kafka 4 is rejected in KRaft mode, accepted in ZooKeeper mode', () => {
    expectError(() => synth({ topics: [{ ...topic, config: { 'message.format.version': '3.0' } }] }), 'topics["orders"].config["message.format.version"]', /not a topic config/);
    expect(() => synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, topics: [{ ...topic, config: { 'message.format.version': '3.0' } }] })).not.toThrow();
  });
  test('topic config value that is not a single-line string', () => expectError(() => synth({ topics: [{ ...topic, config: { 'retention.ms': '1\t2' } }] }), 'topics["orders"].config["retention.ms"]', /not a non-empty single-line string/));
  test('topic min ISR that is not a number', () => expectError(() => synth({ topics: [{ ...topic, config: { 'min.insync.replicas': 'two' } }] }), 'topics["orders"].config["min.insync.replicas"]', /not a positive integer/));
  test('invalid topic name', () => expectError(() => synth({ topics: [{ ...topic, name: 'bad topic' }] }), 'topics["bad topic"].name', /not a valid topic name/));
  test('fractional replication factor', () => expectError(() => synth({ topics: [{ ...topic, replicationFactor: 2.5 }] }), 'topics["orders"].replicationFactor', /not a positive whole number/));
  test('zero partitions', () => expectError(() => synth({ topics: [{ ...topic, partitions: 0 }] }), 'topics["orders"].partitions', /not a positive whole number/));
  test('RF and min ISR that do not survive a zone loss', () => expectError(
    () => synth({ brokers: { replicas: 6 }, topics: [{ ...topic, replicationFactor: 4, config: { 'min.insync.replicas': '3' } }] }),
    'topics["orders"].config["min.insync.replicas"]', /keeps only 2 replica\(s\) when a zone fails/));
  test('unclean election on a topic', () => expectError(() => synth({ topics: [{ ...topic, config: { 'unclean.leader.election.enable': 'true' } }] }), 'topics["orders"].config["unclean.leader.election.enable"]', /drop acknowledged/));
  test('same topic declared twice with different settings', () => expectError(() => synth({ topics: [topic, { ...topic, partitions: 12 }] }), 'topics["orders"]', /declared twice/));
  test('identical duplicate declarations are fine', () => expect(() => synth({ topics: [topic, { ...topic }] })).not.toThrow());
  test('validateTopic names the owner and prop given by the caller', () => {
    const { cluster } = synth();
    let err: any;
    try { cluster.validateTopic('platform/schema-registry', 'topics._schemas', { name: '_schemas', partitions: 1, replicationFactor: 5 }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KafkaPlatformValidationError);
    expect(err.constructPath).toBe('platform/schema-registry');
    expect(err.prop).toBe('topics._schemas.replicationFactor');
  });
  test('KafkaTopic construct validates with its own path', () => {
    let err: any;
    try { synth({}, (c, chart) => new KafkaTopic(chart, 'events', { cluster: c, name: 'events', replicationFactor: 9 })); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KafkaPlatformValidationError);
    expect(err.constructPath).toBe('test/events');
  });
});

describe('DEVELOPMENT profile', () => {
  const devProps = {
    profile: KafkaProfile.DEVELOPMENT, zones: ['local'], brokers: { replicas: 1, config: { 'default.replication.factor': '1', 'min.insync.replicas': '1', 'offsets.topic.replication.factor': '1', 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1' } },
    controllers: { replicas: 1 },
    topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
  };

  test('lets a single-zone, single-broker cluster synthesize, with a warning annotation naming each relaxed invariant', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { cluster, objects, chart } = synth(devProps);
      expect(cluster.brokerCount).toBe(1);
      // Recorded for the synth tools to show, not printed while constructing; rendering the chart prints them once.
      expect(warn).toHaveBeenCalledTimes(1);
      // GitOps users only see the YAML: the StatefulSets carry the warning too.
      for (const sts of objects.filter(o => o.kind === 'StatefulSet')) {
        expect(sts.metadata.annotations['kafka-platform.io/ha-warning']).toMatch(/^NOT highly available: profile DEVELOPMENT relaxes zones, controllers\.replicas, /);
      }
      const warnings = warningsOf(chart);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^test\/kafka: profile DEVELOPMENT relaxes 7 HA invariant\(s\)\. This cluster is NOT highly available/);
      for (const prop of ['zones', 'controllers.replicas', 'brokers.config["default.replication.factor"]', 'brokers.config["min.insync.replicas"]', 'brokers.config["offsets.topic.replication.factor"]', 'brokers.config["transaction.state.log.replication.factor"]', 'brokers.config["transaction.state.log.min.isr"]']) {
        expect(warnings[0]).toContain(`- ${prop}:`);
      }
    } finally {
      warn.mockRestore();
    }
  });

  test('a cdk8s app prints the warnings when it synthesizes (cdk8s synth), once', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-dev-'));
    try {
      const app = new App({ outdir });
      new KafkaCluster(new Chart(app, 'dev'), 'kafka', devProps);
      expect(warn).not.toHaveBeenCalled();
      app.synth();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/^\[WARNING\] dev\/kafka: profile DEVELOPMENT relaxes 7 HA invariant/);
    } finally {
      warn.mockRestore();
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('still refuses what cannot work at all (RF > brokers, even quorum)', () => {
    expectError(() => synth({ profile: KafkaProfile.DEVELOPMENT, zones: ['local'], brokers: { replicas: 1 } }), 'brokers.config["default.replication.factor"]', /more than the 1 broker/);
    expectError(() => synth({ profile: KafkaProfile.DEVELOPMENT, controllers: { replicas: 2 } }), 'controllers.replicas', /not an odd quorum/);
  });

  test('PRODUCTION records no warning', () => {
    const { objects, chart } = synth();
    expect(warningsOf(chart)).toEqual([]);
    expect(JSON.stringify(objects)).not.toContain('ha-warning');
  });
});

describe('late validation at synth', () => {
  test('a user added after construction without a Secret fails synth when Secret creation is off', () => {
    let err: any;
    try { synth({ credentials: { createMissingSecrets: false, existingSecrets: { admin: 'a' } } }, c => c.addUser('connect')); } catch (e) { err = e; }
    expect(String(err)).toContain('credentials.existingSecrets: no Secret given for connect');
  });
});
