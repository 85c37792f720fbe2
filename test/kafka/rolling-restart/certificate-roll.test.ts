import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runNodeTlsJob } from '../../../lib/verify/harness/node-tls';
import { FakeTools } from '../../support/fake-tools';
import { resolveContainerEnv } from '../../support/pod-env';
import { all, find, synth } from '../helpers';
import { simulatedCluster } from './fake-cluster';

/**
 * The certificate roll: its CronJob as synthesized, and roll-cluster.sh with the certificate trigger run by bash
 * against the simulated cluster (fake-cluster.ts; `keytool` answers with the certificate each pod presents).
 */
let fake: FakeTools;
beforeEach(() => { fake = new FakeTools(); });
afterEach(() => fake.cleanup());

const CONTROLLERS = ['kafka-controller-0-0', 'kafka-controller-1-0', 'kafka-controller-2-0'];
const BROKERS = ['kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0'];
const b64 = (s: string) => Buffer.from(s).toString('base64');

function cronJob(objects: any[]): any {
  return find(objects, 'CronJob', 'kafka-certificate-roll');
}

function podSpec(objects: any[]): any {
  return cronJob(objects).spec.jobTemplate.spec.template.spec;
}

const envOf = (c: any) => Object.fromEntries((c.env ?? []).map((e: any) => [e.name, e.value]));

/** The synthesized script and roll container environment, with the fakes in place of kubectl, keytool and the Secret. */
function synthesizedCertificateRoll(props: Record<string, any> = {}, holder = 'kafka-certificate-roll-29000000-abcde'): { script: string; env: Record<string, string> } {
  const { objects } = synth({ rollingRestart: { checkTimeoutSeconds: 3, pollSeconds: 1 }, ...props });
  const dir = path.join(fake.root, 'certificate-roll');
  fs.mkdirSync(dir, { recursive: true });
  for (const [k, v] of Object.entries<string>(find(objects, 'ConfigMap', 'kafka-certificate-roll').data)) fs.writeFileSync(path.join(dir, k), v);
  const env = resolveContainerEnv(podSpec(objects).containers[0], {
    podName: holder, namespace: 'kafka',
    secrets: { 'kafka-user-admin': { password: 'admin-secret' } },
    overrides: { KAFKA_HOME: fake.kafkaHome, KP_KUBECTL: 'kubectl', HOME: fake.root, HOSTNAME: holder },
  });
  return { script: path.join(dir, 'roll-cluster.sh'), env };
}

function renewedCluster(env: Record<string, string>, presented: Record<string, string | undefined>, patch: Record<string, any> = {}) {
  const pods = Object.fromEntries([...CONTROLLERS, ...BROKERS].map(p => [p, { cert: p in presented ? presented[p] : 'AA:OLD' }]));
  return simulatedCluster(fake, env, { secrets: { 'kafka-node-tls': { 'tls.crt': b64('BB:NEW') } }, ...patch }, pods);
}

