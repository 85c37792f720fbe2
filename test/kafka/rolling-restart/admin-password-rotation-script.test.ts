import * as fs from 'fs';
import * as path from 'path';
import { FakeTools } from '../../support/fake-tools';
import { resolveContainerEnv } from '../../support/pod-env';
import { all, find, synth } from '../helpers';
import { FakeCluster, simulatedCluster } from './fake-cluster';

/**
 * rotate-admin-password.sh as synthesized (ConfigMap data, the Job's environment), run by bash against the simulated
 * cluster (fake-cluster.ts): kubectl reads and merge-patches the admin Secret, Kafka keeps SCRAM credentials and
 * authenticates every tool's login, and each recreated pod takes the admin Secret as it is then. The simulation
 * records a "lockout" whenever a pod logs in with an identity a controller (PLAIN) or Kafka (SCRAM) does not accept.
 */
let fake: FakeTools;
beforeEach(() => { fake = new FakeTools(); });
afterEach(() => fake.cleanup());

const CONTROLLERS = ['kafka-controller-0-0', 'kafka-controller-1-0', 'kafka-controller-2-0'];
const BROKERS = ['kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0'];
/** Controllers in roll order, the active one last: node 1 leads at first; restarting it moves the lead to node 0. */
const CONTROLLER_ROLL = ['kafka-controller-0-0', 'kafka-controller-2-0', 'kafka-controller-1-0'];
const CONTROLLER_ROLL_AFTER = ['kafka-controller-1-0', 'kafka-controller-2-0', 'kafka-controller-0-0'];
const SECRET = 'kafka-user-admin';
const OLD = 'admin-secret';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const jaas = (user: string, password: string) => `org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${password}";`;

/** The synthesized script and Job environment, with the fakes in place of kubectl. */
function synthesizedRotation(rotation: Record<string, unknown>): { script: string; env: Record<string, string> } {
  const { objects } = synth({ rollingRestart: { checkTimeoutSeconds: 3, pollSeconds: 1 }, credentials: { adminPasswordRotation: rotation } });
  const dir = path.join(fake.root, 'rotation');
  fs.mkdirSync(dir, { recursive: true });
  for (const [k, v] of Object.entries<string>(find(objects, 'ConfigMap', 'kafka-admin-password-rotation').data)) fs.writeFileSync(path.join(dir, k), v);
  const [job] = all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-admin-rotate-'));
  const env = resolveContainerEnv(job.spec.template.spec.containers[0], {
    podName: 'job', namespace: 'kafka',
    secrets: { [SECRET]: { username: 'admin', password: OLD } },
    overrides: {
      KAFKA_HOME: fake.kafkaHome, KP_KUBECTL: 'kubectl', HOME: fake.root, TMPDIR: fake.root, HOSTNAME: 'kafka-admin-rotate-job',
      KP_ADMIN_SECRET_SETTLE_SECONDS: '0', KP_ADMIN_RETRIES: '2', KP_ADMIN_RETRY_SECONDS: '0',
    },
  });
  return { script: path.join(dir, 'rotate-admin-password.sh'), env };
}

/** The decoded admin Secret of a state. */
const adminSecret = (sim: FakeCluster) => Object.fromEntries(Object.entries(sim.state.secrets![SECRET]).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));

/**
 * Pods on their current templates, logged in with the Secret's identity `login`; controllers accept `accepts`.
 * `secret` (decoded) is the admin Secret, `scram` the credentials Kafka holds.
 */
function cluster(env: Record<string, string>, secret: Record<string, string>, scram: Record<string, Record<string, string>>, login: string, accepts: string[], pods: Record<string, object> = {}): FakeCluster {
  const podState = Object.fromEntries([
    ...CONTROLLERS.map(p => [p, { hash: env.KP_ROLL_CONTROLLER_HASH, login, accepts, ...pods[p] }]),
    ...BROKERS.map(p => [p, { hash: env.KP_ROLL_BROKER_HASH, login, ...pods[p] }]),
  ]);
  const encoded = Object.fromEntries(Object.entries(secret).map(([k, v]) => [k, b64(v)]));
  return simulatedCluster(fake, env, { secrets: { [SECRET]: encoded }, scram, adminSecret: SECRET }, podState);
}

