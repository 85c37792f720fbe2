/**
 * The automatic roll against a live KRaft cluster (Kafka 4.1, 3 controllers +
 * 3 brokers in three zones) started from the synthesized configuration as
 * local JVMs. The synthesized roll Job runs for real (its script, Kafka's
 * tools, the readiness probes); only `kubectl` is a stand-in that restarts the
 * local processes (roll/kube-shim.ts). See the README ("How we test HA").
 */
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { KafkaCluster, KafkaClusterProps, KafkaTopic } from '../../lib/kafka';
import { JMX_AGENT_UNAVAILABLE_MARK, JMX_EXPORTER_AGENT } from '../../lib/kafka/observability/jmx-agent';
import { CACHE_DIR, resolveJars } from './harness/jars';
import { byKind, jobNamed, K8sObject, synthChart } from './harness/k8s';
import { KafkaHome, writeKafkaHome } from './harness/kafka-home';
import { nodeIdOf, scrape, startAndWaitReady, waitReady } from './harness/kafka-pods';
import { KafkaTools, readProducerReport } from './harness/kafka-tools';
import { LocalCluster, LocalPod, SecretData } from './harness/local-cluster';
import { killAll, portOpen, reapLeftovers, sleep, terminate, waitFor } from './harness/processes';
import { SuiteReport } from './harness/report';
import { generateUserSecrets } from './harness/secrets';
import { generateNodeTls, writeLocalCaBundle } from './harness/node-tls';
import { certificateRollJob, fingerprintOf, makeNodeCertificateDue, nodeTlsStateDir, presentedFingerprint, renewNodeCertificate } from './roll/certificate-renewal';
import { KubeShim } from './roll/kube-shim';
import { adminRotationScenario } from './roll/admin-rotation-scenario';
import { NO_ISR_CHECK_HOME, withoutIsrCheck, writeNoIsrCheckHome } from './roll/no-isr-check';

/**
 * Test-only switches (negative controls, run by .ci/run):
 * - `roll-no-isr-check` gives the roll Job a kafka-topics.sh that answers the
 *   min-ISR questions with "none", so the roll's in-sync check never blocks.
 *   Scenario 9 must then fail.
 * - `jmx-agent-required` synthesizes the cluster with `jmxAgent.required`: a
 *   pod whose agent is neither cached nor reachable does not start. Scenario 10
 *   must then fail.
 * - `cert-renewal-not-rolled` runs the certificate roll CronJob's renewal but
 *   not its roll, as before the roll existed. Scenario 14 must then fail.
 * - `admin-rotation-one-phase` drops the admin password rotation's accept phase:
 *   nodes log in with the next identity before the controllers accept it.
 *   Scenario 15 must then fail.
 * Several may be given, comma-separated: each breaks only its own scenario.
 */
const BREAKS = new Set((process.env.KAFKA_IT_BREAK ?? '').split(',').map((b) => b.trim()).filter(Boolean));
const KNOWN_BREAKS = ['roll-no-isr-check', 'jmx-agent-required', 'cert-renewal-not-rolled', 'admin-rotation-one-phase'];
const report = new SuiteReport('roll');
const HEAP = '-Xms64m -Xmx256m';
const TOPIC = 'orders';
const ZONES = ['zone-a', 'zone-b', 'zone-c'];
// Fast polls and a short give-up, so the suite stays short; the defaults are 10 s and 900 s.
const ROLL = { pollSeconds: 2, checkTimeoutSeconds: 240 };

