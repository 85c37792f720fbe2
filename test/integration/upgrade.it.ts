/**
 * A Kafka upgrade end to end, only with KAFKA_IT_UPGRADE=1 (it starts a cluster
 * of its own and rolls all six nodes: minutes, too slow for every CI run; CI
 * runs roll.it.ts scenario 13 instead, the same Job on live Kafka). KRaft, 3
 * controllers + 3 brokers: Kafka 4.0 with metadata version 4.0, then the image
 * changed to 4.1 (rolled by the synthesized roll Job, `kubectl` the one
 * stand-in as in roll.it.ts), then `metadataVersion: '4.1'` finalized by the
 * synthesized metadata-version Job. Each pod runs the Kafka release of its
 * container image (LocalCluster `kafkaHomes`).
 */
import * as path from 'path';
import { Chart } from 'cdk8s';
import { KAFKA_DEFAULT_IMAGES } from '../../lib/kafka/constants';
import { KafkaCluster, KafkaClusterProps, KafkaTopic } from '../../lib/kafka';
import { JMX_EXPORTER_AGENT } from '../../lib/kafka/observability/jmx-agent';
import { CACHE_DIR, resolveJars, UPGRADE_FROM_IMAGE } from './harness/jars';
import { byKind, jobNamed, K8sObject, podTemplate, synthChart } from './harness/k8s';
import { KafkaHome, writeKafkaHome } from './harness/kafka-home';
import { startAndWaitReady } from './harness/kafka-pods';
import { KafkaTools } from './harness/kafka-tools';
import { LocalCluster, LocalPod } from './harness/local-cluster';
import { killAll, reapLeftovers, waitFor } from './harness/processes';
import { SuiteReport } from './harness/report';
import { generateUserSecrets } from './harness/secrets';
import { KubeShim } from './roll/kube-shim';

const ENABLED = process.env.KAFKA_IT_UPGRADE === '1';
const report = new SuiteReport('upgrade');
const TOPIC = 'orders';
const TO_IMAGE = KAFKA_DEFAULT_IMAGES.kafkaKraft;
const ROLL = { pollSeconds: 2, checkTimeoutSeconds: 240 };

let local: LocalCluster;
let shim: KubeShim;
let tools: KafkaTools;
let pods: LocalPod[];
const seconds = (ms: number) => Math.round(ms / 100) / 10;

function synthCluster(props: Partial<KafkaClusterProps>): K8sObject[] {
  return synthChart((chart: Chart) => {
    const cluster = new KafkaCluster(chart, 'kafka', { zones: ['zone-a', 'zone-b', 'zone-c'], rollingRestart: ROLL, ...props });
    new KafkaTopic(chart, 'orders', { cluster, name: TOPIC, partitions: 6 });
  });
}

async function finalizedMetadataVersion(): Promise<string> {
  const out = await tools.ok('kafka-features.sh', ['--bootstrap-server', local.rewrite('kafka-bootstrap.kafka.svc.cluster.local:9092'), '--command-config', tools.configWith('features', {}), 'describe']);
  return /Feature: metadata\.version\s.*FinalizedVersionLevel: (\S+)/.exec(out)?.[1] ?? 'unknown';
}

async function fullyInSync(): Promise<void> {
  await waitFor(`${TOPIC} fully in sync`, async () => (await tools.describeTopic(TOPIC)).partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length), 180_000, 1000);
}

const maybe = ENABLED ? describe : describe.skip;