/** A cluster that has never rotated: the Secret as the bootstrap Job writes it. */
const fresh = (env: Record<string, string>) => cluster(env, { 'username': 'admin', 'password': OLD, 'sasl.jaas.config': jaas('admin', OLD), 'sasl.mechanism': 'SCRAM-SHA-512' },
  { admin: { 'SCRAM-SHA-512': OLD } }, `admin:${OLD}`, [`admin:${OLD}`]);

/** After generation 1 without retirePrevious: admin-b with password `NEW`, admin still accepted. */
const NEW = 'b'.repeat(64);
const rotated = (env: Record<string, string>, extra: Record<string, string> = {}) => cluster(env,
  { 'username': 'admin-b', 'password': NEW, 'sasl.jaas.config': jaas('admin-b', NEW), 'sasl.mechanism': 'SCRAM-SHA-512', 'also-accepted-username': 'admin', 'also-accepted-password': OLD, 'generation': '1', ...extra },
  { 'admin': { 'SCRAM-SHA-512': OLD }, 'admin-b': { 'SCRAM-SHA-512': NEW } }, `admin-b:${NEW}`, [`admin-b:${NEW}`, `admin:${OLD}`]);

const run = (script: string, env: Record<string, string>, sim: FakeCluster) => fake.run(script, { ...env, FAKE_STATE: sim.stateFile });
const events = (sim: FakeCluster) => sim.state.events ?? [];
const lockouts = (sim: FakeCluster) => events(sim).filter(e => e.startsWith('lockout'));