describe('the certificate roll CronJob (synthesized)', () => {
  test('hourly, one run at a time; the roll container checks every node by its TLS endpoint against the node Secret', () => {
    const { objects } = synth();
    const cron = cronJob(objects);
    expect([cron.spec.schedule, cron.spec.concurrencyPolicy, cron.spec.jobTemplate.spec.backoffLimit]).toEqual(['7 * * * *', 'Forbid', 0]);
    const roll = podSpec(objects).containers[0];
    expect(roll.image).toMatch(/^apache\/kafka:/);
    const env = envOf(roll);
    expect([env.KP_ROLL_TRIGGER, env.KP_ROLL_LEASE]).toEqual(['certificate', 'kafka-roll']);
    expect(env.KP_ROLL_TLS_ENDPOINTS.split(' ')).toEqual([
      ...CONTROLLERS.map(p => `${p}=kafka-node-tls@${p}.kafka-controller-headless.kafka.svc.cluster.local:9093`),
      ...BROKERS.map(p => `${p}=kafka-node-tls@${p}.kafka-broker-headless.kafka.svc.cluster.local:9092`),
    ]);
    // The same pods, in the same order, as the deploy's roll.
    const deployRoll = all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-roll-'))!;
    expect(env.KP_ROLL_BROKERS).toBe(envOf(deployRoll.spec.template.spec.containers[0]).KP_ROLL_BROKERS);
    expect(env.KP_ROLL_CONTROLLERS).toBe(envOf(deployRoll.spec.template.spec.containers[0]).KP_ROLL_CONTROLLERS);
  });

  test('without cert-manager an init container renews a due certificate with the bootstrap Job\'s names and CA, keys in memory only', () => {
    const { objects } = synth({ tls: { renewBeforeDays: 90, rollSchedule: '*/20 * * * *' } });
    const pod = podSpec(objects);
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['kubectl', 'renew-node-tls']);
    const renew = envOf(pod.initContainers[1]);
    const bootstrap = envOf(all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-tls-'))!.spec.template.spec.containers[0]);
    expect([renew.KP_TLS_MODE, renew.KP_TLS_RENEW_BEFORE_DAYS]).toEqual(['renew', '90']);
    for (const k of ['KP_TLS_SANS', 'KP_TLS_COMMON_NAME', 'KP_TLS_CA_SECRET', 'KP_TLS_NODE_DAYS', 'KP_TLS_NODE_SECRET']) expect([k, renew[k]]).toEqual([k, bootstrap[k]]);
    expect(pod.volumes.find((v: any) => v.name === 'renewal-tmp').emptyDir.medium).toBe('Memory');
    expect(cronJob(objects).spec.schedule).toBe('*/20 * * * *');
    expect(find(objects, 'Role', 'kafka-certificate-roll').rules.filter((r: any) => r.resources.includes('secrets'))).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['kafka-ca', 'kafka-node-tls'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['kafka-node-tls'], verbs: ['update'] },
    ]);
  });

  test('with cert-manager: no renewal here, the Secret is only read; without TLS there is no certificate roll', () => {
    const { objects } = synth({ tls: { certManager: {} } });
    expect(podSpec(objects).initContainers.map((c: any) => c.name)).toEqual(['kubectl']);
    expect(find(objects, 'Role', 'kafka-certificate-roll').rules.filter((r: any) => r.resources.includes('secrets'))).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['kafka-node-tls'], verbs: ['get'] },
    ]);
    const plaintext = synth({ tls: { dangerouslyUsePlaintextInternalListeners: true } }).objects;
    expect(all(plaintext, 'CronJob')).toEqual([]);
  });

  test('the external listener\'s certificate (cert-manager renews it every 60 days) is rolled out too, on the brokers\' external port', () => {
    const external = { domain: 'kafka.example.com', tls: { certManagerIssuer: { name: 'letsencrypt' } }, loadBalancer: { allowedSourceCidrs: ['10.0.0.0/8'] } };
    const { objects } = synth({ externalListener: external });
    const env = envOf(podSpec(objects).containers[0]);
    expect(env.KP_ROLL_TLS_ENDPOINTS.split(' ').filter((e: string) => e.startsWith('kafka-broker-0-0='))).toEqual([
      'kafka-broker-0-0=kafka-node-tls@kafka-broker-0-0.kafka-broker-headless.kafka.svc.cluster.local:9092',
      'kafka-broker-0-0=kafka-external-tls@kafka-broker-0-0.kafka-broker-headless.kafka.svc.cluster.local:9094',
    ]);
    expect(find(objects, 'Role', 'kafka-certificate-roll').rules.find((r: any) => r.resources.includes('secrets') && r.verbs.includes('get')).resourceNames)
      .toEqual(['kafka-ca', 'kafka-node-tls', 'kafka-external-tls']);
    // Plaintext inside, TLS outside: the roll is there for the external certificate alone, without a renewal.
    const plaintext = synth({ externalListener: external, tls: { dangerouslyUsePlaintextInternalListeners: true } }).objects;
    expect(envOf(podSpec(plaintext).containers[0]).KP_ROLL_TLS_ENDPOINTS.split(' ')).toEqual(BROKERS.map(p => `${p}=kafka-external-tls@${p}.kafka-broker-headless.kafka.svc.cluster.local:9094`));
    expect(podSpec(plaintext).initContainers.map((c: any) => c.name)).toEqual(['kubectl']);
  });

  test('the controller NetworkPolicy admits the certificate roll to the controller port (a handshake; the listener still requires the node certificate)', () => {
    const { objects } = synth();
    const controllerRule = find(objects, 'NetworkPolicy', 'kafka-controller-ingress').spec.ingress[0];
    expect(controllerRule.ports).toEqual([{ port: 9093, protocol: 'TCP' }]);
    const podLabels = cronJob(objects).spec.jobTemplate.spec.template.metadata.labels;
    const admitted = controllerRule.from.filter((peer: any) => Object.entries<string>(peer.podSelector.matchLabels).every(([k, v]) => podLabels[k] === v));
    expect(admitted).toEqual([{ podSelector: { matchLabels: { 'kafka-platform.io/kafka-tls-probe': 'true' } } }]);
    expect(podSpec(objects).containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
  });

  test.each([
    [{ renewBeforeDays: 0 }, 'tls.renewBeforeDays', /0 is not a whole number of days from 1 to 729/],
    [{ renewBeforeDays: 730 }, 'tls.renewBeforeDays', /730 is not a whole number of days/],
    [{ renewBeforeDays: 30, certManager: {} }, 'tls.renewBeforeDays', /cert-manager issues the node certificate/],
    [{ rollSchedule: 'hourly' }, 'tls.rollSchedule', /"hourly" is not a five-field cron schedule/],
    [{ rollSchedule: '7 * * *' }, 'tls.rollSchedule', /not a five-field cron schedule/],
    [{ rollSchedule: '7 * * * *', dangerouslyUsePlaintextInternalListeners: true }, 'tls.rollSchedule', /no certificate to roll/],
  ])('refuses tls %j naming %s', (tls, prop, problem) => {
    expect(() => synth({ tls })).toThrow(new RegExp(`${prop.replace('.', '\\.')}[\\s\\S]*${problem.source}`));
  });
});