let objects: K8sObject[];
/** The props of the last synth applied (scenarios 8 and 9 change a broker property). */
let appliedProps: Partial<KafkaClusterProps> = {};
/** Objects the certificate Job created at run time (the CA bundle ConfigMap): a re-apply keeps them, as a cluster does. */
let runtimeObjects: K8sObject[] = [];
/** The fake API server's certificate Secrets (the CA among them), kept for the renewal of scenario 14. */
let nodeTlsState: string;
let secrets: SecretData;
let local: LocalCluster;
let shim: KubeShim;
let tools: KafkaTools;
let caFile: string;
let home: KafkaHome;
let brokers: LocalPod[];
let controllers: LocalPod[];
const seconds = (ms: number) => Math.round(ms / 100) / 10;
/** rewrite.ts 7.: the init containers' HTTP(S) goes to a proxy where nothing listens, as in a cluster without egress. */
const NO_EGRESS = { http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' };

function synthCluster(props: Partial<KafkaClusterProps> = {}): K8sObject[] {
  return synthChart((chart: Chart) => {
    const jmxAgent = BREAKS.has('jmx-agent-required') ? { jmxAgent: { required: true } } : {};
    const cluster = new KafkaCluster(chart, 'kafka', { zones: ZONES, ...jmxAgent, ...props, rollingRestart: { ...ROLL, ...props.rollingRestart } });
    new KafkaTopic(chart, 'orders', { cluster, name: TOPIC, partitions: 6 });
  });
}

function job(from: K8sObject[], prefix: string): K8sObject {
  return jobNamed(from, `kafka-${prefix}`);
}

async function runRoll(from: K8sObject[]): Promise<{ code: number; out: string; ms: number }> {
  const t0 = Date.now();
  const rollJob = BREAKS.has('roll-no-isr-check') ? withoutIsrCheck(job(from, 'roll')) : job(from, 'roll');
  const res = await local.runJob(rollJob, 900_000);
  fs.writeFileSync(path.join(local.root, `${rollJob.metadata.name}.log`), res.stdout);
  return { code: res.code, out: res.stdout, ms: Date.now() - t0 };
}

async function fullyInSync(): Promise<void> {
  await waitFor(`${TOPIC} fully in sync`, async () => (await tools.describeTopic(TOPIC)).partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length), 180_000, 1000);
}

beforeAll(async () => {
  const unknown = [...BREAKS].filter((b) => !KNOWN_BREAKS.includes(b));
  if (unknown.length) throw new Error(`KAFKA_IT_BREAK=${unknown.join(',')} is not one this file knows (${KNOWN_BREAKS.join(', ')})`);
  reapLeftovers();
  const jars = resolveJars('kafka41');
  resolveJars('jmx', { 'jmx.exporter.version': JMX_EXPORTER_AGENT.version });
  objects = synthCluster();
  ({ secrets } = generateUserSecrets(objects));
  // The node certificate Secret and the CA bundle ConfigMap, from the synthesized certificate Job's own script.
  nodeTlsState = nodeTlsStateDir(path.join(CACHE_DIR, 'roll'));
  const nodeTls = generateNodeTls(objects, { stateDir: nodeTlsState });
  Object.assign(secrets, nodeTls.secrets);
  runtimeObjects = nodeTls.objects;
  objects = [...objects, ...runtimeObjects];
  home = writeKafkaHome(path.join(CACHE_DIR, 'roll', 'kafka-home'), jars);
  const shimDir = path.join(CACHE_DIR, 'roll', 'kube-shim');
  const noIsrCheckHome = BREAKS.has('roll-no-isr-check') ? writeNoIsrCheckHome(home, path.join(CACHE_DIR, 'roll', 'no-isr-check-home')) : undefined;
  local = await LocalCluster.create({
    runDir: 'roll', objects, kafkaHome: home, secrets, heapOpts: HEAP,
    imageDirs: noIsrCheckHome ? { [NO_ISR_CHECK_HOME]: noIsrCheckHome } : {},
    include: (w) => ['broker', 'controller'].includes(w.metadata.labels?.['app.kubernetes.io/component'] ?? ''),
    // The roll Job's init container copies `kubectl` from its image's PATH: here, the stand-in.
    imagePath: (w) => (w.kind === 'Job' && /^kafka-(roll|certificate-roll|admin-rotate)-/.test(w.metadata.name) ? [shimDir, home.imageBin] : [home.imageBin]),
  });
  shim = await KubeShim.start(local, objects, 'kafka', shimDir, secrets);
  controllers = local.select({ 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'controller' });
  brokers = local.select({ 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'broker' });
  const admin = secrets['kafka-user-admin'];
  caFile = writeLocalCaBundle(objects, path.join(local.root, 'tools'))!;
  tools = new KafkaTools(home, path.join(local.root, 'tools'), () => local.rewrite('kafka-bootstrap.kafka.svc.cluster.local:9092'), {
    securityProtocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', jaasConfig: admin['sasl.jaas.config'], caFile,
  });
  await startAndWaitReady(local, [...controllers, ...brokers]);
  for (const prefix of ['users', 'topics']) {
    const res = await local.runJob(job(objects, prefix));
    if (res.code !== 0) throw new Error(`Job ${prefix} failed:\n${res.stdout.slice(-3000)}`);
  }
  // Nothing to roll on a fresh cluster: the Job finds every pod on its hash.
  const first = await runRoll(objects);
  if (first.code !== 0 || !first.out.includes('roll: done')) throw new Error(`the roll Job of the first synth failed:\n${first.out.slice(-3000)}`);
  if (shim.deletes.length !== 0) throw new Error(`the first roll restarted ${shim.deletes.join(', ')}`);
}, 600_000);

