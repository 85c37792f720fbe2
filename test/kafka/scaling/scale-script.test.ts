import * as fs from 'fs';
import * as path from 'path';
import { FakeTools } from '../../support/fake-tools';
import { resolveContainerEnv } from '../../support/pod-env';
import { find, synth } from '../helpers';
import { FakeScaleCluster, FakeScaleState } from './fake-scale-cluster';

/**
 * scale-brokers.sh as synthesized (ConfigMap data, the scale Job's environment), run by bash against a
 * simulated namespace and cluster: the order of its steps and what it reads from the cluster.
 */
let fake: FakeTools;
beforeEach(() => { fake = new FakeTools(); });
afterEach(() => fake.cleanup());

function synthesizedScale(replicas: number): { script: string; env: Record<string, string> } {
  const { objects } = synth({ brokers: { replicas }, scaling: { pollSeconds: 1, timeoutSeconds: 60 } });
  const dir = path.join(fake.root, 'scale');
  fs.mkdirSync(dir, { recursive: true });
  for (const [k, v] of Object.entries<string>(find(objects, 'ConfigMap', 'kafka-scale').data)) fs.writeFileSync(path.join(dir, k), v);
  const job = objects.find(o => o.kind === 'Job' && o.metadata.name.startsWith('kafka-scale-'));
  const env = resolveContainerEnv(job.spec.template.spec.containers[0], {
    podName: 'job', namespace: 'kafka',
    secrets: { 'kafka-user-admin': { password: 'admin-secret' } },
    overrides: { KAFKA_HOME: fake.kafkaHome, KP_KUBECTL: 'kubectl', HOME: fake.root },
  });
  return { script: path.join(dir, 'scale-brokers.sh'), env };
}

const broker = (rack: string, fenced = false) => ({ rack, fenced });
function threeBrokers(): FakeScaleState {
  return {
    statefulSets: { 'kafka-broker-0': 1, 'kafka-broker-1': 1, 'kafka-broker-2': 1 },
    brokers: { 1000: broker('zone-a'), 1100: broker('zone-b'), 1200: broker('zone-c') },
    partitions: { 'orders-0': [1000, 1100, 1200], 'orders-1': [1100, 1200, 1000], 'orders-2': [1200, 1000, 1100] },
    events: [],
  };
}

describe('scale-brokers.sh (the scale Job)', () => {
  test('first deploy: no broker StatefulSet yet, so it ends at once, without Kafka and without the admin password', () => {
    const cluster = new FakeScaleCluster(fake, { ...threeBrokers(), statefulSets: {} });
    const { script, env } = synthesizedScale(3);
    const { KP_ADMIN_PASSWORD: _unused, ...withoutPassword } = env;
    const r = fake.run(script, withoutPassword);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toContain('no broker StatefulSet exists yet (first deploy): nothing to move');
    expect(fake.calls().filter(c => c.tool !== 'kubectl')).toEqual([]);
    expect(cluster.state.events).toEqual([]);
  });

  test('3 -> 6: grows the StatefulSets first, then moves replicas throttled, then elects preferred leaders; shrinks nothing', () => {
    const cluster = new FakeScaleCluster(fake, threeBrokers());
    const { script, env } = synthesizedScale(6);
    const r = fake.run(script, env);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const events = cluster.state.events;
    expect(events.slice(0, 3)).toEqual(['scale kafka-broker-0 2', 'scale kafka-broker-1 2', 'scale kafka-broker-2 2']);
    // 9 replicas on 6 brokers: one partition moves to the new brokers of its zones, which leaves 2 or 1 per broker.
    expect(events[3]).toBe('execute throttle=52428800 orders-0=1001,1101,1201');
    expect(events.slice(4)).toEqual(['elect']);
    // Each tool with its own name for the client config file.
    expect(fake.calls('kafka-leader-election.sh')[0].args).toEqual(expect.arrayContaining(['--admin.config', '--election-type', 'preferred', '--all-topic-partitions']));
    expect(fake.calls('kafka-cluster.sh')[0].args.slice(0, 2)).toEqual(['list-endpoints', '--bootstrap-server']);
    expect(fake.calls('kafka-cluster.sh')[0].args).toContain('--config');
    expect(r.stdout).toContain('scale: proposed assignment: {"version":1,"partitions":[');
    expect(r.stdout).toContain('scale:   move orders-0: 1000,1100,1200 -> 1001,1101,1201');
  });

  test('6 -> 3: drains the departing brokers (highest ordinals) first, then shrinks, then unregisters them', () => {
    const state: FakeScaleState = {
      statefulSets: { 'kafka-broker-0': 2, 'kafka-broker-1': 2, 'kafka-broker-2': 2 },
      brokers: Object.fromEntries([1000, 1001, 1100, 1101, 1200, 1201].map(id => [id, broker(['zone-a', 'zone-b', 'zone-c'][Math.floor((id - 1000) / 100)])])),
      partitions: { 'orders-0': [1001, 1101, 1201], 'orders-1': [1100, 1200, 1000], 'orders-2': [1201, 1001, 1100] },
      events: [],
    };
    const cluster = new FakeScaleCluster(fake, state);
    const { script, env } = synthesizedScale(3);
    const r = fake.run(script, env);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(cluster.state.events).toEqual([
      'execute throttle=52428800 orders-0=1000,1100,1200;orders-2=1200,1000,1100',
      'elect',
      'scale kafka-broker-0 1', 'scale kafka-broker-1 1', 'scale kafka-broker-2 1',
      'unregister 1001', 'unregister 1101', 'unregister 1201',
    ]);
    expect(Object.keys(cluster.state.brokers).sort()).toEqual(['1000', '1100', '1200']);
    expect(r.stdout).toContain('scale: done: brokers 1000,1100,1200 hold every replica; nothing else is registered');
  });

  test('idempotent: run again on the finished change, it moves, scales and unregisters nothing', () => {
    const cluster = new FakeScaleCluster(fake, threeBrokers());
    const { script, env } = synthesizedScale(3);
    const r = fake.run(script, env);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toContain('scale: plan: no partition moves');
    expect(cluster.state.events).toEqual([]);
  });

  test('a partition that cannot keep its replication factor on the declared brokers stops the Job before anything moves', () => {
    const state = threeBrokers();
    state.partitions['wide-0'] = [1000, 1100, 1200, 1300];
    state.brokers[1300] = broker('zone-d');
    const cluster = new FakeScaleCluster(fake, state);
    const { script, env } = synthesizedScale(3);
    const r = fake.run(script, env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('no declared broker can take the replica of wide-0 on broker 1300');
    expect(cluster.state.events).toEqual([]);
  });
});