describe('roll-cluster.sh with the certificate trigger, against a simulated cluster', () => {
  test('restarts every pod presenting an older certificate: controllers first, the active one last, then brokers; then all present the new one', () => {
    const { script, env } = synthesizedCertificateRoll();
    const sim = renewedCluster(env, {});
    const result = fake.run(script, { ...env, FAKE_STATE: sim.stateFile });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(sim.state.deletes).toEqual(['kafka-controller-0-0', 'kafka-controller-2-0', 'kafka-controller-1-0', ...BROKERS]);
    expect(Object.values(sim.state.pods).map(p => Object.values(p.certs ?? {}))).toEqual([...CONTROLLERS, ...BROKERS].map(() => ['BB:NEW']));
    expect(result.stdout).toContain('roll: restarting kafka-controller-0-0 (node 0): kafka-controller-0-0.kafka-controller-headless.kafka.svc.cluster.local:9093 presents AA:OLD, Secret kafka-node-tls holds BB:NEW');
    expect(result.stdout).toContain('roll: Secret kafka-node-tls holds certificate SHA-256 BB:NEW');
    expect(result.stdout).toContain('roll: done: every listener presents the certificate of its Secret');
    // The same safety checks as any roll: min ISR before each broker.
    expect(fake.calls('kafka-topics.sh').filter(c => c.args.includes('--at-min-isr-partitions')).length).toBeGreaterThanOrEqual(3);
  });

  test('pods already presenting the Secret\'s certificate are left alone; a second run restarts nothing', () => {
    const { script, env } = synthesizedCertificateRoll();
    const sim = renewedCluster(env, Object.fromEntries([...CONTROLLERS, 'kafka-broker-0-0'].map(p => [p, 'BB:NEW'])));
    expect(fake.run(script, { ...env, FAKE_STATE: sim.stateFile }).status).toBe(0);
    expect(sim.state.deletes).toEqual(['kafka-broker-1-0', 'kafka-broker-2-0']);
    expect(fake.run(script, { ...env, FAKE_STATE: sim.stateFile }).status).toBe(0);
    expect(sim.state.deletes).toEqual(['kafka-broker-1-0', 'kafka-broker-2-0']);
  });

  test('a Ready pod whose handshake yields no certificate fails the run loudly, not as up to date', () => {
    const { script, env } = synthesizedCertificateRoll();
    const sim = renewedCluster(env, { ...Object.fromEntries([...CONTROLLERS, ...BROKERS].map(p => [p, 'BB:NEW'])), 'kafka-controller-1-0': undefined });
    const result = fake.run(script, { ...env, FAKE_STATE: sim.stateFile });
    expect(result.status).toBe(1);
    expect(sim.state.deletes).toEqual([]);
    expect(result.stderr).toContain('these pods do not present their Secrets\' certificates; kafka-controller-1-0: kafka-controller-1-0.kafka-controller-headless.kafka.svc.cluster.local:9093 presents no certificate, Secret kafka-node-tls holds BB:NEW');
  });
});

