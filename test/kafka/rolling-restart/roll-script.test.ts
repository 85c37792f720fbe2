import * as fs from 'fs';
import * as path from 'path';
import { FakeTools } from '../../support/fake-tools';
import { resolveContainerEnv } from '../../support/pod-env';
import { find, synth } from '../helpers';
import { FakeCluster, FakeClusterState, FakePod, simulatedCluster } from './fake-cluster';

/**
 * roll-cluster.sh as synthesized (ConfigMap data, the roll Job's environment), run by bash against a
 * simulated namespace and cluster (fake-cluster.ts): the decisions it takes, not the tools' output format.
 */
let fake: FakeTools;
beforeEach(() => { fake = new FakeTools(); });
afterEach(() => fake.cleanup());

const CONTROLLERS = ['kafka-controller-0-0', 'kafka-controller-1-0', 'kafka-controller-2-0'];
const BROKERS = ['kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0'];

function rollJob(objects: any[]): any {
  const jobs = objects.filter(o => o.kind === 'Job' && o.metadata.name.startsWith('kafka-roll-'));
  expect(jobs).toHaveLength(1);
  return jobs[0];
}

/** The synthesized script and Job environment, with the fakes in place of kubectl and the Secret. */
function synthesizedRoll(props: Record<string, any> = {}): { script: string; env: Record<string, string>; job: any } {
  const { objects } = synth({ rollingRestart: { checkTimeoutSeconds: 3, pollSeconds: 1 }, ...props });
  const dir = path.join(fake.root, 'roll');
  fs.mkdirSync(dir, { recursive: true });
  for (const [k, v] of Object.entries<string>(find(objects, 'ConfigMap', 'kafka-roll').data)) fs.writeFileSync(path.join(dir, k), v);
  const job = rollJob(objects);
  const container = job.spec.template.spec.containers[0];
  const env = resolveContainerEnv(container, {
    podName: 'job', namespace: 'kafka',
    secrets: { 'kafka-user-admin': { password: 'admin-secret' } },
    overrides: { KAFKA_HOME: fake.kafkaHome, KP_KUBECTL: 'kubectl', HOME: fake.root },
  });
  return { script: path.join(dir, 'roll-cluster.sh'), env, job };
}

function cluster(env: Record<string, string>, patch: Partial<FakeClusterState> = {}, pods: Record<string, Partial<FakePod>> = {}): FakeCluster {
  return simulatedCluster(fake, env, patch, pods);
}

function run(script: string, env: Record<string, string>, sim: FakeCluster) {
  return fake.run(script, { ...env, FAKE_STATE: sim.stateFile });
}

