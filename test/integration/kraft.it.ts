/**
 * HA scenarios against a live KRaft cluster (Kafka 4.1): 3 controllers + 3
 * brokers in three zones, plus the declared Kafka Connect workers, started from the
 * configuration our constructs synthesize (ConfigMaps, env vars, start and
 * readiness scripts, Jobs) as local JVMs on 127.0.0.1.
 * See the README ("How we test HA").
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { jmxExporterOutputName } from '../../lib/kafka/observability/component-jmx-rules';
import { JMX_EXPORTER_AGENT } from '../../lib/kafka/observability/jmx-agent';
import { ClusterOpsTarget, consumedValues, restoreAll as restoreStopped, waitFullyReplicated as waitInSync } from '../../lib/verify/scenarios/cluster-ops';
import { alertMetricSources } from '../../lib/kafka/monitoring/alert-rules';
import { BLACKBOX_EXPORTER_METRICS, KAFKA_EXPORTER_METRICS, KUBELET_METRICS, SCHEMA_REGISTRY_METRICS } from '../../lib/kafka/observability/metric-names';
import { CACHE_DIR, resolveJars } from './harness/jars';
import { jobNamed, K8sObject, synthChart } from './harness/k8s';
import { writeKafkaHome } from './harness/kafka-home';
import { logTail, nodeIdOf, parseExposition, Sample, scrape, startAndWaitReady, waitReady } from './harness/kafka-pods';
import { KafkaTools, readProducerReport } from './harness/kafka-tools';
import { LocalCluster, LocalPod } from './harness/local-cluster';
import { KraftPlatform, ORDERS_TOPIC, PRODUCER_ACKS, SINK_CONNECTOR, kraftPlatform } from './harness/platform';
import { atMost, killAll, nonLoopbackListeners, reapLeftovers, terminate, waitFor } from './harness/processes';
import { evaluateWithPromtool, metricNamesIn, synthesizedAlertRules, synthesizedPrometheusConfig, targetLabels } from './harness/prometheus';
import { SuiteReport } from './harness/report';
import { generateUserSecrets } from './harness/secrets';
import { generateNodeTls, writeLocalCaBundle } from './harness/node-tls';

const report = new SuiteReport('kraft');
const HEAP = '-Xms64m -Xmx256m';
const NOT_ENOUGH_REPLICAS = 'org.apache.kafka.common.errors.NotEnoughReplicasException';

let objects: K8sObject[];
let platform: KraftPlatform;
let jmxAgentJar: string;
let local: LocalCluster;
let tools: KafkaTools;
let controllers: LocalPod[];
let brokers: LocalPod[];
const nodeIds = new Map<string, number>();

const kafka = () => platform.cluster;
const idOf = (pod: LocalPod) => nodeIds.get(pod.name)!;
const seconds = (ms: number) => Math.round(ms / 100) / 10;

function job(prefix: string): K8sObject {
  return jobNamed(objects, prefix);
}

async function runJobOk(prefix: string): Promise<string> {
  const res = await local.runJob(job(prefix));
  if (res.code !== 0) throw new Error(`Job ${prefix} failed (exit ${res.code}):\n${res.stdout.slice(-3000)}`);
  return res.stdout;
}

/** This suite's cluster as the shared cluster operations see it (lib/verify/scenarios/cluster-ops.ts). */
const ops = (): ClusterOpsTarget => ({ local, tools, brokers, quorum: controllers, facts: { metricsPort: kafka().metricsPort, metricsPath: kafka().metricsPath } });
const waitFullyReplicated = (topic: string) => waitInSync(ops(), topic);
const restoreAll = () => restoreStopped(ops());

/** Consumes the whole topic and checks every acknowledged value is there. */
async function verifyNoAckedLoss(topic: string, acked: string[], prefix: string): Promise<{ consumed: number; missing: string[] }> {
  const seen = await consumedValues(ops(), topic, prefix);
  return { consumed: seen.size, missing: acked.filter((v) => !seen.has(v)) };
}

