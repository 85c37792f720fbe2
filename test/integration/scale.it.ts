/**
 * Scaling against a live KRaft cluster (Kafka 4.1, 3 controllers, 3 -> 6 -> 3
 * brokers over three zones) started from the synthesized configuration as
 * local JVMs. The synthesized scale Job runs for real (its scripts, Kafka's
 * tools); only `kubectl` is a stand-in: `kubectl scale statefulset` starts or
 * stops the local broker JVMs, as the StatefulSet controller would
 * (roll/kube-shim.ts). See the README ("Scaling", "How we test HA").
 */
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { KafkaCluster, KafkaTopic } from '../../lib/kafka';
import { JMX_EXPORTER_AGENT } from '../../lib/kafka/observability/jmx-agent';
import { CACHE_DIR, resolveJars } from './harness/jars';
import { jobNamed, K8sObject, synthChart } from './harness/k8s';
import { KafkaHome, writeKafkaHome } from './harness/kafka-home';
import { startAndWaitReady, waitReady } from './harness/kafka-pods';
import { KafkaTools, readProducerReport } from './harness/kafka-tools';
import { LocalCluster, LocalPod } from './harness/local-cluster';
import { generateNodeTls, writeLocalCaBundle } from './harness/node-tls';
import { BREAK, PRODUCER_ACKS } from './harness/platform';
import { killAll, reapLeftovers, sleep, terminate, waitFor } from './harness/processes';
import { SuiteReport } from './harness/report';
import { generateUserSecrets } from './harness/secrets';
import { KubeShim } from './roll/kube-shim';

const report = new SuiteReport('scale');
const HEAP = '-Xms64m -Xmx256m';
const TOPIC = 'orders';
const ZONES = ['zone-a', 'zone-b', 'zone-c'];
// Fast polls and a short give-up, so the suite stays short; the defaults are 10 s and 24 h.
const SCALING = { pollSeconds: 2, timeoutSeconds: 300 };
/** Where the negative control's scale Job finds its Kafka tools: a container path the harness maps to a local dir. */
const SKIP_DRAIN_HOME = '/opt/scale-in-skip-drain-kafka';

let objects: K8sObject[];
/** The node certificate Secret and CA bundle ConfigMap the certificate Job would create (kept in every apply). */
let runtimeObjects: K8sObject[] = [];
let three: K8sObject[];
let six: K8sObject[];
let local: LocalCluster;
let shim: KubeShim;
let tools: KafkaTools;
let home: KafkaHome;
let brokers: LocalPod[];
let controllers: LocalPod[];
const seconds = (ms: number) => Math.round(ms / 100) / 10;
/** broker.rack of a node id: 1000 + zone index * 100 + ordinal. */
const zoneOf = (id: number) => ZONES[Math.floor((id - 1000) / 100)];

function synthCluster(replicas: number): K8sObject[] {
  return synthChart((chart: Chart) => {
    const cluster = new KafkaCluster(chart, 'kafka', { zones: ZONES, brokers: { replicas }, scaling: SCALING });
    new KafkaTopic(chart, 'orders', { cluster, name: TOPIC, partitions: 6 });
  });
}

/**
 * `scale-in-skip-drain` (negative control, run by .ci/run): the scale-in Job
 * gets a kafka-topics.sh that lists no partition, so it sees nothing to drain
 * and shrinks at once. Scenario 21 must then fail on the drain assertion.
 */
function writeSkipDrainHome(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  for (const f of fs.readdirSync(home.bin)) {
    fs.writeFileSync(path.join(dir, 'bin', f), `#!/usr/bin/env bash\nexec ${path.join(home.bin, f)} "$@"\n`, { mode: 0o755 });
  }
  fs.writeFileSync(path.join(dir, 'bin', 'kafka-topics.sh'), `#!/usr/bin/env bash
case " $* " in *" --describe "*) exit 0 ;; esac
exec ${home.tool('kafka-topics.sh')} "$@"
`, { mode: 0o755 });
  return dir;
}

