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
 * Used by admin-password-rotation-script.test.ts and admin-password-rotation-resume.test.ts.
 */
let fake: FakeTools;
/** Registers a fresh FakeTools per test; `tools()` is the current one. */
export function useFakeTools(): () => FakeTools {
  beforeEach(() => { fake = new FakeTools(); });
  afterEach(() => fake.cleanup());
  return () => fake;
}

export const CONTROLLERS = ['kafka-controller-0-0', 'kafka-controller-1-0', 'kafka-controller-2-0'];
export const BROKERS = ['kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0'];
/** Controllers in roll order, the active one last: node 1 leads at first; restarting it moves the lead to node 0. */
export const CONTROLLER_ROLL = ['kafka-controller-0-0', 'kafka-controller-2-0', 'kafka-controller-1-0'];
export const CONTROLLER_ROLL_AFTER = ['kafka-controller-1-0', 'kafka-controller-2-0', 'kafka-controller-0-0'];
export const SECRET = 'kafka-user-admin';
export const OLD = 'admin-secret';
const b64 = (s: string) => Buffer.from(s).toString('base64');
export const jaas = (user: string, password: string) => `org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${password}";`;

/** The synthesized script and Job environment, with the fakes in place of kubectl. */
export function synthesizedRotation(rotation: { generation: number; retirePrevious?: boolean }, props: Record<string, unknown> = {}): { script: string; env: Record<string, string> } {
  const { objects } = synth({ rollingRestart: { checkTimeoutSeconds: 3, pollSeconds: 1 }, credentials: { adminPasswordRotation: rotation }, ...props });
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
export const adminSecret = (sim: FakeCluster) => Object.fromEntries(Object.entries(sim.state.secrets![SECRET]).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));

/**
 * Pods on their current templates, logged in with the Secret's identity `login`; controllers accept `accepts`.
 * `secret` (decoded) is the admin Secret, `scram` the credentials Kafka holds.
 */
export function cluster(env: Record<string, string>, secret: Record<string, string>, scram: Record<string, Record<string, string>>, login: string, accepts: string[], pods: Record<string, object> = {}): FakeCluster {
  const podState = Object.fromEntries([
    ...CONTROLLERS.map(p => [p, { hash: env.KP_ROLL_CONTROLLER_HASH, login, accepts, ...pods[p] }]),
    ...BROKERS.map(p => [p, { hash: env.KP_ROLL_BROKER_HASH, login, ...pods[p] }]),
  ]);
  const encoded = Object.fromEntries(Object.entries(secret).map(([k, v]) => [k, b64(v)]));
  return simulatedCluster(fake, env, { secrets: { [SECRET]: encoded }, scram, adminSecret: SECRET }, podState, { recordKubectl: false });
}

/** A cluster that has never rotated: the Secret as the bootstrap Job writes it. */
export const fresh = (env: Record<string, string>) => cluster(env, { 'username': 'admin', 'password': OLD, 'sasl.jaas.config': jaas('admin', OLD), 'sasl.mechanism': 'SCRAM-SHA-512' },
  { admin: { 'SCRAM-SHA-512': OLD } }, `admin:${OLD}`, [`admin:${OLD}`]);

/** After generation 1 without retirePrevious: admin-b with password `NEW`, admin still accepted. */
export const NEW = 'b'.repeat(64);
export const rotated = (env: Record<string, string>, extra: Record<string, string> = {}) => cluster(env,
  { 'username': 'admin-b', 'password': NEW, 'sasl.jaas.config': jaas('admin-b', NEW), 'sasl.mechanism': 'SCRAM-SHA-512', 'also-accepted-username': 'admin', 'also-accepted-password': OLD, 'generation': '1', ...extra },
  { 'admin': { 'SCRAM-SHA-512': OLD }, 'admin-b': { 'SCRAM-SHA-512': NEW } }, `admin-b:${NEW}`, [`admin-b:${NEW}`, `admin:${OLD}`]);

// A rotation runs some 150 tool processes: generous time for a loaded machine.
export const run = (script: string, env: Record<string, string>, sim: FakeCluster) => fake.run(script, { ...env, FAKE_STATE: sim.stateFile }, [], 120_000);
export const events = (sim: FakeCluster) => sim.state.events ?? [];
export const lockouts = (sim: FakeCluster) => events(sim).filter(e => e.startsWith('lockout'));