beforeAll(async () => {
  reapLeftovers();
  const t0 = Date.now();
  const jars = resolveJars('kafka41');
  // Kafka Connect runs the Kafka line of its synthesized image (cp-kafka-connect 7.9 = Kafka 3.9).
  const connectJars = resolveJars('kafka39');
  jmxAgentJar = resolveJars('jmx', { 'jmx.exporter.version': JMX_EXPORTER_AGENT.version }).jars[0];
  report.facts['jars resolved (s)'] = seconds(Date.now() - t0);
  objects = synthChart((chart) => {
    platform = kraftPlatform(chart);
  });
  fs.mkdirSync(path.join(CACHE_DIR, 'kraft'), { recursive: true });
  fs.writeFileSync(path.join(CACHE_DIR, 'kraft', 'synthesized.json'), JSON.stringify(objects, undefined, 1));
  const { secrets } = generateUserSecrets(objects);
  // The node certificate Secret and the CA bundle ConfigMap, from the synthesized certificate Job's own script.
  const nodeTls = generateNodeTls(objects);
  Object.assign(secrets, nodeTls.secrets);
  objects = [...objects, ...nodeTls.objects];
  const home = writeKafkaHome(path.join(CACHE_DIR, 'kraft', 'kafka-home'), jars);
  const connectHome = writeKafkaHome(path.join(CACHE_DIR, 'kraft', 'connect-home'), connectJars);
  const runs = (w: K8sObject) => w.metadata.labels?.['app.kubernetes.io/instance'] === kafka().clusterName
    && ['broker', 'controller'].includes(w.metadata.labels?.['app.kubernetes.io/component'] ?? '')
    || (w.kind === 'Deployment' && w.metadata.name === platform.connect.connectName);
  const emptyImageDir = path.join(CACHE_DIR, 'kraft', 'image-empty-dir');
  fs.mkdirSync(emptyImageDir, { recursive: true });
  local = await LocalCluster.create({
    runDir: 'kraft', objects, kafkaHome: home, secrets, heapOpts: HEAP, include: runs,
    imagePath: (w) => [w.metadata.name === platform.connect.connectName ? connectHome.imageBin : home.imageBin],
    imageDirs: { '/usr/share/java': emptyImageDir, '/usr/share/confluent-hub-components': emptyImageDir },
  });
  controllers = local.select(kafka().metadataQuorumSelector);
  brokers = local.select(kafka().brokerSelector);
  const admin = secrets[`${kafka().clusterName}-user-admin`];
  if (!admin) throw new Error(`no admin Secret among the generated ones: ${Object.keys(secrets).join(', ')}`);
  tools = new KafkaTools(home, path.join(local.root, 'tools'), () => local.rewrite(kafka().internalBootstrapServers), {
    securityProtocol: kafka().internalSecurityProtocol, mechanism: kafka().saslMechanism, jaasConfig: admin['sasl.jaas.config'],
    caFile: writeLocalCaBundle(objects, path.join(local.root, 'tools')),
  });
  const t1 = Date.now();
  await startAndWaitReady(local, [...controllers, ...brokers]);
  for (const p of [...controllers, ...brokers]) nodeIds.set(p.name, await nodeIdOf(p));
  report.facts['3 controllers + 3 brokers started and ready (s)'] = seconds(Date.now() - t1);
  // Loopback only: no JVM we started listens on another address.
  await local.assertLoopbackOnly();
  report.facts['listeners beyond 127.0.0.1'] = 0;
}, 420_000);

afterAll(async () => {
  await local?.killAll();
  killAll();
  report.write();
});