function skippingDrain(job: K8sObject): K8sObject {
  const copy = JSON.parse(JSON.stringify(job));
  const container = copy.spec.template.spec.containers[0];
  container.env = container.env.map((e: { name: string }) => (e.name === 'KAFKA_HOME' ? { name: 'KAFKA_HOME', value: SKIP_DRAIN_HOME } : e));
  return copy;
}

async function runScale(from: K8sObject[], opts: { skipDrain?: boolean } = {}): Promise<{ code: number; out: string; ms: number }> {
  const t0 = Date.now();
  const job = jobNamed(from, 'kafka-scale');
  const res = await local.runJob(opts.skipDrain ? skippingDrain(job) : job, 600_000);
  fs.writeFileSync(path.join(local.root, `${job.metadata.name}.log`), res.stdout);
  return { code: res.code, out: res.stdout, ms: Date.now() - t0 };
}

/** Every partition of every topic: `topic-partition` -> replicas. */
async function placement(): Promise<Map<string, number[]>> {
  const all = await tools.describeAllTopics();
  const out = new Map<string, number[]>();
  for (const [topic, d] of all) for (const p of d.partitions) out.set(`${topic}-${p.partition}`, p.replicas);
  return out;
}

/** Brokers registered in the KRaft metadata, fenced ones included. */
async function registeredBrokers(): Promise<number[]> {
  const out = await tools.ok('kafka-cluster.sh', ['list-endpoints', '--include-fenced-brokers', '--bootstrap-server', tools.bootstrap(), '--config', tools.clientConfig]);
  return [...out.matchAll(/^(\d+)\s/gm)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

async function fullyInSync(): Promise<void> {
  await waitFor(`${TOPIC} fully in sync`, async () => (await tools.describeTopic(TOPIC)).partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length), 180_000, 1000);
}

/** Produces with acks=all while `during` runs; returns the acknowledged values the topic does not hold afterwards. */
async function underProduction(prefix: number, during: () => Promise<void>): Promise<{ acked: number; missing: string[] }> {
  const outFile = path.join(local.root, 'tools', `s${prefix}-producer.jsonl`);
  const config = tools.configWith(`s${prefix}-producer`, { 'delivery.timeout.ms': '120000', 'request.timeout.ms': '15000', 'linger.ms': '5' });
  const producer = tools.startVerifiableProducer(TOPIC, { maxMessages: 100_000, throughput: 100, acks: PRODUCER_ACKS, config, valuePrefix: prefix, outFile });
  try {
    await waitFor('200 acknowledged messages', () => readProducerReport(outFile).acked.length >= 200, 90_000, 250);
    await during();
    await sleep(2000);
  } finally {
    await terminate(producer, 15_000);
  }
  const produced = readProducerReport(outFile);
  const seen = new Set((await tools.consumeAll(TOPIC)).filter((v) => v.startsWith(`${prefix}.`)));
  return { acked: produced.acked.length, missing: produced.acked.filter((v) => !seen.has(v)) };
}

beforeAll(async () => {
  reapLeftovers();
  const jars = resolveJars('kafka41');
  resolveJars('jmx', { 'jmx.exporter.version': JMX_EXPORTER_AGENT.version });
  three = synthCluster(3);
  six = synthCluster(6);
  // The local pods are planned from the 6-broker synth (every pod the run may need); the cluster starts as the 3-broker one.
  objects = JSON.parse(JSON.stringify(six));
  const { secrets } = generateUserSecrets(objects);
  const nodeTls = generateNodeTls(objects);
  Object.assign(secrets, nodeTls.secrets);
  runtimeObjects = nodeTls.objects;
  objects = [...objects, ...runtimeObjects];
  home = writeKafkaHome(path.join(CACHE_DIR, 'scale', 'kafka-home'), jars);
  const shimDir = path.join(CACHE_DIR, 'scale', 'kube-shim');
  const skipDrainHome = BREAK === 'scale-in-skip-drain' ? writeSkipDrainHome(path.join(CACHE_DIR, 'scale', 'skip-drain-home')) : undefined;
  local = await LocalCluster.create({
    runDir: 'scale', objects, kafkaHome: home, secrets, heapOpts: HEAP,
    imageDirs: skipDrainHome ? { [SKIP_DRAIN_HOME]: skipDrainHome } : {},
    include: (w) => ['broker', 'controller'].includes(w.metadata.labels?.['app.kubernetes.io/component'] ?? ''),
    // The scale Job's init container copies `kubectl` from its image's PATH: here, the stand-in.
    imagePath: (w) => (w.kind === 'Job' && w.metadata.name.startsWith('kafka-scale-') ? [shimDir, home.imageBin] : [home.imageBin]),
  });
  shim = await KubeShim.start(local, objects, 'kafka', shimDir);
  shim.apply([...JSON.parse(JSON.stringify(three)), ...runtimeObjects]);
  shim.trackStatefulSets({ 'kafka-broker-0': 1, 'kafka-broker-1': 1, 'kafka-broker-2': 1 });
  controllers = local.select({ 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'controller' });
  brokers = local.select({ 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'broker' });
  const admin = secrets['kafka-user-admin'];
  tools = new KafkaTools(home, path.join(local.root, 'tools'), () => local.rewrite('kafka-bootstrap.kafka.svc.cluster.local:9092'), {
    securityProtocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', jaasConfig: admin['sasl.jaas.config'],
    caFile: writeLocalCaBundle(objects, path.join(local.root, 'tools')),
  });
  await startAndWaitReady(local, [...controllers, ...brokers.filter((b) => b.ordinal === 0)]);
  for (const prefix of ['kafka-users', 'kafka-topics']) {
    const res = await local.runJob(jobNamed(three, prefix));
    if (res.code !== 0) throw new Error(`Job ${prefix} failed:\n${res.stdout.slice(-3000)}`);
  }
}, 600_000);

afterAll(async () => {
  await shim?.close();
  await local?.killAll();
  killAll();
  report.write();
});

describe('scaling (Kafka 4.1, KRaft): the synthesized scale Job against live brokers', () => {
  test('20. 3 -> 6 brokers under acks=all: the new brokers get a rack-aware share of the partitions, no acknowledged message lost', report.scenario('20 scale out 3 to 6', async (figures) => {
    let job = { code: -1, out: '', ms: 0 };
    const result = await underProduction(10, async () => {
      // The Job runs before the StatefulSets are applied (sync wave -1): it grows them itself.
      job = await runScale(six);
      shim.apply([...JSON.parse(JSON.stringify(six)), ...runtimeObjects]);
      await Promise.all(brokers.map((b) => waitReady(local, b)));
      await fullyInSync();
    });
    figures.jobS = seconds(job.ms);
    figures.acked = result.acked;
    figures.missing = result.missing.length;
    expect(shim.errors).toEqual([]);
    expect({ code: job.code, tail: job.code === 0 ? '' : job.out.slice(-3000) }).toEqual({ code: 0, tail: '' });
    expect(shim.scaleEvents.map((e) => `${e.action} ${e.pod}`).sort()).toEqual(['start kafka-broker-0-1', 'start kafka-broker-1-1', 'start kafka-broker-2-1']);
    // The plan is visible in the Job's log.
    expect(job.out).toMatch(/scale: plan: \d+ partition\(s\) move, throttled to 52428800 bytes\/s per broker/);
    expect(job.out).toContain('scale: proposed assignment: {"version":1,"partitions":[');
    expect(job.out).toContain('scale: reassignment complete (throttle removed)');
    const after = await placement();
    const orders = [...after.entries()].filter(([tp]) => tp.startsWith(`${TOPIC}-`));
    const onNew = new Set(orders.flatMap(([, r]) => r).filter((id) => id % 100 === 1));
    figures.newBrokersWithOrders = onNew.size;
    expect([...onNew].sort()).toEqual([1001, 1101, 1201]);
    // Racks stay spread: every partition of every topic keeps one replica per zone.
    const unspread = [...after.entries()].filter(([, r]) => new Set(r.map(zoneOf)).size !== r.length).map(([tp, r]) => `${tp}: ${r}`);
    expect(unspread).toEqual([]);
    const load = new Map<number, number>();
    for (const [, r] of orders) for (const id of r) load.set(id, (load.get(id) ?? 0) + 1);
    figures.ordersReplicasPerBroker = [...load.entries()].sort((a, b) => a[0] - b[0]).map(([id, n]) => `${id}:${n}`).join(',');
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
    expect(await registeredBrokers()).toEqual([1000, 1001, 1100, 1101, 1200, 1201]);
    expect(result.acked).toBeGreaterThan(300);
    expect(result.missing).toEqual([]);
  }), 600_000);

  test('21. 6 -> 3 brokers under acks=all: the drain completes before any broker stops, no acknowledged message lost, the removed brokers are unregistered', report.scenario('21 scale in 6 to 3', async (figures) => {
    const departing = [1001, 1101, 1201];
    const onDepartingAtStop: string[][] = [];
    shim.trackStatefulSets({ 'kafka-broker-0': 2, 'kafka-broker-1': 2, 'kafka-broker-2': 2 }, async () => {
      const now = await placement();
      onDepartingAtStop.push([...now.entries()].filter(([, r]) => r.some((id) => departing.includes(id))).map(([tp, r]) => `${tp} on ${r.join(',')}`));
    });
    const eventsBefore = shim.scaleEvents.length;
    let job = { code: -1, out: '', ms: 0 };
    const result = await underProduction(11, async () => {
      job = await runScale(three, { skipDrain: BREAK === 'scale-in-skip-drain' });
      shim.apply([...JSON.parse(JSON.stringify(three)), ...runtimeObjects]);
    });
    figures.jobS = seconds(job.ms);
    figures.acked = result.acked;
    figures.missing = result.missing.length;
    const stops = shim.scaleEvents.slice(eventsBefore);
    expect(stops.map((e) => `${e.action} ${e.pod}`).sort()).toEqual(['stop kafka-broker-0-1', 'stop kafka-broker-1-1', 'stop kafka-broker-2-1']);
    // The drain came first: when the first departing broker stopped, no partition had a replica on a departing broker.
    expect({ replicasOnDepartingBrokersWhenTheyStopped: onDepartingAtStop.flat() }).toEqual({ replicasOnDepartingBrokersWhenTheyStopped: [] });
    expect({ code: job.code, tail: job.code === 0 ? '' : job.out.slice(-3000) }).toEqual({ code: 0, tail: '' });
    expect(shim.errors).toEqual([]);
    expect(job.out).toMatch(/scale: plan: \d+ partition\(s\) move/);
    const drainedAt = job.out.indexOf('scale: reassignment complete');
    const firstScale = job.out.indexOf('scale: scaling StatefulSet');
    expect(drainedAt).toBeGreaterThan(-1);
    expect(firstScale).toBeGreaterThan(drainedAt);
    for (const b of brokers.filter((p) => p.ordinal === 1)) expect({ pod: b.name, running: local.isRunning(b) }).toEqual({ pod: b.name, running: false });
    expect(await registeredBrokers()).toEqual([1000, 1100, 1200]);
    const after = await placement();
    expect([...after.values()].flat().filter((id) => departing.includes(id))).toEqual([]);
    expect(result.acked).toBeGreaterThan(300);
    expect(result.missing).toEqual([]);
    // A re-run of the same Job finds nothing to do.
    const eventsDone = shim.scaleEvents.length;
    const again = await runScale(three);
    expect(again.code).toBe(0);
    expect(again.out).toContain('scale: plan: no partition moves');
    expect(shim.scaleEvents.length).toBe(eventsDone);
  }), 600_000);
});