test('a renewed external certificate alone restarts only the brokers, and each comes back presenting both Secrets\' certificates', () => {
  const external = { domain: 'kafka.example.com', tls: { certManagerIssuer: { name: 'letsencrypt' } }, loadBalancer: { allowedSourceCidrs: ['10.0.0.0/8'] } };
  const { script, env } = synthesizedCertificateRoll({ externalListener: external });
  const ext = (p: string) => `${p}.kafka-broker-headless.kafka.svc.cluster.local:9094`;
  const pods = Object.fromEntries([...CONTROLLERS, ...BROKERS].map(p => [p, { cert: 'BB:NEW', ...(p.startsWith('kafka-broker') ? { certs: { [ext(p)]: 'EE:OLD' } } : {}) }]));
  const sim = simulatedCluster(fake, env, { secrets: { 'kafka-node-tls': { 'tls.crt': b64('BB:NEW') }, 'kafka-external-tls': { 'tls.crt': b64('EE:NEW') } } }, pods);
  const result = fake.run(script, { ...env, FAKE_STATE: sim.stateFile });
  expect([result.status, result.stderr]).toEqual([0, '']);
  expect(sim.state.deletes).toEqual(BROKERS);
  expect(result.stdout).toContain(`roll: restarting kafka-broker-0-0 (node 1000): ${ext('kafka-broker-0-0')} presents EE:OLD, Secret kafka-external-tls holds EE:NEW`);
  for (const b of BROKERS) expect(sim.state.pods[b].certs).toEqual({ [`${b}.kafka-broker-headless.kafka.svc.cluster.local:9092`]: 'BB:NEW', [ext(b)]: 'EE:NEW' });
});

describe('the roll Lease: the deploy\'s roll and the certificate roll never restart pods side by side', () => {
  test('a Lease held and renewed by another roll: waits, then fails without restarting anything', () => {
    const { script, env } = synthesizedCertificateRoll();
    const sim = renewedCluster(env, {}, { lease: { holder: 'kafka-roll-1234abcd-xyz', renewedAt: Math.floor(Date.now() / 1000) + 600, version: 7 } });
    const result = fake.run(script, { ...env, FAKE_STATE: sim.stateFile });
    expect(result.status).toBe(1);
    expect(sim.state.deletes).toEqual([]);
    expect(result.stderr).toContain('waiting for the roll Lease kafka-roll: another roll (kafka-roll-1234abcd-xyz) holds the Lease kafka-roll');
    // Not ours: left in place.
    expect(sim.state.lease).toEqual({ holder: 'kafka-roll-1234abcd-xyz', renewedAt: expect.any(Number), version: 7 });
  });

  test('a Lease not renewed for longer than its duration (its holder died) is taken over; ours is released at the end', () => {
    const { script, env } = synthesizedCertificateRoll();
    const sim = renewedCluster(env, {}, { lease: { holder: 'kafka-roll-dead', renewedAt: Math.floor(Date.now() / 1000) - 301, version: 3 } });
    const result = fake.run(script, { ...env, FAKE_STATE: sim.stateFile });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/took over the roll Lease kafka-roll from kafka-roll-dead \(not renewed for 30[1-9]s\)/);
    expect(sim.state.leaseCalls![0]).toBe('replace kafka-certificate-roll-29000000-abcde');
    expect(sim.state.leaseCalls!.at(-1)).toBe('delete');
    expect(sim.state.lease).toBeUndefined();
    expect(sim.state.deletes).toHaveLength(6);
  });

  test('the Lease is created before the first restart and released after a failed roll too', () => {
    const { script, env } = synthesizedCertificateRoll();
    const sim = renewedCluster(env, {}, { onDelete: 'never-ready' });
    const result = fake.run(script, { ...env, FAKE_STATE: sim.stateFile });
    expect(result.status).toBe(1);
    expect(sim.state.leaseCalls).toEqual(['create kafka-certificate-roll-29000000-abcde', 'delete']);
    expect(sim.state.lease).toBeUndefined();
  });
});