describe('KRaft (Kafka 4.1): 3 controllers + 3 brokers in 3 zones', () => {
  test('1. start and form: quorum, brokers on their racks, declared topic RF 3 / min ISR 2 on three racks', report.scenario('1 start and form', async (figures) => {
    expect(controllers).toHaveLength(3);
    expect(brokers).toHaveLength(3);

    const status = await tools.quorumStatus();
    const controllerIds = controllers.map(idOf);
    expect(controllerIds).toContain(status.leaderId);
    expect([...status.voters].sort()).toEqual([...controllerIds].sort());
    figures.quorumLeader = status.leaderId;

    const racks = await tools.brokerRacks();
    expect([...racks.keys()].sort()).toEqual(brokers.map(idOf).sort());
    for (const b of brokers) {
      expect(b.zone).toBeDefined();
      expect(racks.get(idOf(b))).toBe(b.zone);
    }
    figures.racks = brokers.map((b) => `${idOf(b)}:${racks.get(idOf(b))}`).join(',');

    // The synthesized Jobs, run for real: SCRAM users first, then the declared topics.
    await runJobOk(`${kafka().clusterName}-users`);
    const topicsOut = await runJobOk(`${kafka().clusterName}-topics`);
    expect(topicsOut).toContain(`topic ${ORDERS_TOPIC} is up to date`);

    const desc = await tools.describeTopic(ORDERS_TOPIC);
    expect(desc.replicationFactor).toBe(3);
    expect(desc.partitionCount).toBe(6);
    const effective = await tools.topicConfig(ORDERS_TOPIC);
    expect(effective['min.insync.replicas']).toBe('2');
    const rackOf = new Map(brokers.map((b) => [idOf(b), b.zone!]));
    for (const p of desc.partitions) {
      expect(p.replicas).toHaveLength(3);
      expect(new Set(p.replicas.map((id) => rackOf.get(id))).size).toBe(3);
    }
    figures.partitions = desc.partitionCount;
    figures.minIsr = effective['min.insync.replicas'];

  }));

  test('2. zone loss: kill -9 one broker during acks=all production; every acked message is consumed', report.scenario('2 zone loss, no data loss', async (figures) => {
    const outFile = path.join(local.root, 'tools', 's2-producer.jsonl');
    const config = tools.configWith('s2-producer', { 'delivery.timeout.ms': '120000', 'request.timeout.ms': '15000', 'linger.ms': '5' });
    const producer = tools.startVerifiableProducer(ORDERS_TOPIC, { maxMessages: 9000, throughput: 300, acks: PRODUCER_ACKS, config, valuePrefix: 2, outFile });
    try {
      await waitFor('1000 acknowledged messages', () => (producer.hasExited() ? Promise.reject(new Error(fs.readFileSync(outFile, 'utf8').slice(-2000))) : readProducerReport(outFile).acked.length >= 1000), 90_000, 250);
      const victim = brokers[1];
      const ackedAtKill = readProducerReport(outFile).acked.length;
      const tKill = Date.now();
      await local.kill(victim);
      // Leadership moves off the dead broker (its session times out at the controller).
      await waitFor('no partition led by the killed broker', async () => (await tools.describeTopic(ORDERS_TOPIC)).partitions.every((p) => p.leader >= 0 && p.leader !== idOf(victim)), 60_000, 500);
      figures.leadersMovedAfterKillS = seconds(Date.now() - tKill);
      // Production continues with one zone down.
      await waitFor('500 more acks after the kill', () => readProducerReport(outFile).acked.length >= ackedAtKill + 500, 90_000, 250);
      figures.ackedWhileZoneDown = readProducerReport(outFile).acked.length - ackedAtKill;
      await local.start(victim);
      figures.restartedReadyS = seconds(await waitReady(local, victim));
      await waitFullyReplicated(ORDERS_TOPIC);
      figures.caughtUpAfterKillS = seconds(Date.now() - tKill);
      await atMost(producer.exited, 120_000);
    } finally {
      await terminate(producer, 10_000);
    }
    const produced = readProducerReport(outFile);
    const { consumed, missing } = await verifyNoAckedLoss(ORDERS_TOPIC, produced.acked, '2');
    figures.acked = produced.acked.length;
    figures.consumed = consumed;
    figures.sendErrors = [...produced.errors.values()].reduce((a, b) => a + b, 0);
    figures.missing = missing.length;
    expect(produced.acked.length).toBeGreaterThanOrEqual(1500);
    expect(missing).toEqual([]);
  }));

  test('3. refuse rather than lose: two brokers down, acks=all writes fail with NOT_ENOUGH_REPLICAS', report.scenario('3 refuse rather than lose', async (figures) => {
    const [survivor, ...down] = brokers;
    try {
      await Promise.all(down.map((b) => local.kill(b)));
      await waitFor('the survivor leads every partition', async () => (await tools.describeTopic(ORDERS_TOPIC)).partitions.every((p) => p.leader === idOf(survivor)), 60_000, 500);
      // No retries: each send reports the broker's answer instead of retrying until the delivery timeout.
      const config = tools.configWith('s3-producer', { 'retries': '0', 'enable.idempotence': 'false', 'delivery.timeout.ms': '30000', 'request.timeout.ms': '10000', 'linger.ms': '0' });
      const outFile = path.join(local.root, 'tools', 's3-producer.jsonl');
      const producer = tools.startVerifiableProducer(ORDERS_TOPIC, { maxMessages: 60, throughput: 60, acks: PRODUCER_ACKS, config, valuePrefix: 3, outFile });
      await atMost(producer.exited, 90_000);
      await terminate(producer, 5000);
      const res = readProducerReport(outFile);
      figures.acked = res.acked.length;
      figures.rejectedNotEnoughReplicas = res.errors.get(NOT_ENOUGH_REPLICAS) ?? 0;
      figures.otherErrors = [...res.errors.entries()].filter(([k]) => k !== NOT_ENOUGH_REPLICAS).map(([k, v]) => `${k.split('.').pop()}:${v}`).join(',') || 'none';
      expect({ acked: res.acked.length, firstAcked: res.acked.slice(0, 3) }).toEqual({ acked: 0, firstAcked: [] });
      expect(res.errors.get(NOT_ENOUGH_REPLICAS) ?? 0).toBeGreaterThan(0);
    } finally {
      await restoreAll();
      await waitFullyReplicated(ORDERS_TOPIC);
    }
  }));

  test('4. controller failover: kill the active controller; a new leader is elected and topics can still be created', report.scenario('4 controller failover', async (figures) => {
    const before = await tools.quorumStatus();
    const active = controllers.find((c) => idOf(c) === before.leaderId);
    if (!active) throw new Error(`quorum leader ${before.leaderId} is not one of our controllers`);
    const others = controllers.filter((c) => c !== active);
    const tKill = Date.now();
    await local.kill(active);
    // The survivors' own view (raft current-leader from their exporters), polled fast.
    const newLeader = await waitFor('the surviving controllers to agree on a new leader', async () => {
      const leaders = await Promise.all(others.map(async (c) => parseExposition(await scrape(local, c, kafka().metricsPort, kafka().metricsPath))
        .find((s) => s.name === 'kafka_server_raft_metrics_current_leader')?.value));
      return leaders.every((l) => l !== undefined && l >= 0 && l !== before.leaderId && l === leaders[0]) ? { id: leaders[0]! } : undefined;
    }, 60_000, 100);
    figures.electionS = seconds(Date.now() - tKill);
    figures.oldLeader = before.leaderId;
    figures.newLeader = newLeader.id;
    const after = await tools.quorumStatus();
    expect(after.leaderId).toBe(newLeader.id);
    expect(after.leaderEpoch).toBeGreaterThan(before.leaderEpoch);
    try {
      await tools.createTopic('after-failover', 3, 3, { 'min.insync.replicas': '2' });
      const d = await tools.describeTopic('after-failover');
      expect(d.replicationFactor).toBe(3);
      expect(d.partitions.every((p) => p.leader >= 0)).toBe(true);
      figures.topicCreatedAfterS = seconds(Date.now() - tKill);
    } finally {
      await restoreAll();
    }
  }));

  test('6. metrics are real: every alert-rule metric is scraped; the URP alert fires only while a broker is down', report.scenario('6 metrics are real', async (figures) => {
    const promConfig = synthesizedPrometheusConfig(objects);
    const jobNamed = (name: string) => {
      const j = (promConfig.scrape_configs ?? []).find((s: { job_name: string }) => s.job_name === name);
      if (!j) throw new Error(`no scrape job ${name} in the synthesized prometheus.yml`);
      return j;
    };
    const brokerJob = jobNamed(platform.monitoring.brokerTarget.jobName);
    const quorumJob = jobNamed(platform.monitoring.metadataQuorumTarget.jobName);
    const scrapeAll = async () => {
      const out: Array<{ pod: LocalPod; target: Record<string, string>; samples: Sample[] }> = [];
      for (const [pods, jobConfig] of [[brokers, brokerJob], [controllers, quorumJob]] as const) {
        for (const pod of pods.filter((p) => local.isRunning(p))) {
          const target = targetLabels(jobConfig, pod, { namespace: kafka().namespace, port: kafka().metricsPort, node: `node-${pod.zone}` });
          if (!target) throw new Error(`scrape job ${jobConfig.job_name} of the synthesized config does not keep pod ${pod.name}`);
          out.push({ pod, target, samples: parseExposition(await scrape(local, pod, kafka().metricsPort, kafka().metricsPath)) });
        }
      }
      return out;
    };

    // The agent each pod runs is what its init container downloaded and checked: the very jar Maven Central serves for the pinned version.
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    for (const pod of [...brokers, ...controllers]) {
      expect({ pod: pod.name, sha: sha(path.join(pod.dir, 'volumes', 'jmx-exporter', 'jmx_prometheus_javaagent.jar')) }).toEqual({ pod: pod.name, sha: sha(jmxAgentJar) });
    }
    figures.agentJar = path.basename(jmxAgentJar);

    const healthy = await scrapeAll();
    const scrapedNames = new Set(healthy.flatMap((s) => s.samples.map((x) => x.name)));
    const rules = synthesizedAlertRules(objects);
    const lagExporter = new Set<string>(Object.values(KAFKA_EXPORTER_METRICS));
    const kubelet = new Set<string>(Object.values(KUBELET_METRICS));
    // The certificate probe's metrics come from the real blackbox exporter, run against TLS servers by
    // test/kafka/monitoring/certificate-probe-live.test.ts, not from these JVMs.
    const blackbox = new Set<string>(Object.values(BLACKBOX_EXPORTER_METRICS));
    const needed = new Map<string, string[]>();
    for (const r of rules) for (const n of metricNamesIn(r.expr)) needed.set(n, [...(needed.get(n) ?? []), r.alert]);
    const fromKafkaJvms = [...needed.keys()].filter((n) => /^kafka_(server|controller|log|network)_/.test(n));
    const missing = fromKafkaJvms.filter((n) => !scrapedNames.has(n));
    // Schema Registry runs in no JVM here: its alert metrics are checked by running the real JMX agent on the
    // synthesized exporter config against Schema-Registry-shaped MBeans (test/kafka/ecosystem/jmx-rules.test.ts).
    const schemaRegistry = new Set<string>(alertMetricSources(platform.monitoring.alertRules).schemaRegistry);
    expect([...schemaRegistry].filter((n) => !needed.has(n))).toEqual([]);
    expect(needed.get(SCHEMA_REGISTRY_METRICS.primaryRole)).toEqual(['SchemaRegistryNoPrimary']);
    figures.schemaRegistryMetricsCheckedByAgentTest = [...schemaRegistry].join(',');
    const unaccounted = [...needed.keys()].filter((n) => !fromKafkaJvms.includes(n) && !lagExporter.has(n) && !kubelet.has(n) && !schemaRegistry.has(n) && !blackbox.has(n) && n !== 'up' && !n.startsWith('kafka_connect_'));
    figures.alertRules = rules.length;
    figures.brokerControllerMetricsChecked = fromKafkaJvms.length;
    figures.notFromKafkaJvms = [...needed.keys()].filter((n) => !fromKafkaJvms.includes(n)).join(',');
    expect(missing).toEqual([]);
    expect(unaccounted).toEqual([]);
    expect(fromKafkaJvms.length).toBeGreaterThanOrEqual(4);

    const urpRule = rules.find((r) => r.expr.includes('kafka_server_replicamanager_underreplicatedpartitions'));
    if (!urpRule) throw new Error('no generated alert rule reads kafka_server_replicamanager_underreplicatedpartitions');
    const dir = path.join(local.root, 'promtool');
    figures.urpHealthy = await evaluateWithPromtool(path.join(dir, 'healthy'), urpRule.expr, healthy);
    expect(figures.urpHealthy).toBe(0);

    const victim = brokers[2];
    try {
      await local.kill(victim);
      const degraded = await waitFor('the surviving brokers to report under-replicated partitions', async () => {
        const s = await scrapeAll();
        const urp = s.flatMap((x) => x.samples).filter((x) => x.name === 'kafka_server_replicamanager_underreplicatedpartitions').reduce((n, x) => n + x.value, 0);
        return urp > 0 ? s : undefined;
      }, 90_000, 1000);
      figures.urpAlertSeriesWhileDown = await evaluateWithPromtool(path.join(dir, 'degraded'), urpRule.expr, degraded);
      expect(figures.urpAlertSeriesWhileDown).toBeGreaterThan(0);
    } finally {
      await restoreAll();
    }
    await waitFullyReplicated(ORDERS_TOPIC);
    const recovered = await scrapeAll();
    figures.urpAfterRecovery = await evaluateWithPromtool(path.join(dir, 'recovered'), urpRule.expr, recovered);
    expect(figures.urpAfterRecovery).toBe(0);
  }));

  test('7. Connect: every declared worker from the synthesized config in one group, compacted RF 3 internal topics, connector RUNNING via the REST submission Job', report.scenario('7 Connect', async (figures) => {
    const connect = platform.connect;
    const workers = local.select(connect.podSelector);
    expect(workers.length).toBeGreaterThanOrEqual(2);
    // Every declared worker runs: each listens on and advertises its own local REST port (CONNECT_REST_PORT, moved by rewrite.ts).
    await Promise.all(workers.map((w) => local.start(w)));
    const readyS: number[] = [];
    for (const w of workers) {
      try {
        readyS.push(seconds(await waitReady(local, w, 240_000)));
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${logTail(w, 60)}`);
      }
    }
    figures.workers = workers.length;
    figures.workersReadyS = readyS.join(',');
    expect(await nonLoopbackListeners(workers.map((w) => w.process!.pid))).toEqual([]);
    const restPorts = workers.map((w) => local.port(w, 8083));
    expect(new Set(restPorts).size).toBe(workers.length);
    for (const topic of [connect.topics.config, connect.topics.offset, connect.topics.status]) {
      const d = await tools.describeTopic(topic);
      expect({ topic, rf: d.replicationFactor }).toEqual({ topic, rf: 3 });
      const cfg = await tools.topicConfig(topic);
      expect({ topic, policy: cfg['cleanup.policy'] }).toEqual({ topic, policy: 'compact' });
    }
    const submitted = await runJobOk(`${connect.connectName}-connectors`);
    expect(submitted).toContain(`connector ${SINK_CONNECTOR}: applied`);
    type ConnectorStatus = { connector: { state: string; worker_id: string }; tasks: Array<{ id: number; state: string; worker_id: string; trace?: string }> };
    const status = await waitFor(`${SINK_CONNECTOR} and its task RUNNING`, async () => {
      const res = await fetch(`http://127.0.0.1:${restPorts[0]}/connectors/${SINK_CONNECTOR}/status`);
      if (res.status !== 200) return undefined;
      const body = await res.json() as ConnectorStatus;
      if (body.tasks.some((t) => t.state === 'FAILED')) throw new Error(`task failed: ${body.tasks.map((t) => t.trace).join('\n')}`);
      return body.connector.state === 'RUNNING' && body.tasks.length > 0 && body.tasks.every((t) => t.state === 'RUNNING') ? body : undefined;
    }, 120_000, 1000);
    figures.connectorState = status.connector.state;
    figures.tasks = status.tasks.length;

    // One group: the connector and its tasks run on the workers we started, each advertised as 127.0.0.1:<its own port>.
    const workerIds = new Set(restPorts.map((p) => `127.0.0.1:${p}`));
    const assignedTo = [status.connector.worker_id, ...status.tasks.map((t) => t.worker_id)];
    expect(assignedTo.filter((id) => !workerIds.has(id))).toEqual([]);
    figures.assignedWorkers = [...new Set(assignedTo)].sort().join(',');
    // Task configs are served by the group leader only: a follower forwards the request to the leader URL it learned
    // from the group's assignment, so every worker answering with the same tasks means every worker is in that group.
    const taskIds: string[] = [];
    for (const port of restPorts) {
      const res = await fetch(`http://127.0.0.1:${port}/connectors/${SINK_CONNECTOR}/tasks`);
      expect({ port, status: res.status }).toEqual({ port, status: 200 });
      const tasks = await res.json() as Array<{ id: { connector: string; task: number } }>;
      taskIds.push(tasks.map((t) => `${t.id.connector}-${t.id.task}`).sort().join(','));
    }
    expect(new Set(taskIds).size).toBe(1);
    expect(taskIds[0].split(',')).toHaveLength(status.tasks.length);

    // The group shares one assignment: over all workers, the connector runs once and each task once
    // (separate groups would each run their own copy). connector-count / task-count are per-worker gauges.
    const connectorCount = jmxExporterOutputName('kafka_connect_worker_connector-count');
    const taskCount = jmxExporterOutputName('kafka_connect_worker_task-count');
    const scrapeWorkers = async () => Promise.all(workers.map(async (w) => parseExposition(await scrape(local, w, 9404, '/metrics'))));
    const total = (scrapes: Sample[][], name: string) => scrapes.flat().filter((x) => x.name === name).reduce((n, x) => n + x.value, 0);
    let counted = '';
    const scrapes = await waitFor('one connector and its tasks counted once over all workers', async () => {
      const all = await scrapeWorkers();
      counted = `${connectorCount}=${total(all, connectorCount)} ${taskCount}=${total(all, taskCount)}`;
      return total(all, connectorCount) === 1 && total(all, taskCount) === status.tasks.length ? all : undefined;
    }, 60_000, 1000).catch((e: Error) => { throw new Error(`${e.message} (last: ${counted})`); });
    figures.connectorsOverWorkers = total(scrapes, connectorCount);
    figures.tasksOverWorkers = total(scrapes, taskCount);

    const connectAlertMetrics = synthesizedAlertRules(objects).flatMap((r) => metricNamesIn(r.expr)).filter((n) => n.startsWith('kafka_connect_'));
    const scraped = (n: string) => scrapes.some((samples) => samples.some((x) => x.name === n));
    figures.connectAlertMetricsScraped = connectAlertMetrics.filter(scraped).length;
    expect(connectAlertMetrics.filter((n) => !scraped(n))).toEqual([]);
  }), 420_000);
});