describe('roll-cluster.sh (the roll Job) against a simulated cluster', () => {
  test('restarts every pod once: controllers first with the active one last, then brokers zone by zone', () => {
    const { script, env } = synthesizedRoll();
    const sim = cluster(env);
    const result = run(script, env, sim);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(sim.state.deletes).toEqual(['kafka-controller-0-0', 'kafka-controller-2-0', 'kafka-controller-1-0', ...BROKERS]);
    expect(Object.values(sim.state.pods).map(p => p.hash)).toEqual([...CONTROLLERS.map(() => env.KP_ROLL_CONTROLLER_HASH), ...BROKERS.map(() => env.KP_ROLL_BROKER_HASH)]);
    expect(result.stdout).toContain(`roll: done: every pod runs its current config hash (controllers ${env.KP_ROLL_CONTROLLER_HASH}, brokers ${env.KP_ROLL_BROKER_HASH})`);
    // The Kafka tools talk to the cluster as the admin user, through the internal bootstrap Service.
    const topics = fake.calls('kafka-topics.sh').find(c => c.args.includes('--at-min-isr-partitions'))!;
    expect(topics.args.slice(0, 2)).toEqual(['--bootstrap-server', 'kafka-bootstrap.kafka.svc.cluster.local:9092']);
    expect(topics.commandConfig).toContain('username="admin" password="admin-secret"');
  });

  test('checks min ISR before every broker restart and waits for the broker to be back in sync after it', () => {
    const { script, env } = synthesizedRoll();
    const sim = cluster(env, { catchUpAnswers: 2 }, Object.fromEntries(CONTROLLERS.map(p => [p, { hash: env.KP_ROLL_CONTROLLER_HASH }])));
    const result = run(script, env, sim);
    expect(result.status).toBe(0);
    const calls = fake.calls().filter(c => c.tool === 'kubectl' ? c.args[0] === 'delete' : c.tool === 'kafka-topics.sh' && !c.args.includes('--list'));
    const trace = calls.map(c => (c.tool === 'kubectl' ? `delete ${c.args[2]}` : c.args.find(a => a.endsWith('-partitions'))));
    const firstDelete = trace.indexOf('delete kafka-broker-0-0');
    // Before: both min-ISR questions; after: out of sync twice, then in sync, and only then the next broker.
    expect(trace.slice(firstDelete - 2, firstDelete)).toEqual(['--under-min-isr-partitions', '--at-min-isr-partitions']);
    expect(trace.slice(firstDelete + 1, firstDelete + 6)).toEqual([
      '--under-replicated-partitions', '--under-replicated-partitions', '--under-replicated-partitions', '--under-min-isr-partitions', '--at-min-isr-partitions',
    ]);
    expect(trace[firstDelete + 6]).toBe('delete kafka-broker-1-0');
    expect(result.stdout).toContain('waiting for broker 1000 to be back in sync: broker 1000 is not back in sync for: orders-0 (replicas 1000,1100,1200, in sync 1100,1200)');
  });

  test('refuses to restart a broker while another is down, says why, and restarts nothing after the timeout', () => {
    const { script, env } = synthesizedRoll();
    // Broker 1200 is crash-looping on the new template: it is no longer pending, but it is out of every ISR.
    const sim = cluster(env, { down: [1200] }, {
      ...Object.fromEntries(CONTROLLERS.map(p => [p, { hash: env.KP_ROLL_CONTROLLER_HASH }])),
      'kafka-broker-2-0': { hash: env.KP_ROLL_BROKER_HASH, ready: false },
    });
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(sim.state.deletes).toEqual([]);
    expect(result.stderr).toContain('FAILED after 3s waiting for every partition on broker 1000 to keep min.insync.replicas without it');
    expect(result.stderr).toContain('restarting broker 1000 would leave these partitions below min.insync.replicas: orders-0 (replicas 1000,1100,1200, in sync 1000,1100)');
    expect(result.stderr).toContain('No further pod was restarted.');
  });

  test('a partition already under min ISR on the broker also blocks it', () => {
    const { script, env } = synthesizedRoll();
    const sim = cluster(env, { down: [1100, 1200] }, Object.fromEntries(CONTROLLERS.map(p => [p, { hash: env.KP_ROLL_CONTROLLER_HASH }])));
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(sim.state.deletes).toEqual([]);
    expect(result.stderr).toContain('orders-0 (replicas 1000,1100,1200, in sync 1000)');
  });

  test('resumes where an interrupted roll stopped: pods already on the new hash are not restarted again', () => {
    const { script, env } = synthesizedRoll();
    const sim = cluster(env, {}, {
      ...Object.fromEntries(CONTROLLERS.map(p => [p, { hash: env.KP_ROLL_CONTROLLER_HASH }])),
      'kafka-broker-0-0': { hash: env.KP_ROLL_BROKER_HASH },
    });
    const result = run(script, env, sim);
    expect(result.status).toBe(0);
    expect(sim.state.deletes).toEqual(['kafka-broker-1-0', 'kafka-broker-2-0']);
    // Run again: nothing left to do, nothing deleted.
    const again = run(script, env, sim);
    expect(again.status).toBe(0);
    expect(sim.state.deletes).toEqual(['kafka-broker-1-0', 'kafka-broker-2-0']);
  });

  test('a pod that does not come back Ready fails the roll after the timeout, with no further delete', () => {
    const { script, env } = synthesizedRoll();
    const sim = cluster(env, { onDelete: 'never-ready' });
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(sim.state.deletes).toEqual(['kafka-controller-0-0']);
    expect(result.stderr).toContain(`FAILED after 3s waiting for kafka-controller-0-0 to come back Ready with config hash ${env.KP_ROLL_CONTROLLER_HASH}: kafka-controller-0-0 is not Ready`);
  });

  test('a pod recreated from an older template (StatefulSet not applied yet) stops the roll at once', () => {
    const { script, env } = synthesizedRoll();
    const sim = cluster(env, { onDelete: 'old-template' });
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(sim.state.deletes).toEqual(['kafka-controller-0-0']);
    expect(result.stderr).toContain(`kafka-controller-0-0 came back with config hash 'old', not ${env.KP_ROLL_CONTROLLER_HASH}`);
  });

  test('refuses to restart a controller when the quorum would lose its caught-up majority', () => {
    const { script, env } = synthesizedRoll();
    const sim = cluster(env, { quorum: { leader: 1, lag: { 0: 0, 1: 0, 2: 5000 } } });
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(sim.state.deletes).toEqual([]);
    expect(result.stderr).toContain('without controller 0 only 1 of 3 voters are caught up (lag <= 100), a majority needs 2');
  });

  test('a restarted controller that never fetches from the leader is not caught up, whatever its lag says', () => {
    const { script, env } = synthesizedRoll();
    // Controller 0 comes back Ready but cannot fetch (say, the others refuse its login): its lag stays at its last fetch.
    const sim = cluster(env, { quorum: { leader: 1, lag: { 0: 0, 1: 0, 2: 0 }, noFetch: [0] } });
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(sim.state.deletes).toEqual(['kafka-controller-0-0']);
    expect(result.stderr).toContain('FAILED after 3s waiting for controller 0 to catch up with the quorum: the leader has had no fetch from controller 0 since it restarted');
  });

  test('ZooKeeper mode: brokers only', () => {
    const { script, env } = synthesizedRoll({ metadataMode: 'zookeeper' });
    expect(env.KP_ROLL_CONTROLLERS).toBeUndefined();
    const sim = cluster(env);
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(sim.state.deletes).toEqual(BROKERS);
    expect(fake.calls('kafka-metadata-quorum.sh')).toEqual([]);
  });
});