describe('create-node-tls.sh renew mode (the CronJob\'s init container, run with openssl and a fake kubectl)', () => {
  const { objects } = synth();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'node-tls-renew-'));
  afterAll(() => fs.rmSync(state, { recursive: true, force: true }));
  const pemFile = (name: string, pem: string) => { const f = path.join(state, name); fs.writeFileSync(f, pem); return f; };

  test('a certificate outside its renewal window is kept, and the log says until when', () => {
    const issued = runNodeTlsJob(objects, { stateDir: state, extraSans: [] });
    expect(issued.exitCode).toBe(0);
    const kept = runNodeTlsJob(objects, { stateDir: state, extraSans: [], container: 'renewal' });
    expect(kept.exitCode).toBe(0);
    expect(kept.log).toMatch(/node certificate in Secret kafka-node-tls is valid until .* GMT; it is renewed in its last 240 days/);
    expect(kept.secrets['kafka-node-tls']['tls.crt']).toBe(issued.secrets['kafka-node-tls']['tls.crt']);
    expect(fs.readFileSync(path.join(state, 'calls.log'), 'utf8')).not.toMatch(/^replace/m);
  });

  test('a due certificate is replaced by a new one for the same names from the same CA; no key in the log', () => {
    const before = runNodeTlsJob(objects, { stateDir: state, extraSans: [], container: 'renewal' }).secrets;
    // 731 days: the 730-day certificate is due.
    const renewed = runNodeTlsJob(objects, { stateDir: state, extraSans: [], container: 'renewal', env: { KP_TLS_RENEW_BEFORE_DAYS: '731' } });
    expect(renewed.exitCode).toBe(0);
    expect(renewed.log).toMatch(/within 731 days: renewing it[\s\S]*node certificate Secret kafka-node-tls renewed: valid until .*, same CA/);
    expect(renewed.log).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE/);
    const node = renewed.secrets['kafka-node-tls'];
    expect(node['tls.crt']).not.toBe(before['kafka-node-tls']['tls.crt']);
    expect(node['tls.key']).not.toBe(before['kafka-node-tls']['tls.key']);
    expect(node['ca.crt']).toBe(before['kafka-ca']['tls.crt']);
    expect(execFileSync('openssl', ['verify', '-CAfile', pemFile('ca.crt', node['ca.crt']), pemFile('tls.crt', node['tls.crt'])], { encoding: 'utf8' })).toContain('OK');
    const sans = (pem: string) => execFileSync('openssl', ['x509', '-noout', '-ext', 'subjectAltName', '-in', pemFile('x.crt', pem)], { encoding: 'utf8' });
    expect(sans(node['tls.crt'])).toBe(sans(before['kafka-node-tls']['tls.crt']));
    expect(fs.readFileSync(path.join(state, 'calls.log'), 'utf8')).toMatch(/^replace -f /m);
  });

  test('without the CA Secret it refuses to sign with anything else', () => {
    fs.rmSync(path.join(state, 'secret-kafka-ca.json'));
    const run = runNodeTlsJob(objects, { stateDir: state, extraSans: [], container: 'renewal', env: { KP_TLS_RENEW_BEFORE_DAYS: '731' } });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain('CA Secret kafka-ca is missing: the certificate renewal signs only with the CA the nodes trust');
  });
});