maybe('upgrade (KRaft): Kafka 4.0 -> 4.1 image roll, then metadata.version 4.0 -> 4.1 by the synthesized Jobs', () => {
  let objects: K8sObject[];
  let homes: Record<string, KafkaHome>;

  beforeAll(async () => {
    reapLeftovers();
    resolveJars('jmx', { 'jmx.exporter.version': JMX_EXPORTER_AGENT.version });
    homes = {
      [UPGRADE_FROM_IMAGE]: writeKafkaHome(path.join(CACHE_DIR, 'upgrade', 'kafka40-home'), resolveJars('kafka40')),
      [TO_IMAGE]: writeKafkaHome(path.join(CACHE_DIR, 'upgrade', 'kafka41-home'), resolveJars('kafka41')),
    };
    objects = synthCluster({ image: UPGRADE_FROM_IMAGE, metadataVersion: '4.0' });
    const { secrets } = generateUserSecrets(objects);
    const shimDir = path.join(CACHE_DIR, 'upgrade', 'kube-shim');
    const imageOf = (w: K8sObject) => podTemplate(w).spec.containers[0].image as string;
    local = await LocalCluster.create({
      runDir: 'upgrade', objects, kafkaHome: homes[TO_IMAGE], kafkaHomes: homes, secrets, heapOpts: '-Xms64m -Xmx256m',
      include: (w) => ['broker', 'controller'].includes(w.metadata.labels?.['app.kubernetes.io/component'] ?? ''),
      imagePath: (w) => (w.kind === 'Job' && w.metadata.name.startsWith('kafka-roll-') ? [shimDir, homes[TO_IMAGE].imageBin] : [(homes[imageOf(w)] ?? homes[TO_IMAGE]).imageBin]),
    });
    shim = await KubeShim.start(local, objects, 'kafka', shimDir);
    pods = local.select({ 'app.kubernetes.io/instance': 'kafka' }).filter((p) => ['broker', 'controller'].includes(p.labels['app.kubernetes.io/component']));
    tools = new KafkaTools(homes[TO_IMAGE], path.join(local.root, 'tools'), () => local.rewrite('kafka-bootstrap.kafka.svc.cluster.local:9092'), {
      securityProtocol: 'SASL_PLAINTEXT', mechanism: 'SCRAM-SHA-512', jaasConfig: secrets['kafka-user-admin']['sasl.jaas.config'],
    });
    await startAndWaitReady(local, pods);
    for (const prefix of ['users', 'topics']) {
      const res = await local.runJob(jobNamed(objects, `kafka-${prefix}`));
      if (res.code !== 0) throw new Error(`Job ${prefix} failed:\n${res.stdout.slice(-3000)}`);
    }
  }, 600_000);

  afterAll(async () => {
    await shim?.close();
    await local?.killAll();
    killAll();
    report.write();
  });

  test('U1. a Kafka 4.0 cluster at metadata 4.0 rolls to the 4.1 image, then the metadata-version Job finalizes 4.1', report.scenario('U1 image roll + metadata version bump', async (figures) => {
    const start = await local.runJob(jobNamed(objects, 'kafka-metadata-version'));
    expect({ code: start.code, out: start.stdout.trim().split('\n').pop() }).toEqual({ code: 0, out: expect.stringMatching(/^apply-metadata-version: metadata\.version is already 4\.0-IV\d+$/) });
    figures.before = await finalizedMetadataVersion();

    // 1. The image: every node rolls, one at a time, after Kafka's checks.
    const upgraded = synthCluster({ image: TO_IMAGE, metadataVersion: '4.0' });
    const startsBefore = pods.map((p) => p.starts);
    shim.apply(upgraded);
    const t0 = Date.now();
    const roll = await local.runJob(jobNamed(upgraded, 'kafka-roll'), 900_000);
    figures.rollS = seconds(Date.now() - t0);
    expect(shim.errors).toEqual([]);
    expect({ code: roll.code, tail: roll.code === 0 ? '' : roll.stdout.slice(-2000) }).toEqual({ code: 0, tail: '' });
    expect(shim.deletes.slice(0, 3).every((p) => p.startsWith('kafka-controller-'))).toBe(true);
    expect([...shim.deletes].sort()).toEqual(pods.map((p) => p.name).sort());
    expect(pods.map((p) => p.starts)).toEqual(startsBefore.map((n) => n + 1));
    expect(shim.maxDown).toBe(1);
    await fullyInSync();
    expect((await tools.describeTopic(TOPIC)).partitions.filter((p) => p.isr.length < p.replicas.length)).toEqual([]);
    // Still at 4.0: the image alone never changes the metadata version.
    expect(await finalizedMetadataVersion()).toBe(figures.before);

    // 2. The metadata version: no pod changes, the Job finalizes it.
    const bumped = synthCluster({ image: TO_IMAGE, metadataVersion: '4.1' });
    expect(byKind(bumped, 'StatefulSet')).toEqual(byKind(upgraded, 'StatefulSet'));
    shim.apply(bumped);
    const bump = await local.runJob(jobNamed(bumped, 'kafka-metadata-version'));
    expect({ code: bump.code, tail: bump.code === 0 ? '' : bump.stdout.slice(-2000) }).toEqual({ code: 0, tail: '' });
    expect(bump.stdout).toMatch(/apply-metadata-version: metadata\.version upgraded from 4\.0-IV\d+ to 4\.1-IV\d+/);
    figures.after = await finalizedMetadataVersion();
    expect(figures.after).toMatch(/^4\.1-IV\d+$/);
    expect(pods.map((p) => p.starts)).toEqual(startsBefore.map((n) => n + 1));
    // And back down is refused.
    const down = await local.runJob(jobNamed(synthCluster({ image: TO_IMAGE, metadataVersion: '4.0' }), 'kafka-metadata-version'));
    expect(down.code).not.toBe(0);
    expect(down.stdout).toContain('REFUSED: metadataVersion 4.0 is a downgrade');
  }), 1_200_000);
});
