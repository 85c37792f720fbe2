import * as fs from 'fs';
import * as path from 'path';
import { K8sObject } from '../harness/k8s';
import { KafkaHome } from '../harness/kafka-home';
import { KafkaTools, readProducerReport } from '../harness/kafka-tools';
import { LocalCluster, LocalPod, SecretData } from '../harness/local-cluster';
import { sleep, terminate, waitFor } from '../harness/processes';
import { ADMIN_SECRET, controllerLogin, rotationJob, rotationState, runningAdminLogin, scramJaas, withRotationScripts } from './admin-rotation';
import { KubeShim } from './kube-shim';

/** What scenario 15 of roll.it.ts needs from the suite's live cluster. */
export interface RotationContext {
  readonly local: LocalCluster;
  readonly shim: KubeShim;
  readonly home: KafkaHome;
  readonly secrets: SecretData;
  readonly controllers: LocalPod[];
  readonly brokers: LocalPod[];
  readonly runtimeObjects: K8sObject[];
  readonly caFile: string;
  readonly topic: string;
  /** The suite's synth with extra cluster props. */
  readonly synth: (credentials: { adminPasswordRotation: { generation: number; retirePrevious?: boolean } }) => K8sObject[];
  /** The negative control `admin-rotation-one-phase`. */
  readonly onePhase: boolean;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
/** VerifiableProducer's values are `<prefix>.<n>`: one prefix per run, so one run's values cannot stand in for the other's. */
const VALUE_PREFIX = { rotate: 150, retire: 151 } as const;

/** Kafka's tools logged in as the admin identity `username` with `password` (its own work dir per identity). */
export function adminTools(ctx: RotationContext, username: string, password: string): KafkaTools {
  return new KafkaTools(ctx.home, path.join(ctx.local.root, `tools-${username}`), () => ctx.local.rewrite('kafka-bootstrap.kafka.svc.cluster.local:9092'), {
    securityProtocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', jaasConfig: scramJaas(username, password), caFile: ctx.caFile,
  });
}

/**
 * Runs the rotation Job of `objects` while a VerifiableProducer (acks=all, logged in as `producerAs`) sends, and
 * checks that no send failed; returns the acknowledged values (the scenario consumes them all at its end).
 */
async function rotateUnderLoad(ctx: RotationContext, objects: K8sObject[], producerAs: KafkaTools, label: 'rotate' | 'retire', figures: Record<string, unknown>) {
  ctx.shim.apply([...withRotationScripts(objects, ctx.onePhase), ...ctx.runtimeObjects]);
  const outFile = path.join(ctx.local.root, 'tools', `${label}-producer.jsonl`);
  // VerifiableProducer sets retries=0 (a send to a leader that just moved would count as failed); a producer with
  // Kafka's defaults retries within its delivery timeout, and that is the client whose sends must not fail.
  const config = producerAs.configWith(`${label}-producer`, { 'retries': '2147483647', 'delivery.timeout.ms': '120000', 'request.timeout.ms': '15000', 'linger.ms': '5' });
  const producer = producerAs.startVerifiableProducer(ctx.topic, { maxMessages: 200_000, throughput: 200, acks: '-1', config, valuePrefix: VALUE_PREFIX[label], outFile });
  const deletesBefore = ctx.shim.deletes.length;
  ctx.shim.maxDown = 0;
  const t0 = Date.now();
  let run;
  try {
    await waitFor('300 acknowledged messages', () => readProducerReport(outFile).acked.length >= 300, 90_000, 250);
    const job = rotationJob(objects);
    run = await ctx.local.runJob(job, 1_500_000);
    fs.writeFileSync(path.join(ctx.local.root, `${job.metadata.name}.log`), run.stdout);
    await sleep(2000);
  } finally {
    await terminate(producer, 15_000);
  }
  figures[`${label}S`] = seconds(Date.now() - t0);
  const deleted = ctx.shim.deletes.slice(deletesBefore);
  figures[`${label}Deletes`] = deleted.length;
  expect(ctx.shim.errors).toEqual([]);
  expect({ code: run.code, tail: run.code === 0 ? '' : run.stdout.slice(-2500) }).toEqual({ code: 0, tail: '' });
  expect(ctx.shim.maxDown).toBe(1);
  const produced = readProducerReport(outFile);
  figures[`${label}Acked`] = produced.acked.length;
  expect({ failedSends: produced.errorMessages }).toEqual({ failedSends: [] });
  expect(produced.acked.length).toBeGreaterThan(300);
  return { run, deleted, acked: produced.acked };
}

/** Scenario 15: the admin password rotated (generation 1), then the previous identity retired, each under load. */
export async function adminRotationScenario(ctx: RotationContext, figures: Record<string, unknown>): Promise<KafkaTools> {
  const { secrets, controllers, brokers } = ctx;
  const nodes = [...controllers, ...brokers];
  const before = { ...secrets[ADMIN_SECRET] };
  const asBefore = adminTools(ctx, before.username, before.password);
  const rotating = ctx.synth({ adminPasswordRotation: { generation: 1 } });

  // 1. Rotate: controllers accept admin-b (one restart each), then every node logs in as admin-b.
  const first = await rotateUnderLoad(ctx, rotating, asBefore, 'rotate', figures);
  const state = rotationState(secrets);
  expect(state).toEqual({ 'also-accepted-username': 'admin', 'generation': '1', 'sasl.mechanism': 'SCRAM-SHA-512', 'username': 'admin-b' });
  const admin = secrets[ADMIN_SECRET];
  expect(admin.password).toMatch(/^[0-9a-f]{64}$/);
  expect([admin.password === before.password, admin['also-accepted-password'] === before.password]).toEqual([false, true]);
  expect(admin['sasl.jaas.config']).toBe(scramJaas('admin-b', admin.password));
  // Accept phase: the three controllers (the active one last); login phase: the controllers again, then the brokers zone by zone.
  const controllerNames = controllers.map((c) => c.name).sort();
  expect([first.deleted.slice(0, 3).sort(), first.deleted.slice(3, 6).sort(), first.deleted.slice(6)])
    .toEqual([controllerNames, controllerNames, ['kafka-broker-0-0', 'kafka-broker-1-0', 'kafka-broker-2-0']]);
  expect(first.run.stdout).not.toContain(admin.password);
  expect(Object.fromEntries(nodes.map((p) => [p.name, runningAdminLogin(p)]))).toEqual(Object.fromEntries(nodes.map((p) => [p.name,
    p.name.startsWith('kafka-controller-') ? { login: 'admin-b', accepts: ['admin', 'admin-b'] } : { login: 'admin-b', accepts: [] }])));
  const asNext = adminTools(ctx, 'admin-b', admin.password);
  expect((await asNext.describeTopic(ctx.topic)).partitions).toHaveLength(6);
  // Not retired yet: the previous password still works, for clients that have not picked up the new one.
  expect((await asBefore.describeTopic(ctx.topic)).partitions).toHaveLength(6);

  // 2. Retire (a later deploy): admin's SCRAM credential deleted, controllers restart accepting admin-b alone.
  const retiring = ctx.synth({ adminPasswordRotation: { generation: 1, retirePrevious: true } });
  const second = await rotateUnderLoad(ctx, retiring, asNext, 'retire', figures);
  expect(second.deleted.sort()).toEqual(controllerNames);
  expect(rotationState(secrets)).toEqual({ 'generation': '1', 'sasl.mechanism': 'SCRAM-SHA-512', 'username': 'admin-b' });
  expect(Object.fromEntries(controllers.map((p) => [p.name, runningAdminLogin(p).accepts]))).toEqual(Object.fromEntries(controllers.map((p) => [p.name, ['admin-b']])));
  const refused = await asBefore.tool('kafka-topics.sh', ['--bootstrap-server', asBefore.bootstrap(), '--command-config', asBefore.clientConfig, '--list'], 90_000);
  figures.previousPasswordInternal = /SaslAuthenticationException|Authentication failed/.test(refused.stdout + refused.stderr) ? 'refused' : `exit ${refused.code}`;
  expect(figures.previousPasswordInternal).toBe('refused');
  const quorumTool = (args: string[]) => asNext.tool('kafka-metadata-quorum.sh', args, 60_000);
  const onController = await Promise.all([['admin', before.password], ['admin-b', admin.password]].map(([u, p]) => controllerLogin(ctx.local, controllers[0], quorumTool, secrets, ctx.caFile, u, p)));
  figures.controllerListener = onController.map((l) => (l === undefined ? 'refused' : 'accepted')).join(',');
  expect(figures.controllerListener).toBe('refused,accepted');

  // Every message acknowledged during either run is there.
  const seen = new Set((await asNext.consumeAll(ctx.topic)).filter((v) => /^15[01]\./.test(v)));
  figures.missing = [...first.acked, ...second.acked].filter((v) => !seen.has(v)).length;
  expect(figures.missing).toBe(0);

  // A second run of the same Job changes nothing: unit-tested against the simulated cluster
  // (admin-password-rotation-script.test.ts), not repeated here to keep CI short.
  return asNext;
}