afterAll(async () => {
  await shim?.close();
  await local?.killAll();
  killAll();
  report.write();
});

describe('automatic roll (KRaft, Kafka 4.1): the synthesized roll Job against live brokers and controllers', () => {
  test('8. a broker property change rolls every broker, one at a time, with no acknowledged message lost', report.scenario('8 roll on a property change', async (figures) => {
    appliedProps = { brokers: { config: { 'queued.max.requests': '600' } } };
    const changed = synthCluster(appliedProps);
    const startsBefore = new Map([...controllers, ...brokers].map((p) => [p.name, p.starts]));
    const outFile = path.join(local.root, 'tools', 's8-producer.jsonl');
    const config = tools.configWith('s8-producer', { 'delivery.timeout.ms': '120000', 'request.timeout.ms': '15000', 'linger.ms': '5' });
    const producer = tools.startVerifiableProducer(TOPIC, { maxMessages: 200_000, throughput: 200, acks: '-1', config, valuePrefix: 8, outFile });
    let roll;
    try {
      await waitFor('500 acknowledged messages', () => readProducerReport(outFile).acked.length >= 500, 90_000, 250);
      shim.apply([...changed, ...runtimeObjects]);
      roll = await runRoll(changed);
      await fullyInSync();
      await sleep(2000);
    } finally {
      await terminate(producer, 15_000);
    }
    figures.rollS = seconds(roll.ms);
    figures.deletes = shim.deletes.join(',');
    figures.maxPodsDown = shim.maxDown;
    expect(shim.errors).toEqual([]);
    expect({ code: roll.code, tail: roll.code === 0 ? '' : roll.out.slice(-2000) }).toEqual({ code: 0, tail: '' });
    // Brokers only (the controllers' hash did not change), zone by zone, each once.
    expect(shim.deletes).toEqual(['kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0']);
    expect(controllers.map((c) => c.starts)).toEqual(controllers.map((c) => startsBefore.get(c.name)));
    expect(brokers.map((b) => b.starts)).toEqual(brokers.map((b) => startsBefore.get(b.name)! + 1));
    for (const b of brokers) {
      expect({ pod: b.name, running: fs.readFileSync(path.join(b.dir, 'volumes', 'config', 'server.properties'), 'utf8').includes('\nqueued.max.requests=600\n') }).toEqual({ pod: b.name, running: true });
    }
    expect(shim.maxDown).toBe(1);
    const produced = readProducerReport(outFile);
    const seen = new Set((await tools.consumeAll(TOPIC)).filter((v) => v.startsWith('8.')));
    const missing = produced.acked.filter((v) => !seen.has(v));
    figures.acked = produced.acked.length;
    figures.missing = missing.length;
    const d = await tools.describeTopic(TOPIC);
    figures.underReplicatedAfter = d.partitions.filter((p) => p.isr.length < p.replicas.length).length;
    expect(produced.acked.length).toBeGreaterThan(1000);
    expect(missing).toEqual([]);
    expect(figures.underReplicatedAfter).toBe(0);
    // The same Job again: nothing left to restart.
    const again = await runRoll(changed);
    expect(again.code).toBe(0);
    expect(shim.deletes).toHaveLength(3);
  }), 900_000);

  test('9. with one broker already down, the roll refuses to restart another and says why', report.scenario('9 roll refuses with a broker down', async (figures) => {
    appliedProps = { brokers: { config: { 'queued.max.requests': '700' } }, rollingRestart: { checkTimeoutSeconds: 30 } };
    const changed = synthCluster(appliedProps);
    const victim = brokers[2];
    const deletesBefore = shim.deletes.length;
    try {
      await local.kill(victim);
      await waitFor('the dead broker out of every ISR', async () => (await tools.describeTopic(TOPIC)).partitions.every((p) => !p.isr.includes(1200)), 90_000, 1000);
      shim.apply([...changed, ...runtimeObjects]);
      const roll = await runRoll(changed);
      figures.exit = roll.code;
      figures.why = /restarting broker \d+ would leave these partitions below min.insync.replicas: [^;\n]*/.exec(roll.out)?.[0] ?? 'none';
      figures.restarted = shim.deletes.slice(deletesBefore).join(',') || 'none';
      expect(shim.deletes.slice(deletesBefore)).toEqual([]);
      expect(roll.code).not.toBe(0);
      expect(roll.out).toContain('FAILED after 30s waiting for every partition on broker 1000 to keep min.insync.replicas without it');
      expect(roll.out).toContain('No further pod was restarted.');
    } finally {
      for (let i = 0; i < 300 && shim.errors.length === 0 && brokers.some((b) => !local.isRunning(b) && b !== victim); i++) await sleep(1000);
      if (!local.isRunning(victim)) await local.start(victim);
      await Promise.all(brokers.map((b) => waitReady(local, b)));
      await fullyInSync();
    }
  }), 600_000);

  test('10. a broker starts with outbound HTTP(S) blocked: with its cached agent, and with none cached, without the agent', report.scenario('10 offline pod start', async (figures) => {
    const victim = brokers[1];
    const metricsPort = local.port(victim, 9404);
    const cache = path.join(victim.dir, 'pvc', 'data', 'jmx-agent-cache');
    const initLog = () => fs.readFileSync(path.join(victim.dir, 'init-0-fetch-jmx-exporter.log'), 'utf8');
    const restartBlocked = async (): Promise<string> => {
      await local.stop(victim);
      return local.start(victim, { initEnv: NO_EGRESS }).then(() => '', (e: Error) => e.message.split('\n')[0]);
    };
    try {
      // a) The verified copy on the pod's volume (cached at its first start) is used: the agent runs, no network needed.
      expect(fs.readdirSync(cache)).toEqual([`${JMX_EXPORTER_AGENT.sha256}.jar`]);
      expect({ startError: await restartBlocked() }).toEqual({ startError: '' });
      figures.cachedReadyS = seconds(await waitReady(local, victim));
      expect(initLog()).not.toContain(JMX_AGENT_UNAVAILABLE_MARK);
      expect(await scrape(local, victim, 9404, '/metrics')).toMatch(/^kafka_server_kafkaserver_brokerstate\S* 3\.0$/m);
      await fullyInSync();

      // b) Nothing cached (a fresh volume for the agent) and no egress: the broker starts without the agent and rejoins.
      fs.rmSync(cache, { recursive: true, force: true });
      const t0 = Date.now();
      expect({ startError: await restartBlocked() }).toEqual({ startError: '' });
      figures.initS = seconds(Date.now() - t0);
      expect(initLog()).toContain(`${JMX_AGENT_UNAVAILABLE_MARK}: could not download ${JMX_EXPORTER_AGENT.url} within the bound`);
      figures.offlineReadyS = seconds(await waitReady(local, victim));
      await fullyInSync();
      expect(fs.readFileSync(victim.process!.logFile, 'utf8')).toContain('kafka-start: JMX EXPORTER AGENT UNAVAILABLE');
      // No metrics: the scrape target is down, which is what KafkaBrokerDown alerts on.
      expect(await portOpen(metricsPort)).toBe(false);
      expect(fs.existsSync(cache)).toBe(false);
    } finally {
      // Back to normal: egress again, the agent fetched, verified and cached.
      await local.stop(victim);
      await local.start(victim);
      await waitReady(local, victim);
      await fullyInSync();
    }
    expect(fs.readdirSync(cache)).toEqual([`${JMX_EXPORTER_AGENT.sha256}.jar`]);
    expect(await portOpen(metricsPort)).toBe(true);
  }), 600_000);

  test('11. a dynamic property change is applied live by the dynamic-config Job: every broker reports it, none restarts', report.scenario('11 dynamic configs without a roll', async (figures) => {
    const dynamic = { 'log.retention.ms': '7200000', 'log.cleaner.backoff.ms': '20000' };
    const base = synthCluster(appliedProps);
    const changed = synthCluster({ ...appliedProps, brokers: { ...appliedProps.brokers, config: { ...appliedProps.brokers?.config, ...dynamic } } });
    // Nothing a pod runs changes: no pod template byte, the same roll Job.
    expect(byKind(changed, 'StatefulSet')).toEqual(byKind(base, 'StatefulSet'));
    expect(job(changed, 'roll').metadata.name).toBe(job(base, 'roll').metadata.name);
    const startsBefore = [...controllers, ...brokers].map((p) => p.starts);
    const ids = await Promise.all(brokers.map((b) => nodeIdOf(b)));
    shim.apply([...changed, ...runtimeObjects]);
    const t0 = Date.now();
    const applied = await local.runJob(job(changed, 'dynamic-config'));
    figures.jobS = seconds(Date.now() - t0);
    expect({ code: applied.code, tail: applied.code === 0 ? '' : applied.stdout.slice(-2000) }).toEqual({ code: 0, tail: '' });
    expect(applied.stdout).toContain('apply-dynamic-configs: set log.cleaner.backoff.ms log.retention.ms');
    for (const id of ids) {
      const running = await tools.brokerConfig(id);
      expect({ id, retention: running['log.retention.ms'], backoff: running['log.cleaner.backoff.ms'] }).toEqual({ id, retention: '7200000', backoff: '20000' });
    }
    // Removed from the props: the next Job removes the cluster-wide default, the brokers fall back to their file
    // (which sets neither: log.retention.ms is unset, so log.retention.hours applies).
    shim.apply([...base, ...runtimeObjects]);
    const reverted = await local.runJob(job(base, 'dynamic-config'));
    expect(reverted.code).toBe(0);
    expect(reverted.stdout).toContain('apply-dynamic-configs: removed log.retention.ms log.cleaner.backoff.ms (no longer declared)');
    const fallback = await tools.brokerConfig(ids[0]);
    expect({ retention: fallback['log.retention.ms'], hours: fallback['log.retention.hours'], backoff: fallback['log.cleaner.backoff.ms'] }).toEqual({ retention: 'null', hours: '168', backoff: '15000' });
    expect([...controllers, ...brokers].map((p) => p.starts)).toEqual(startsBefore);
    expect([...controllers, ...brokers].every((p) => local.isRunning(p))).toBe(true);
    figures.restarts = 0;
  }), 300_000);

  test('13. the metadata-version Job against live Kafka: already at the declared version it changes nothing; a downgrade is refused loudly', report.scenario('13 metadata version Job', async (figures) => {
    const at = synthCluster({ ...appliedProps, metadataVersion: '4.1' });
    shim.apply([...at, ...runtimeObjects]);
    const same = await local.runJob(job(at, 'metadata-version'));
    expect({ code: same.code, tail: same.code === 0 ? '' : same.stdout.slice(-2000) }).toEqual({ code: 0, tail: '' });
    figures.finalized = /metadata\.version is already (\S+)/.exec(same.stdout)?.[1] ?? 'unknown';
    expect(same.stdout).toMatch(/apply-metadata-version: metadata\.version is already 4\.1-IV\d+/);
    const down = synthCluster({ ...appliedProps, metadataVersion: '4.0' });
    const refused = await local.runJob(job(down, 'metadata-version'));
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toMatch(/REFUSED: metadataVersion 4\.0 is a downgrade of the finalized metadata\.version 4\.1-IV\d+\. Nothing was changed\./);
    const still = await local.runJob(job(at, 'metadata-version'));
    expect(still.stdout).toContain(`metadata.version is already ${figures.finalized}`);
  }), 300_000);

  test('14. a renewed node certificate is picked up: the certificate roll restarts every node that presents the old one, one at a time, with no acknowledged message lost', report.scenario('14 certificate renewal picked up', async (figures) => {
    // The suite's usual check timeout (scenario 9 shortened it to make its refusal quick).
    const current = synthCluster({ ...appliedProps, rollingRestart: ROLL });
    const nodes = [...controllers, ...brokers];
    const endpoint = (p: LocalPod) => local.rewrite(`${p.name}.kafka-${p.name.startsWith('kafka-controller-') ? 'controller' : 'broker'}-headless.kafka.svc.cluster.local:${p.name.startsWith('kafka-controller-') ? 9093 : 9092}`);
    const presented = async () => Promise.all(nodes.map(async (p) => presentedFingerprint(endpoint(p))));
    const original = fingerprintOf(secrets['kafka-node-tls']['tls.crt']);
    expect(await presented()).toEqual(nodes.map(() => original));
    // The Secret in its last 100 days (under the default 240-day window); the pods keep presenting what they started with.
    const due = makeNodeCertificateDue(current, nodeTlsState, 100);
    const renewal = renewNodeCertificate(current, nodeTlsState);
    expect(renewal.log).toMatch(/expires .*, within 240 days: renewing it/);
    const renewed = fingerprintOf(renewal.secret['tls.crt']);
    expect(new Set([original, fingerprintOf(due), renewed]).size).toBe(3);
    secrets['kafka-node-tls'] = renewal.secret;
    const leaderBefore = (await tools.quorumStatus()).leaderId;
    figures.leaderBefore = leaderBefore;
    const deletesBefore = shim.deletes.length;
    shim.maxDown = 0;
    const outFile = path.join(local.root, 'tools', 's14-producer.jsonl');
    const config = tools.configWith('s14-producer', { 'delivery.timeout.ms': '120000', 'request.timeout.ms': '15000', 'linger.ms': '5' });
    const producer = tools.startVerifiableProducer(TOPIC, { maxMessages: 200_000, throughput: 200, acks: '-1', config, valuePrefix: 14, outFile });
    let run;
    const t0 = Date.now();
    try {
      await waitFor('500 acknowledged messages', () => readProducerReport(outFile).acked.length >= 500, 90_000, 250);
      run = await local.runJob(certificateRollJob(current, 'kafka-certificate-roll-manual-14', BREAKS.has('cert-renewal-not-rolled')), 900_000);
      fs.writeFileSync(path.join(local.root, 'kafka-certificate-roll-manual-14.log'), run.stdout);
      await fullyInSync();
      await sleep(2000);
    } finally {
      await terminate(producer, 15_000);
    }
    figures.rollS = seconds(Date.now() - t0);
    const deleted = shim.deletes.slice(deletesBefore);
    figures.deletes = deleted.join(',');
    figures.maxPodsDown = shim.maxDown;
    expect(shim.errors).toEqual([]);
    expect({ code: run.code, tail: run.code === 0 ? '' : run.stdout.slice(-2000) }).toEqual({ code: 0, tail: '' });
    // The property: every node now presents the renewed certificate.
    const now = await presented();
    expect(Object.fromEntries(nodes.map((p, i) => [p.name, now[i] === renewed ? 'renewed' : 'old']))).toEqual(Object.fromEntries(nodes.map((p) => [p.name, 'renewed'])));
    // Controllers first, the active one last, then brokers zone by zone; each once, never two down.
    expect(deleted.slice(0, 3).sort()).toEqual(controllers.map((c) => c.name).sort());
    expect(deleted.slice(3)).toEqual(['kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0']);
    expect([...run.stdout.matchAll(/roll: restarting kafka-controller-\S+ \(node (\d+)\)/g)].map((m) => Number(m[1]))[2]).toBe(leaderBefore);
    // Never more than one pod down: two of three voters stayed up, a majority; afterwards a leader and all three voters.
    // (This is the controller roll of the retired scenario 12, which ran the same script with the config trigger.)
    expect(shim.maxDown).toBe(1);
    const quorum = await tools.quorumStatus();
    figures.leaderAfter = quorum.leaderId;
    expect([quorum.voters.sort(), quorum.leaderId >= 0]).toEqual([[0, 1, 2], true]);
    expect(shim.leaseCalls.at(-1)).toBe('delete');
    const produced = readProducerReport(outFile);
    const seen = new Set((await tools.consumeAll(TOPIC)).filter((v) => v.startsWith('14.')));
    figures.acked = produced.acked.length;
    figures.missing = produced.acked.filter((v) => !seen.has(v)).length;
    expect(produced.acked.length).toBeGreaterThan(500);
    expect(figures.missing).toBe(0);
    // The next scheduled run finds nothing to do.
    const again = await local.runJob(certificateRollJob(current, 'kafka-certificate-roll-manual-14b', false), 300_000);
    expect(again.code).toBe(0);
    expect(shim.deletes.length).toBe(deletesBefore + 6);
  }), 900_000);

  test('15. the admin password is rotated under a running producer: controllers accept the next identity, every node logs in with it, the previous one is retired; no failed send, one pod down at most', report.scenario('15 admin password rotation', async (figures) => {
    const onePhase = BREAKS.has('admin-rotation-one-phase');
    // The negative control gives up sooner: the controller that cannot log in never catches up.
    const rollingRestart = onePhase ? { ...ROLL, checkTimeoutSeconds: 30 } : ROLL;
    const synth = (credentials: Partial<KafkaClusterProps>['credentials']) => synthCluster({ ...appliedProps, rollingRestart, credentials });
    // The rotation itself changes nothing a pod runs: the Job restarts them, no template does.
    expect(byKind(synth({ adminPasswordRotation: { generation: 1 } }), 'StatefulSet')).toEqual(byKind(synth(undefined), 'StatefulSet'));
    tools = await adminRotationScenario({ local, shim, home, secrets, controllers, brokers, runtimeObjects, caFile, topic: TOPIC, synth, onePhase }, figures);
  }), 1_800_000);
});