describe('rotate-admin-password.sh against a simulated cluster', () => {
  test('generation 1 from a fresh Secret: credential first, controllers accept, then every node logs in as admin-b', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = fresh(env);
    const result = run(script, env, sim);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const secret = adminSecret(sim);
    expect(secret.password).toMatch(/^[0-9a-f]{64}$/);
    expect(secret).toEqual({
      'username': 'admin-b', 'password': secret.password, 'sasl.jaas.config': jaas('admin-b', secret.password), 'sasl.mechanism': 'SCRAM-SHA-512',
      'also-accepted-username': 'admin', 'also-accepted-password': OLD, 'generation': '1',
    });
    expect(sim.state.scram).toEqual({ 'admin': { 'SCRAM-SHA-512': OLD }, 'admin-b': { 'SCRAM-SHA-512': secret.password } });
    // The order of what changed: Kafka knows the new credential before the Secret names it anywhere; the controllers
    // restart to accept it before the Secret's username changes; then controllers and brokers restart to log in with it.
    expect(events(sim)).toEqual([
      'kafka-configs --alter --entity-type users --entity-name admin-b --add-config SCRAM-SHA-512=[password=<hidden>]',
      `patch ${SECRET} also-accepted-username also-accepted-password rotation-generation rotation-phase -rotation-stale-pods`,
      `patch ${SECRET} rotation-stale-pods`,
      ...CONTROLLER_ROLL.map(p => `delete ${p}`),
      `patch ${SECRET} username password sasl.jaas.config sasl.mechanism also-accepted-username also-accepted-password rotation-phase -rotation-stale-pods`,
      `patch ${SECRET} rotation-stale-pods`,
      ...CONTROLLER_ROLL_AFTER.map(p => `delete ${p}`),
      ...BROKERS.map(p => `delete ${p}`),
      `patch ${SECRET} generation -rotation-phase -rotation-generation -rotation-stale-pods`,
    ]);
    // Every pod now logs in as admin-b; every controller still accepts admin (until retirePrevious).
    for (const [name, pod] of Object.entries(sim.state.pods)) {
      expect([name, pod.login]).toEqual([name, `admin-b:${secret.password}`]);
      if (pod.role === 'controller') expect([name, pod.accepts]).toEqual([name, [`admin-b:${secret.password}`, `admin:${OLD}`]]);
    }
    // The accept phase's controllers started with admin still the login and admin-b accepted; at no point did a pod log
    // in with an identity a controller or Kafka refused.
    expect(lockouts(sim)).toEqual([]);
    // The Kafka tools of the login phase's roll logged in as the new identity.
    const configs = fake.calls('kafka-configs.sh')[0].commandConfig!;
    expect(configs).toContain(jaas('admin', OLD));
    expect(fake.calls('kafka-topics.sh').at(-1)!.commandConfig).toContain(jaas('admin-b', secret.password));
    expect(fake.calls('kafka-broker-api-versions.sh')[0].commandConfig).toContain(jaas('admin-b', secret.password));
    // No password appears in the log.
    for (const pw of [secret.password, OLD]) expect(`${result.stdout}${result.stderr}`).not.toContain(pw);
    expect(result.stdout).toContain('rotate-admin-password: generation 1: every controller and broker logs in as admin-b; admin is accepted until retirePrevious');
    expect(sim.state.lease).toBeUndefined();
  });

  test('the simulation catches a skipped accept phase: the same script without the accept phase\'s restarts locks nodes out', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const accept = 'roll_phase controllers "the admin Secret\'s also-accepted identity $also_user"';
    const source = fs.readFileSync(script, 'utf8');
    expect(source).toContain(accept);
    fs.writeFileSync(script, source.replace(accept, 'true'));
    const sim = fresh(env);
    expect(run(script, env, sim).status).toBe(0);
    // The first controller restarted in the login phase logs in as admin-b, which the others never learnt to accept.
    expect(lockouts(sim)[0]).toBe('lockout kafka-controller-1-0 does not accept kafka-controller-0-0 (admin-b) after restarting kafka-controller-0-0');
  });

  test('a second run at the same generation changes nothing and restarts nothing', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = fresh(env);
    expect(run(script, env, sim).status).toBe(0);
    const [secret, count] = [sim.state.secrets, events(sim).length];
    const again = run(script, env, sim);
    expect([again.status, again.stderr]).toEqual([0, '']);
    expect(sim.state.secrets).toEqual(secret);
    expect(events(sim)).toHaveLength(count);
    expect(again.stdout).toContain('rotate-admin-password: already at generation 1 (admin-b); admin is still accepted until retirePrevious');
  });

  test('retirePrevious at generation 1: admin\'s SCRAM credential deleted, also-accepted dropped, controllers restarted only', () => {
    const { script, env } = synthesizedRotation({ generation: 1, retirePrevious: true });
    const sim = rotated(env);
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(adminSecret(sim)).toEqual({ 'username': 'admin-b', 'password': NEW, 'sasl.jaas.config': jaas('admin-b', NEW), 'sasl.mechanism': 'SCRAM-SHA-512', 'generation': '1' });
    expect(sim.state.scram).toEqual({ 'admin': {}, 'admin-b': { 'SCRAM-SHA-512': NEW } });
    expect(events(sim)).toEqual([
      `patch ${SECRET} rotation-phase -rotation-stale-pods -also-accepted-username -also-accepted-password`,
      'kafka-configs --describe --entity-type users --entity-name admin',
      'kafka-configs --alter --entity-type users --entity-name admin --delete-config SCRAM-SHA-512',
      `patch ${SECRET} rotation-stale-pods`,
      ...CONTROLLER_ROLL.map(p => `delete ${p}`),
      `patch ${SECRET} -rotation-phase -rotation-stale-pods`,
    ]);
    for (const c of CONTROLLERS) expect(sim.state.pods[c].accepts).toEqual([`admin-b:${NEW}`]);
    expect(lockouts(sim)).toEqual([]);
    expect(result.stdout).toContain('rotate-admin-password: generation 1: admin is retired; only admin-b is accepted');
    // Retired: again, nothing happens.
    const count = events(sim).length;
    expect(run(script, env, sim).status).toBe(0);
    expect(events(sim)).toHaveLength(count);
  });

  test('retirePrevious together with a raised generation is refused before anything changes', () => {
    const { script, env } = synthesizedRotation({ generation: 2, retirePrevious: true });
    const sim = rotated(env);
    const before = sim.state;
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('retirePrevious is declared with generation 2, which is not rotated yet: nothing was changed. Deploy generation 2 without retirePrevious first, then set retirePrevious.');
    expect(sim.state.secrets).toEqual(before.secrets);
    expect(sim.state.scram).toEqual(before.scram);
    expect(events(sim)).toEqual([]);
  });

  test('generation 2 moves back to the declared name with a new password; the previous admin-b stays accepted', () => {
    const { script, env } = synthesizedRotation({ generation: 2 });
    const sim = rotated(env);
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const secret = adminSecret(sim);
    expect([secret.username, secret['also-accepted-username'], secret['also-accepted-password'], secret.generation]).toEqual(['admin', 'admin-b', NEW, '2']);
    expect(secret.password).toMatch(/^[0-9a-f]{64}$/);
    expect(secret.password).not.toBe(OLD);
    expect(sim.state.scram!.admin).toEqual({ 'SCRAM-SHA-512': secret.password });
    expect(lockouts(sim)).toEqual([]);
  });

  test('resume: a Secret left in the login phase restarts only the pods still listed in rotation-stale-pods', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    // Two controllers and a broker restarted before the Job died: they are no longer listed.
    const stale = ['kafka-controller-1-0-uid', 'kafka-broker-1-0-uid', 'kafka-broker-2-0-uid'].join(' ');
    const sim = rotated(env, { 'generation': '0', 'rotation-phase': 'login', 'rotation-generation': '1', 'rotation-stale-pods': stale });
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(sim.state.deletes).toEqual(['kafka-controller-1-0', 'kafka-broker-1-0', 'kafka-broker-2-0']);
    expect(events(sim).filter(e => e.startsWith('patch'))).toEqual([`patch ${SECRET} generation -rotation-phase -rotation-generation -rotation-stale-pods`]);
    expect(adminSecret(sim).generation).toBe('1');
    expect(fake.calls('kafka-configs.sh')).toEqual([]);
    expect(lockouts(sim)).toEqual([]);
  });

  test('resume: a Secret left in the accept phase without a record lists the pods there now, then restarts them', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = cluster(env,
      { 'username': 'admin', 'password': OLD, 'sasl.jaas.config': jaas('admin', OLD), 'also-accepted-username': 'admin-b', 'also-accepted-password': NEW, 'rotation-phase': 'accept', 'rotation-generation': '1' },
      { 'admin': { 'SCRAM-SHA-512': OLD }, 'admin-b': { 'SCRAM-SHA-512': NEW } }, `admin:${OLD}`, [`admin:${OLD}`]);
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(sim.state.deletes).toEqual([...CONTROLLER_ROLL, ...CONTROLLER_ROLL_AFTER, ...BROKERS]);
    expect(adminSecret(sim)).toMatchObject({ 'username': 'admin-b', 'password': NEW, 'also-accepted-username': 'admin', 'generation': '1' });
    expect(fake.calls('kafka-configs.sh')).toEqual([]);
    expect(lockouts(sim)).toEqual([]);
  });

  test('a Secret ahead of the declared generation is refused, naming the generation to declare', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = rotated(env, { generation: '3' });
    const before = sim.state.secrets;
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Secret ${SECRET} is at generation 3, past the declared 1: declare adminPasswordRotation.generation 4 to rotate again`);
    expect(sim.state.secrets).toEqual(before);
    expect(events(sim)).toEqual([]);
  });

  test('a broker that does not accept the new credential keeps it out of the Secret: the Job fails, nothing restarted', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = fresh(env);
    fake.install('kafka-broker-api-versions.sh', 'echo "b:9092 (id: 1000 rack: zone-a) -> ERROR: org.apache.kafka.common.errors.SaslAuthenticationException"');
    const before = sim.state.secrets;
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('admin-b: not every broker accepts the new SCRAM-SHA-512 password after 2 attempts; the Secret still holds the previous one');
    expect(sim.state.secrets).toEqual(before);
    expect(sim.state.deletes).toEqual([]);
  });
});

test('resume of an older generation\'s phase, with a higher generation declared since: finishes it, then rotates to the declared one', () => {
  // Generation 1's Job failed in its login phase; the next deploy declares generation 2.
  const { script, env } = synthesizedRotation({ generation: 2 });
  const sim = rotated(env, { 'generation': '0', 'rotation-phase': 'login', 'rotation-generation': '1', 'rotation-stale-pods': 'kafka-broker-2-0-uid' });
  const result = run(script, env, sim);
  expect([result.status, result.stderr]).toEqual([0, '']);
  const secret = adminSecret(sim);
  expect([secret.generation, secret.username, secret['also-accepted-username'], secret['also-accepted-password']]).toEqual(['2', 'admin', 'admin-b', NEW]);
  expect(sim.state.scram!.admin).toEqual({ 'SCRAM-SHA-512': secret.password });
  expect(sim.state.deletes.slice(0, 1)).toEqual(['kafka-broker-2-0']);
  expect(lockouts(sim)).toEqual([]);
  expect(result.stdout).toContain('rotate-admin-password: generation 1: every controller and broker logs in as admin-b');
  expect(result.stdout).toContain('rotate-admin-password: generation 2: every controller and broker logs in as admin');
});

test('resume of an older generation\'s phase with retirePrevious declared: finishes it, then refuses to retire a generation not rotated yet', () => {
  const { script, env } = synthesizedRotation({ generation: 2, retirePrevious: true });
  const sim = rotated(env, { 'generation': '0', 'rotation-phase': 'login', 'rotation-generation': '1', 'rotation-stale-pods': 'kafka-broker-2-0-uid' });
  const result = run(script, env, sim);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('retirePrevious is declared with generation 2, which is not rotated yet: generation 1 was completed (its rotation had been left unfinished), nothing else was changed.');
  expect(adminSecret(sim)).toMatchObject({ 'generation': '1', 'username': 'admin-b', 'also-accepted-username': 'admin' });
  expect(fake.calls('kafka-configs.sh')).toEqual([]);
});

test('resume of an unfinished retire, with a higher generation declared since: retires, then rotates once to the declared one', () => {
  const { script, env } = synthesizedRotation({ generation: 2 });
  const sim = rotated(env, { 'rotation-phase': 'retire', 'rotation-stale-pods': 'kafka-controller-0-0-uid' });
  const secret = sim.state.secrets![SECRET];
  delete secret['also-accepted-username'];
  delete secret['also-accepted-password'];
  fs.writeFileSync(sim.stateFile, JSON.stringify({ ...sim.state, secrets: { [SECRET]: secret } }));
  const result = run(script, env, sim);
  expect([result.status, result.stderr]).toEqual([0, '']);
  expect(adminSecret(sim)).toMatchObject({ 'generation': '2', 'username': 'admin', 'also-accepted-username': 'admin-b', 'also-accepted-password': NEW });
  expect(events(sim).filter(e => e.startsWith('kafka-configs --alter'))).toEqual([
    'kafka-configs --alter --entity-type users --entity-name admin --delete-config SCRAM-SHA-512',
    'kafka-configs --alter --entity-type users --entity-name admin --add-config SCRAM-SHA-512=[password=<hidden>]',
  ]);
  expect(sim.state.deletes.slice(0, 1)).toEqual(['kafka-controller-0-0']);
  expect(lockouts(sim)).toEqual([]);
});
