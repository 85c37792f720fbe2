/**
 * ZooKeeper mode (the legacy option): 3 ZooKeeper servers + 3 Kafka 3.9
 * brokers in three zones, started from what KafkaCluster synthesizes with
 * `metadataMode: ZOOKEEPER`, as local JVMs on 127.0.0.1.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KafkaCluster } from '../../lib/kafka';
import { JMX_EXPORTER_AGENT } from '../../lib/kafka/observability/jmx-agent';
import { CACHE_DIR, resolveJars } from './harness/jars';
import { jobNamed, K8sObject, synthChart } from './harness/k8s';
import { writeKafkaHome, writeZooKeeperHome } from './harness/kafka-home';
import { nodeIdOf, startAndWaitReady } from './harness/kafka-pods';
import { KafkaTools, readProducerReport } from './harness/kafka-tools';
import { LocalCluster, LocalPod } from './harness/local-cluster';
import { ORDERS_TOPIC, PRODUCER_ACKS, zookeeperCluster } from './harness/platform';
import { atMost, killAll, reapLeftovers, terminate } from './harness/processes';
import { SuiteReport } from './harness/report';
import { generateUserSecrets } from './harness/secrets';
import { generateNodeTls, writeLocalCaBundle } from './harness/node-tls';

const report = new SuiteReport('zookeeper');
const HEAP = '-Xms64m -Xmx256m';
const seconds = (ms: number) => Math.round(ms / 100) / 10;

let objects: K8sObject[];
let kafka: KafkaCluster;
let local: LocalCluster;
let tools: KafkaTools;
let ensemble: LocalPod[];
let brokers: LocalPod[];

function job(prefix: string): K8sObject {
  return jobNamed(objects, prefix);
}

beforeAll(async () => {
  reapLeftovers();
  const t0 = Date.now();
  const jars = resolveJars('kafka39');
  resolveJars('jmx', { 'jmx.exporter.version': JMX_EXPORTER_AGENT.version });
  report.facts['jars resolved (s)'] = seconds(Date.now() - t0);
  objects = synthChart((chart) => {
    kafka = zookeeperCluster(chart);
  });
  fs.mkdirSync(path.join(CACHE_DIR, 'zookeeper'), { recursive: true });
  fs.writeFileSync(path.join(CACHE_DIR, 'zookeeper', 'synthesized.json'), JSON.stringify(objects, undefined, 1));
  const { secrets } = generateUserSecrets(objects);
  // The node certificate Secret and the CA bundle ConfigMap, from the synthesized certificate Job's own script.
  const nodeTls = generateNodeTls(objects);
  Object.assign(secrets, nodeTls.secrets);
  objects = [...objects, ...nodeTls.objects];
  const home = writeKafkaHome(path.join(CACHE_DIR, 'zookeeper', 'kafka-home'), jars);
  const zkHome = writeZooKeeperHome(path.join(CACHE_DIR, 'zookeeper', 'zookeeper-home'), jars, home);
  // The official zookeeper image's install dir, as zookeeper-start.sh names it.
  const zkImageDir = /\$\{ZOOKEEPER_HOME:-([^}]+)\}/.exec(objects.filter((o) => o.kind === 'ConfigMap').map((o) => Object.values(o.data ?? {}).join('\n')).join('\n'))?.[1];
  if (!zkImageDir) throw new Error('zookeeper-start.sh no longer names the image install dir as ${ZOOKEEPER_HOME:-...}');
  local = await LocalCluster.create({
    runDir: 'zookeeper', objects, kafkaHome: home, secrets, heapOpts: HEAP,
    include: (w) => w.kind === 'StatefulSet' && w.metadata.labels?.['app.kubernetes.io/instance'] === kafka.clusterName,
    imageDirs: { [zkImageDir]: zkHome },
  });
  ensemble = local.select(kafka.metadataQuorumSelector);
  brokers = local.select(kafka.brokerSelector);
  const admin = secrets[`${kafka.clusterName}-user-admin`];
  tools = new KafkaTools(home, path.join(local.root, 'tools'), () => local.rewrite(kafka.internalBootstrapServers), {
    securityProtocol: kafka.internalSecurityProtocol, mechanism: kafka.saslMechanism, jaasConfig: admin['sasl.jaas.config'],
    caFile: writeLocalCaBundle(objects, path.join(local.root, 'tools')),
  });
  const t1 = Date.now();
  // podManagementPolicy Parallel: brokers start with the ensemble and wait for it in kafka-start.sh.
  await startAndWaitReady(local, [...ensemble, ...brokers]);
  report.facts['3 ZooKeeper + 3 brokers started and ready (s)'] = seconds(Date.now() - t1);
  // Loopback only: no JVM we started listens on another address.
  await local.assertLoopbackOnly();
  report.facts['listeners beyond 127.0.0.1'] = 0;
}, 420_000);

afterAll(async () => {
  await local?.killAll();
  killAll();
  report.write();
});

describe('ZooKeeper mode (Kafka 3.9 + ZooKeeper 3.8): 3 ZooKeeper + 3 brokers', () => {
  test('forms and serves a declared topic with RF 3 over three racks', report.scenario('ZooKeeper mode forms and serves', async (figures) => {
    expect(ensemble).toHaveLength(3);
    expect(brokers).toHaveLength(3);
    // One leader and two followers (the readiness probe accepts either; count them).
    const modes: string[] = [];
    for (const z of ensemble) {
      const res = await local.probe(z, 'readinessProbe');
      expect(res.ok).toBe(true);
    }
    for (const z of ensemble) {
      const port = local.port(z, 2181);
      const net = await import('net');
      const out = await new Promise<string>((resolve, reject) => {
        const sock = net.connect({ port, host: '127.0.0.1' }, () => sock.write('srvr'));
        let buf = '';
        sock.on('data', (d) => { buf += d.toString(); });
        sock.on('end', () => resolve(buf));
        sock.on('error', reject);
      });
      modes.push(/Mode: (\w+)/.exec(out)?.[1] ?? 'unknown');
    }
    figures.ensemble = modes.join(',');
    expect(modes.sort()).toEqual(['follower', 'follower', 'leader']);

    const racks = await tools.brokerRacks();
    const ids = await Promise.all(brokers.map((b) => nodeIdOf(b)));
    expect([...racks.keys()].sort()).toEqual([...ids].sort());
    brokers.forEach((b, i) => expect(racks.get(ids[i])).toBe(b.zone));
    figures.racks = brokers.map((_b, i) => `${ids[i]}:${racks.get(ids[i])}`).join(',');

    for (const prefix of ['users', 'topics']) {
      const res = await local.runJob(job(`${kafka.clusterName}-${prefix}`));
      if (res.code !== 0) throw new Error(`Job ${prefix} failed (exit ${res.code}):\n${res.stdout.slice(-3000)}`);
    }
    const desc = await tools.describeTopic(ORDERS_TOPIC);
    expect(desc.replicationFactor).toBe(3);
    const rackOf = new Map(brokers.map((b, i) => [ids[i], b.zone!]));
    for (const p of desc.partitions) expect(new Set(p.replicas.map((id) => rackOf.get(id))).size).toBe(3);
    const effective = await tools.topicConfig(ORDERS_TOPIC);
    expect(effective['min.insync.replicas']).toBe('2');
    figures.minIsr = effective['min.insync.replicas'];

    // Serves: acks=all writes and reads them back.
    const outFile = path.join(local.root, 'tools', 'zk-producer.jsonl');
    const producer = tools.startVerifiableProducer(ORDERS_TOPIC, { maxMessages: 2000, throughput: 500, acks: PRODUCER_ACKS, config: tools.clientConfig, valuePrefix: 9, outFile });
    await atMost(producer.exited, 90_000);
    await terminate(producer, 5000);
    const produced = readProducerReport(outFile);
    const consumed = new Set((await tools.consumeAll(ORDERS_TOPIC, 10_000)).filter((v) => v.startsWith('9.')));
    figures.acked = produced.acked.length;
    figures.consumed = consumed.size;
    expect(produced.acked.length).toBe(2000);
    expect(produced.acked.filter((v) => !consumed.has(v))).toEqual([]);
  }));
});
