import * as path from 'path';
import { ClusterFacts } from '../gitops/cluster-facts';
import { K8sObject } from '../harness/k8s-objects';
import { KafkaHome } from '../harness/kafka-home';
import { nodeIdOf, waitReady } from '../harness/kafka-pods';
import { KafkaTools } from '../harness/kafka-tools';
import { LocalCluster, LocalPod } from '../harness/local-cluster';
import { MavenMirror } from '../harness/maven-mirror';
import { generateUserSecrets } from '../harness/secrets';
import { generateTlsSecrets } from '../harness/tls-secrets';
import { generateNodeTls, writeLocalCaBundle } from '../harness/node-tls';
import { Progress, seconds } from './progress';

/** Heap of every JVM of a local run (rewrite.ts 5.): six JVMs on a 2-core, few-GiB machine. */
export const LOCAL_HEAP = '-Xms64m -Xmx256m';

/** A synthesized cluster running as local JVMs, with a SCRAM admin client. */
export interface LocalPlatform {
  readonly facts: ClusterFacts;
  readonly objects: K8sObject[];
  readonly local: LocalCluster;
  readonly tools: KafkaTools;
  readonly brokers: LocalPod[];
  /** Controllers (KRaft) or ZooKeeper servers. */
  readonly quorum: LocalPod[];
  /** Node id each Kafka pod's start script chose. */
  idOf(pod: LocalPod): number;
}

export interface StartOptions {
  readonly facts: ClusterFacts;
  readonly objects: K8sObject[];
  readonly home: KafkaHome;
  /** The fake ZooKeeper install (ZooKeeper mode). */
  readonly zookeeperHome?: string;
  readonly mirror?: MavenMirror;
  /** Directory name of this run under `<home>/../run`. */
  readonly runDir: string;
  readonly progress: Progress;
  /** Run the synthesized users and topics Jobs after the start. */
  readonly runAdminJobs: boolean;
}

/**
 * Starts the cluster's quorum and brokers from the synthesized objects (all at
 * once, as `podManagementPolicy: Parallel` does), waits for each pod's own
 * readiness probe, checks that nothing listens beyond 127.0.0.1, then (when
 * asked) runs the synthesized users and topics Jobs.
 */
export async function startLocalPlatform(opts: StartOptions): Promise<LocalPlatform> {
  const { facts, progress } = opts;
  const running = new Set([...facts.brokerSets, ...facts.controllerSets, ...facts.zookeeperSets]);
  const { secrets } = generateUserSecrets(opts.objects);
  // The node certificate Secret and the CA bundle ConfigMap, from the configuration's own certificate Job
  // (rewrite rule 4b); first, so the throwaway certificates of rule 4 never stand in for the node Secret.
  const nodeTls = generateNodeTls(opts.objects);
  Object.assign(secrets, nodeTls.secrets);
  const objects = [...opts.objects, ...nodeTls.objects];
  Object.assign(secrets, generateTlsSecrets([...running], objects, secrets));
  const local = await LocalCluster.create({
    runDir: opts.runDir, objects, kafkaHome: opts.home, secrets, heapOpts: LOCAL_HEAP,
    include: (w) => running.has(w),
    imageDirs: opts.zookeeperHome && facts.zookeeperImageDir ? { [facts.zookeeperImageDir]: opts.zookeeperHome } : {},
    urlRewrites: opts.mirror?.rewrites ?? {},
    // kafka-start.sh's documented knob: the external listener advertises loopback instead of broker-<id>.<domain>.
    extraEnv: { KP_EXTERNAL_ADVERTISED_HOST: '127.0.0.1' },
  });
  const brokers = local.select(facts.brokerSelector);
  const quorum = local.select(facts.quorumSelector);
  const admin = secrets[facts.adminSecret];
  if (!admin?.['sasl.jaas.config']) throw new Error(`no credentials for the admin Secret ${facts.adminSecret} among the generated ones`);
  const tools = new KafkaTools(opts.home, path.join(local.root, 'tools'),
    () => brokers.map((b) => `127.0.0.1:${local.port(b, facts.internalPort)}`).join(','),
    { securityProtocol: facts.securityProtocol, mechanism: facts.saslMechanism, jaasConfig: admin['sasl.jaas.config'], caFile: writeLocalCaBundle(objects, path.join(local.root, 'tools')) });

  const quorumKind = facts.mode === 'kraft' ? 'controllers' : 'ZooKeeper servers';
  // Started together (Parallel pod management), reported per role: the quorum is what brokers wait for.
  const started = progress.step(`starting ${quorum.length} ${quorumKind} and ${brokers.length} brokers from the synthesized StatefulSets`,
    () => Promise.all([...quorum, ...brokers].map((p) => local.start(p))), () => 'processes started');
  await started;
  const t0 = Date.now();
  await Promise.all(quorum.map((p) => waitReady(local, p)));
  progress.info(`  ${facts.mode === 'kraft' ? 'quorum formed' : 'ZooKeeper ensemble ready'} in ${seconds(Date.now() - t0)} s (readiness probe of each pod)`);
  await Promise.all(brokers.map((p) => waitReady(local, p)));
  progress.info(`  ${brokers.length} brokers ready in ${seconds(Date.now() - t0)} s`);
  const ids = new Map<string, number>();
  for (const p of [...(facts.mode === 'kraft' ? quorum : []), ...brokers]) ids.set(p.name, await nodeIdOf(p));
  await progress.step('checking that every listener is on 127.0.0.1', () => local.assertLoopbackOnly(), () => 'no listener beyond loopback');
  for (const job of opts.runAdminJobs ? [facts.usersJob, facts.topicsJob] : []) {
    if (!job) continue;
    await progress.step(`running Job ${job.metadata.name}`, async () => {
      const res = await local.runJob(job);
      if (res.code !== 0) throw new Error(`Job ${job.metadata.name} failed (exit ${res.code}):\n${res.stdout.slice(-3000)}`);
    });
  }
  return {
    facts, objects, local, tools, brokers, quorum,
    idOf: (pod) => {
      const id = ids.get(pod.name);
      if (id === undefined) throw new Error(`${pod.name} has no Kafka node id`);
      return id;
    },
  };
}
