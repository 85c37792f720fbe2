import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { KafkaCluster, KafkaTopic } from '../../lib/kafka';
import { KafkaMetadataMode } from '../../lib/kafka/types';
import { renderGitopsFiles } from '../../lib/platform/gitops-writer';
import { UsageError } from '../../lib/verify/errors';
import { clusterFacts, imageVersion, parseTopicsTsv } from '../../lib/verify/gitops/cluster-facts';
import { readGitopsObjects } from '../../lib/verify/gitops/read-objects';
import { selectScenarios } from '../../lib/verify/scenarios/registry';

/** A GitOps directory as the writer renders it, for a cluster declared like a user would. */
function gitopsDir(mode: KafkaMetadataMode): string {
  const chart = new Chart(Testing.app(), 'verify');
  const cluster = new KafkaCluster(chart, 'kafka', { clusterName: 'events', zones: ['a', 'b', 'c'], metadataMode: mode });
  new KafkaTopic(chart, 'orders', { cluster, name: 'orders', partitions: 12 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-facts-'));
  for (const f of renderGitopsFiles(Testing.synth(chart) as any)) fs.writeFileSync(path.join(dir, f.fileName), f.content);
  return dir;
}

describe('cluster facts from a GitOps directory', () => {
  test('KRaft: version from the image, brokers and controllers per zone, client security and admin Secret, declared topic', () => {
    const dir = gitopsDir(KafkaMetadataMode.KRAFT);
    const facts = clusterFacts(readGitopsObjects(dir), dir);
    expect(facts).toMatchObject({
      clusterName: 'events', namespace: 'kafka', mode: 'kraft', kafkaVersion: '4.1.1',
      securityProtocol: 'SASL_SSL', saslMechanism: 'SCRAM-SHA-512', adminSecret: 'events-user-admin',
      internalPort: 9092, metricsPort: 9404, minInsyncReplicas: 2, defaultReplicationFactor: 3,
    });
    expect(facts.brokerSets.map((s) => s.metadata.name)).toEqual(['events-broker-0', 'events-broker-1', 'events-broker-2']);
    expect(facts.controllerSets).toHaveLength(3);
    expect(facts.zookeeperSets).toEqual([]);
    expect(facts.topics.find((t) => t.name === 'orders')).toEqual({ name: 'orders', partitions: 12, replicationFactor: 3, configs: {} });
    expect(facts.usersJob?.metadata.name).toMatch(/^events-users-/);
    expect(facts.topicsJob?.metadata.name).toMatch(/^events-topics-/);
    expect(selectScenarios(undefined, facts).map((s) => s.name)).toEqual(['form', 'zone-loss', 'refuse', 'controller-failover']);
  });

  test('ZooKeeper mode: Kafka 3.9 and ZooKeeper versions, no controller-failover by default, and asking for it is an error', () => {
    const dir = gitopsDir(KafkaMetadataMode.ZOOKEEPER);
    const facts = clusterFacts(readGitopsObjects(dir), dir);
    expect(facts).toMatchObject({ mode: 'zookeeper', kafkaVersion: '3.9.1', zookeeperVersion: '3.8.4' });
    expect(facts.zookeeperImageDir).toMatch(/^\/apache-zookeeper-/);
    expect(facts.zookeeperSets).toHaveLength(1);
    expect(selectScenarios(undefined, facts).map((s) => s.name)).toEqual(['form', 'zone-loss', 'refuse']);
    expect(() => selectScenarios(['controller-failover'], facts)).toThrow(UsageError);
    expect(() => selectScenarios(['controller-failover'], facts)).toThrow(/controller-failover does not apply to this configuration \(zookeeper mode\)/);
    expect(() => selectScenarios(['roll'], facts)).toThrow(/unknown scenario roll[\s\S]*choose from: form, zone-loss, refuse, controller-failover/);
    expect(selectScenarios(['refuse', 'form'], facts).map((s) => s.name)).toEqual(['form', 'refuse']);
  });

  test('a directory without brokers is refused with a fix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-facts-'));
    fs.writeFileSync(path.join(dir, '00-cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    expect(() => clusterFacts(readGitopsObjects(dir), dir)).toThrow(/holds no Kafka broker StatefulSet[\s\S]*Fix: pass the GitOps directory/);
  });

  test('image versions and topics.tsv lines', () => {
    expect(imageVersion('apache/kafka:4.1.1')).toBe('4.1.1');
    expect(imageVersion('registry.example.com:5000/mirror/kafka:3.9.1@sha256:abc')).toBe('3.9.1');
    expect(imageVersion('registry.example.com:5000/kafka')).toBeUndefined();
    expect(imageVersion('apache/kafka:latest')).toBeUndefined();
    expect(parseTopicsTsv('# name\tpartitions\n_schemas\t1\t3\tcleanup.policy=compact\tmin.insync.replicas=2\n'))
      .toEqual([{ name: '_schemas', partitions: 1, replicationFactor: 3, configs: { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' } }]);
  });
});

describe('clusterFacts and internal TLS', () => {
  const brokerWith = (protocol: string, withTlsJob: boolean): any[] => {
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'k-broker-0', namespace: 'kafka', labels: { 'app.kubernetes.io/component': 'broker', 'app.kubernetes.io/instance': 'k' } },
      spec: { template: { spec: { containers: [{ image: 'apache/kafka:4.1.1', env: [{ name: 'KP_ROLE', value: 'broker' }, { name: 'KP_ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: 'k-user-admin', key: 'password' } } }],
        volumeMounts: [{ name: 'template', mountPath: '/etc/kafka-template' }] }], volumes: [{ name: 'template', configMap: { name: 'k-broker-config' } }] } } } };
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'k-broker-config' }, data: { 'server.properties': `listener.security.protocol.map=INTERNAL:${protocol}\ninter.broker.listener.name=INTERNAL\n` } };
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'k-tls-1' }, spec: { template: { spec: { containers: [{ env: [{ name: 'KP_TLS_MODE', value: 'issue' }] }] } } } };
    return [sts, cm, ...(withTlsJob ? [job] : [])];
  };

  test('SASL_SSL is verified when the configuration issues its own certificates (the certificate Job)', () => {
    expect(clusterFacts(brokerWith('SASL_SSL', true), 'dir').securityProtocol).toBe('SASL_SSL');
  });

  test('SASL_SSL with certificates from elsewhere is refused, naming why', () => {
    expect(() => clusterFacts(brokerWith('SASL_SSL', false), 'dir')).toThrow(/certificates from outside the configuration/);
  });
});
