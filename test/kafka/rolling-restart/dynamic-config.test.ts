import { DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS, isManagedProperty } from '../../../lib/kafka';
import { all, envOf, find, parseProperties, synth } from '../helpers';

const dynamicJobs = (objects: any[]) => all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-dynamic-config-'));
const statefulSets = (objects: any[]) => all(objects, 'StatefulSet');
const rollJobName = (objects: any[]) => all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-roll-')).metadata.name;
const declared = (objects: any[]) => parseProperties(find(objects, 'ConfigMap', 'kafka-dynamic-config').data['dynamic-configs.properties']);
const brokerFile = (objects: any[]) => parseProperties(find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties']);

describe('dynamic configs without restarts', () => {
  test('a Job applies the declared cluster-wide dynamic properties with kafka-configs --entity-default, as the admin user', () => {
    const { objects } = synth({ brokers: { config: { 'log.retention.ms': '86400000', 'message.max.bytes': '2097152', 'queued.max.requests': '600' } } });
    const jobs = dynamicJobs(objects);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].metadata.name).toMatch(/^kafka-dynamic-config-[0-9a-f]{8}$/);
    const container = jobs[0].spec.template.spec.containers[0];
    expect(container.command).toEqual(['/bin/bash', '/etc/kafka-dynamic-config/apply-dynamic-configs.sh']);
    const env = envOf(container);
    expect(env.KP_DYNAMIC_CONFIG_FILE).toBe('/etc/kafka-dynamic-config/dynamic-configs.properties');
    expect(env.KP_DYNAMIC_CONFIG_KEYS).toBe(DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS.join(' '));
    expect(container.env.find((e: any) => e.name === 'KP_ADMIN_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'kafka-user-admin', key: 'password' });
    // Only the dynamic ones: queued.max.requests needs a restart.
    expect(declared(objects)).toEqual({ 'log.retention.ms': '86400000', 'message.max.bytes': '2097152' });
    // The static file still carries them, for a broker's first start before the Job ran.
    expect(brokerFile(objects)).toMatchObject({ 'log.retention.ms': '86400000', 'message.max.bytes': '2097152', 'queued.max.requests': '600' });
  });

  test('changing only a dynamic property changes no StatefulSet byte and no roll Job, only the dynamic-config Job', () => {
    const before = synth({ brokers: { config: { 'log.retention.ms': '86400000' } } }).objects;
    const after = synth({ brokers: { config: { 'log.retention.ms': '3600000', 'log.cleaner.backoff.ms': '30000' } } }).objects;
    expect(statefulSets(after)).toEqual(statefulSets(before));
    expect(rollJobName(after)).toBe(rollJobName(before));
    expect(dynamicJobs(after)[0].metadata.name).not.toBe(dynamicJobs(before)[0].metadata.name);
    expect(declared(after)).toEqual({ 'log.cleaner.backoff.ms': '30000', 'log.retention.ms': '3600000' });
  });

  test('adding the first dynamic property to a cluster without any changes no StatefulSet byte either', () => {
    expect(statefulSets(synth({ brokers: { config: { 'compression.type': 'zstd' } } }).objects)).toEqual(statefulSets(synth().objects));
  });

  test('changing a static property changes the brokers\' config hash (a roll), not the dynamic-config Job', () => {
    const before = synth({ brokers: { config: { 'log.retention.ms': '86400000' } } }).objects;
    const after = synth({ brokers: { config: { 'log.retention.ms': '86400000', 'queued.max.requests': '600' } } }).objects;
    const hash = (objects: any[]) => find(objects, 'StatefulSet', 'kafka-broker-0').spec.template.metadata.annotations['kafka-platform.io/config-hash'];
    expect(hash(after)).not.toBe(hash(before));
    expect(rollJobName(after)).not.toBe(rollJobName(before));
    expect(dynamicJobs(after)[0].metadata.name).toBe(dynamicJobs(before)[0].metadata.name);
  });

  test('HA invariants, thread pools and listener/security settings are never applied live', () => {
    for (const key of ['min.insync.replicas', 'unclean.leader.election.enable', 'num.io.threads', 'num.network.threads', 'num.replica.fetchers', 'log.cleaner.threads', 'background.threads', 'default.replication.factor']) {
      expect({ key, dynamic: DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS.includes(key) }).toEqual({ key, dynamic: false });
    }
    for (const key of DYNAMIC_CLUSTER_WIDE_BROKER_CONFIGS) {
      expect({ key, managed: isManagedProperty(key), security: /ssl|sasl|security|listener|authorizer|super\.users/.test(key) }).toEqual({ key, managed: false, security: false });
    }
    // A thread pool size rolls: Kafka refuses a live change beyond half or double the current size.
    expect(statefulSets(synth({ brokers: { config: { 'num.io.threads': '16' } } }).objects)).not.toEqual(statefulSets(synth().objects));
  });

  test('with nothing dynamic declared the Job still runs: it removes cluster-wide defaults no longer declared', () => {
    const { objects } = synth();
    expect(dynamicJobs(objects)).toHaveLength(1);
    expect(declared(objects)).toEqual({});
  });
});
