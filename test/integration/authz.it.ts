/**
 * Authorization against a live KRaft cluster (Kafka 4.1) started from the
 * synthesized configuration as local JVMs on 127.0.0.1 (see the README, "How
 * we test HA"): the authorizer, the ACLs and quotas the users Job converges
 * to, tenants, the exporter's describe-only user, and the authenticated
 * controller listener. Clients are Kafka's own tools (JVM) and KafkaJS (not JVM).
 *
 * TLS: the controller, replication and in-cluster client listeners run
 * SASL_SSL with the node certificate the synthesized certificate Job issues
 * (run locally, harness/node-tls.ts); every client here trusts only the
 * cluster CA from the CA bundle ConfigMap.
 *
 * Negative controls: KAFKA_IT_BREAK=no-authorizer removes `authorizer.class.name`
 * from the synthesized broker and controller configuration before the JVMs
 * start; scenario 2 (a user without ACLs is refused) must then fail, while
 * scenario 6 (the controller listener authenticates) still passes.
 * KAFKA_IT_BREAK=rotation-no-overlap makes the synthesized rotation Job write
 * the new password into the SCRAM slot the clients use (no overlap); scenario 9
 * (password rotation) must then fail on the client that reconnects with the
 * previous password, while scenario 1 still passes.
 * KAFKA_IT_BREAK=plaintext-internal synthesizes the cluster with
 * `tls.dangerouslyUsePlaintextInternalListeners`; scenario 7 (a plaintext
 * client is refused) must then fail, while scenario 1 still passes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { Kafka } from 'kafkajs';
import { AclOperation, AclResourceType, KafkaCluster, KafkaPasswordRotation, KafkaTenant } from '../../lib/kafka';
import { KafkaMonitoring } from '../../lib/kafka/monitoring';
import { CACHE_DIR, resolveJars } from './harness/jars';
import { jobNamed, K8sObject, synthChart } from './harness/k8s';
import { writeKafkaHome, KafkaHome } from './harness/kafka-home';
import { startAndWaitReady } from './harness/kafka-pods';
import { KafkaTools } from './harness/kafka-tools';
import { LocalCluster } from './harness/local-cluster';
import { ZONES } from './harness/platform';
import { killAll, reapLeftovers, waitFor } from './harness/processes';
import { SuiteReport } from './harness/report';
import { generateUserSecrets } from './harness/secrets';
import { withoutAuthorizer, withoutOverlap } from './authz/breaks';
import { SecretShim } from './rotation/secret-shim';
import { errorText, freshClientSends, kafkajsWith, ScramLogin, SendLoop, trustClusterCa } from './rotation/send-loop';
import { generateNodeTls, writeLocalCaBundle } from './harness/node-tls';
import { foreignClientCertificate, probeKafka } from './harness/tls-probe';

const report = new SuiteReport('authz');
/** Break switches, comma-separated: CI runs all of this file's at once, each failing its own scenario. */
const BREAKS = new Set((process.env.KAFKA_IT_BREAK ?? '').split(',').map((b) => b.trim()).filter(Boolean));
const AUTHZ_BREAKS = ['no-authorizer', 'rotation-no-overlap', 'plaintext-internal'];
const QUOTA_BYTES_PER_SECOND = 102_400;
const ROTATION_TOPIC = 'rotation.events';

let objects: K8sObject[];
let cluster: KafkaCluster;
let exporterUser: string;
let local: LocalCluster;
let home: KafkaHome;
let secrets: Record<string, Record<string, string>>;
let secretShim: SecretShim;
/** What the certificate Job created at run time (the CA bundle ConfigMap): a re-apply keeps it, as a cluster does. */
let certificateJobObjects: K8sObject[] = [];
/** The cluster CA (the CA bundle ConfigMap's ca.crt) as a local file; undefined with plaintext listeners. */
let caFile: string | undefined;

const password = (user: string) => secrets[`${cluster.clusterName}-user-${user}`].password;
const bootstrap = () => local.rewrite(cluster.internalBootstrapServers);

/** Kafka's own tools as `user` (its SCRAM credentials, as the synthesized clients use them). */
function toolsAs(user: string): KafkaTools {
  const secret = secrets[`${cluster.clusterName}-user-${user}`];
  return new KafkaTools(home, path.join(local.root, 'tools', user), bootstrap, {
    securityProtocol: cluster.internalSecurityProtocol, mechanism: cluster.saslMechanism, jaasConfig: secret['sasl.jaas.config'], caFile,
  });
}

/** What a client of `user` reads from its Secret now: the password and the mechanism it belongs to. */
function loginOf(user: string): ScramLogin {
  const secret = secrets[`${cluster.clusterName}-user-${user}`];
  return { username: user, password: secret.password, mechanism: secret['sasl.mechanism'] ?? 'SCRAM-SHA-512' };
}

/** KafkaJS (a client that is not the JVM one) as `user`, with the login its Secret holds. */
function kafkajsAs(user: string): Kafka {
  return kafkajsWith(bootstrap().split(','), loginOf(user), user);
}

/** `alert bad certificate` out of OpenSSL's long error line, for the report. */
function alertOf(error: string): string {
  return /alert [a-z ]+/.exec(error)?.[0]?.trim() ?? error;
}

async function runJobOk(prefix: string): Promise<string> {
  const res = await local.runJob(jobNamed(objects, prefix));
  if (res.code !== 0) throw new Error(`Job ${prefix} failed (exit ${res.code}):\n${res.stdout.slice(-3000)}`);
  return res.stdout;
}

/**
 * The platform under test: two tenants, a user nobody granted anything, the
 * quota-limited user, monitoring (its exporter user), and the user whose
 * password scenario 9 rotates (`rotation` is what that scenario redeploys).
 */
function authzPlatform(chart: Chart, rotation?: KafkaPasswordRotation): void {
  cluster = new KafkaCluster(chart, 'kafka', { zones: ZONES, ...(BREAKS.has('plaintext-internal') ? { tls: { dangerouslyUsePlaintextInternalListeners: true } } : {}) });
  cluster.addTopic({ name: ROTATION_TOPIC, partitions: 3, replicationFactor: 3 });
  cluster.addUser('rotor', {
    acls: [{ resourceType: AclResourceType.TOPIC, name: ROTATION_TOPIC, operations: [AclOperation.WRITE, AclOperation.DESCRIBE] }],
    ...(rotation ? { passwordRotation: rotation } : {}),
  });
  new KafkaTenant(chart, 'alpha', {
    cluster, name: 'alpha', users: [{ name: 'alpha-app' }, { name: 'alpha-bulk', quotas: { producerByteRate: QUOTA_BYTES_PER_SECOND } }],
    topics: [{ name: 'alpha.orders', partitions: 3, replicationFactor: 3 }, { name: 'alpha.bulk', partitions: 1, replicationFactor: 3 }],
  });
  new KafkaTenant(chart, 'beta', { cluster, name: 'beta', users: [{ name: 'beta-app' }], topics: [{ name: 'beta.events', partitions: 3, replicationFactor: 3 }] });
  cluster.addUser('nobody');
  exporterUser = new KafkaMonitoring(chart, 'monitoring', { cluster }).kafkaExporter!.credentials.username;
}

/** The synthesized objects, with the negative control's break applied. */
function synthesize(rotation?: KafkaPasswordRotation): K8sObject[] {
  const synthesized = synthChart((chart) => authzPlatform(chart, rotation));
  const authorized = BREAKS.has('no-authorizer') ? withoutAuthorizer(synthesized) : synthesized;
  return BREAKS.has('rotation-no-overlap') ? withoutOverlap(authorized, cluster.clusterName) : authorized;
}

/** `kubectl apply` of a new synth: the Jobs and ConfigMaps it names become runnable (the pods keep running). */
function apply(next: K8sObject[]): void {
  objects.splice(0, objects.length, ...next, ...certificateJobObjects);
}

beforeAll(async () => {
  const unknown = [...BREAKS].filter((b) => !AUTHZ_BREAKS.includes(b));
  if (unknown.length > 0) throw new Error(`KAFKA_IT_BREAK=${unknown.join(',')} is not one this file knows (${AUTHZ_BREAKS.join(', ')})`);
  reapLeftovers();
  const jars = resolveJars('kafka41');
  objects = synthesize();
  fs.mkdirSync(path.join(CACHE_DIR, 'authz'), { recursive: true });
  secrets = generateUserSecrets(objects).secrets;
  // The node certificate Secret and the CA bundle ConfigMap, from the synthesized certificate Job's own script.
  const nodeTls = generateNodeTls(objects);
  Object.assign(secrets, nodeTls.secrets);
  certificateJobObjects = nodeTls.objects;
  objects = [...objects, ...certificateJobObjects];
  caFile = writeLocalCaBundle(objects, path.join(CACHE_DIR, 'authz', 'ca'));
  if (caFile) trustClusterCa(fs.readFileSync(caFile, 'utf8'));
  home = writeKafkaHome(path.join(CACHE_DIR, 'authz', 'kafka-home'), jars);
  const runs = (w: K8sObject) => w.metadata.labels?.['app.kubernetes.io/instance'] === cluster.clusterName
    && ['broker', 'controller'].includes(w.metadata.labels?.['app.kubernetes.io/component'] ?? '');
  const shimDir = path.join(CACHE_DIR, 'authz', 'secret-shim');
  local = await LocalCluster.create({
    runDir: 'authz', objects, kafkaHome: home, secrets, heapOpts: '-Xms64m -Xmx256m', include: runs,
    // The rotation Job's init container copies `kubectl` from its image's PATH: here, the Secret stand-in.
    imagePath: (w) => (w.kind === 'Job' && w.metadata.name.startsWith(`${cluster.clusterName}-rotate-`) ? [shimDir, home.imageBin] : []),
  });
  secretShim = await SecretShim.start(secrets, cluster.namespace, shimDir);
  const pods = [...local.select(cluster.metadataQuorumSelector), ...local.select(cluster.brokerSelector)];
  await startAndWaitReady(local, pods);
  await local.assertLoopbackOnly();
  await runJobOk(`${cluster.clusterName}-users`);
  await runJobOk(`${cluster.clusterName}-topics`);
}, 420_000);

afterAll(async () => {
  await secretShim?.close();
  await local?.killAll();
  killAll();
  report.write();
});

describe('authorization (KRaft, live)', () => {
  test('1. the users Job converges the declared ACLs and quotas; a second run changes nothing', report.scenario('1 ACLs converge', async (figures) => {
    const acls = await toolsAs('admin').ok('kafka-acls.sh', ['--bootstrap-server', bootstrap(), '--command-config', toolsAs('admin').clientConfig, '--list', '--principal', 'User:alpha-app']);
    expect(acls).toMatch(/resourceType=TOPIC, name=alpha\., patternType=PREFIXED/);
    expect(acls).toMatch(/principal=User:alpha-app, host=\*, operation=WRITE, permissionType=ALLOW/);
    const again = await runJobOk(`${cluster.clusterName}-users`);
    expect(again).not.toMatch(/ACL (added to|removed from)/);
    figures.aclsOfAlphaApp = (acls.match(/principal=User:alpha-app/g) ?? []).length;
  }), 240_000);

  test('2. a user with valid credentials but no ACL is refused: TopicAuthorizationException, GroupAuthorizationException', report.scenario('2 no ACL, no access', async (figures) => {
    const nobody = toolsAs('nobody');
    const produce = await nobody.tool('kafka-producer-perf-test.sh', ['--topic', 'alpha.orders', '--num-records', '1', '--record-size', '10', '--throughput', '-1',
      '--producer.config', nobody.clientConfig, '--producer-props', `bootstrap.servers=${bootstrap()}`, 'max.block.ms=15000', 'delivery.timeout.ms=20000', 'request.timeout.ms=10000'], 60_000);
    expect(`${produce.stdout}${produce.stderr}`).toMatch(/TopicAuthorizationException|Not authorized to access topics/);
    const consume = await nobody.tool('kafka-console-consumer.sh', ['--bootstrap-server', bootstrap(), '--consumer.config', nobody.clientConfig, '--topic', 'alpha.orders', '--group', 'alpha.readers', '--timeout-ms', '10000'], 60_000);
    expect(`${consume.stdout}${consume.stderr}`).toMatch(/GroupAuthorizationException|TopicAuthorizationException|Not authorized/);
    const producer = kafkajsAs('nobody').producer();
    await producer.connect();
    let refused = '';
    try { await producer.send({ topic: 'alpha.orders', messages: [{ value: 'x' }] }); } catch (e) { refused = errorText(e); } finally { await producer.disconnect(); }
    expect(refused).toMatch(/TOPIC_AUTHORIZATION_FAILED|not authorized/i);
    figures.kafkajsError = refused.split('|')[0].trim().slice(0, 60);
  }), 180_000);

  test('3. the Kafka exporter\'s user can describe, but neither create nor delete a topic', report.scenario('3 exporter describe only', async () => {
    const exporter = toolsAs(exporterUser);
    const admin = ['--bootstrap-server', bootstrap(), '--command-config', exporter.clientConfig];
    expect(await exporter.ok('kafka-topics.sh', [...admin, '--list'])).toContain('alpha.orders');
    const create = await exporter.tool('kafka-topics.sh', [...admin, '--create', '--topic', 'exporter-made', '--partitions', '1', '--replication-factor', '3']);
    expect(create.code).not.toBe(0);
    expect(`${create.stdout}${create.stderr}`).toMatch(/AuthorizationException|not authorized/i);
    const del = await exporter.tool('kafka-topics.sh', [...admin, '--delete', '--topic', 'beta.events']);
    expect(`${del.stdout}${del.stderr}`).toMatch(/AuthorizationException|not authorized/i);
    expect(await toolsAs('admin').ok('kafka-topics.sh', ['--bootstrap-server', bootstrap(), '--command-config', toolsAs('admin').clientConfig, '--list'])).toContain('beta.events');
  }), 180_000);

  test('4. tenants: KafkaJS produces and consumes under its own prefix, and cannot read the other tenant\'s topic', report.scenario('4 tenant isolation', async (figures) => {
    const alpha = kafkajsAs('alpha-app');
    const producer = alpha.producer();
    await producer.connect();
    await producer.send({ topic: 'alpha.orders', acks: -1, messages: Array.from({ length: 20 }, (_v, i) => ({ value: `order-${i}` })) });
    await producer.disconnect();
    const received: string[] = [];
    const consumer = alpha.consumer({ groupId: 'alpha.readers' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'alpha.orders', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => { received.push(String(message.value)); } });
    const deadline = Date.now() + 60_000;
    while (received.length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await consumer.disconnect();
    expect(new Set(received).size).toBe(20);
    figures.consumedByKafkaJs = received.length;

    for (const [user, foreign] of [['alpha-app', 'beta.events'], ['beta-app', 'alpha.orders']]) {
      const spy = kafkajsAs(user).consumer({ groupId: `${user.split('-')[0]}.spy` });
      await spy.connect();
      let refused = '';
      try {
        await spy.subscribe({ topic: foreign, fromBeginning: true });
        await spy.run({ eachMessage: async () => undefined });
        await new Promise((r) => setTimeout(r, 5000));
      } catch (e) { refused = errorText(e); }
      const crashed = await new Promise<string>((resolve) => {
        if (refused) return resolve(refused);
        spy.on(spy.events.CRASH, (ev: any) => resolve(errorText(ev.payload.error)));
        setTimeout(() => resolve(''), 20_000);
      });
      await spy.disconnect().catch(() => undefined);
      expect({ user, foreign, refused: /AUTHORIZATION_FAILED|not authorized/i.test(crashed) }).toEqual({ user, foreign, refused: true });
    }
  }), 240_000);

  test('5. a quota throttles a producer: throttle time above zero, byte rate near the quota', report.scenario('5 quota throttles', async (figures) => {
    const bulk = toolsAs('alpha-bulk');
    // 20 quota-seconds of data: long against the broker's 11 s quota window, so the steady-state rate shows.
    const records = Math.round((QUOTA_BYTES_PER_SECOND * 20) / 1000);
    const out = await bulk.ok('kafka-producer-perf-test.sh', ['--topic', 'alpha.bulk', '--num-records', String(records), '--record-size', '1000', '--throughput', '-1',
      '--producer.config', bulk.clientConfig, '--producer-props', `bootstrap.servers=${bootstrap()}`, 'acks=all', '--print-metrics'], 180_000);
    // Every 5 s the tool prints a window "N records sent, R records/sec ..."; the last full one is past the initial burst.
    const windows = [...out.matchAll(/(\d+) records sent, ([\d.]+) records\/sec \([\d.]+ MB\/sec\), [\d.]+ ms avg latency, [\d.]+ ms max latency\.$/gm)].map((m) => Number(m[2]) * 1000);
    expect(windows.length).toBeGreaterThanOrEqual(2);
    const steadyBytesPerSecond = windows[windows.length - 1];
    const throttle = Number(/produce-throttle-time-avg:\{[^}]*\}\s*:\s*([\d.]+)/.exec(out)?.[1] ?? 'NaN');
    figures.steadyBytesPerSecond = Math.round(steadyBytesPerSecond);
    figures.throttleAvgMs = throttle;
    expect(throttle).toBeGreaterThan(0);
    expect(steadyBytesPerSecond).toBeLessThan(QUOTA_BYTES_PER_SECOND * 1.3);
  }), 240_000);

  test('6. the controller listener gives nothing without credentials, and the quorum with the admin\'s', report.scenario('6 controller listener authenticates', async (figures) => {
    const controller = local.select(cluster.metadataQuorumSelector)[0];
    const address = `127.0.0.1:${local.port(controller, 9093)}`;
    const timeouts = ['request.timeout.ms=10000', 'default.api.timeout.ms=15000'];
    const tlsClient = caFile ? [`security.protocol=SSL`, 'ssl.truststore.type=PEM', `ssl.truststore.location=${caFile}`] : [];
    const quorum = async (name: string, lines: string[]) => {
      const file = path.join(local.root, 'tools', `${name}.properties`);
      fs.writeFileSync(file, [...lines, ...timeouts, ''].join('\n'), { mode: 0o600 });
      return toolsAs('admin').tool('kafka-metadata-quorum.sh', ['--bootstrap-controller', address, '--command-config', file, 'describe', '--status'], 60_000);
    };
    const anonymous = await quorum('anonymous', tlsClient);
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stdout).not.toMatch(/LeaderId:\s*\d+/);
    const adminLogin = ['sasl.mechanism=PLAIN',
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${password('admin')}";`];
    const protocol = caFile ? ['security.protocol=SASL_SSL', 'ssl.truststore.type=PEM', `ssl.truststore.location=${caFile}`] : ['security.protocol=SASL_PLAINTEXT'];
    if (caFile) {
      // The admin's password alone is not enough: the listener requires the node certificate (ssl.client.auth=required).
      const passwordOnly = await quorum('controller-admin-no-cert', [...protocol, ...adminLogin]);
      expect(passwordOnly.code).not.toBe(0);
      expect(passwordOnly.stdout).not.toMatch(/LeaderId:\s*\d+/);
      figures.adminWithoutNodeCertificate = 'refused';
    }
    const node = secrets[cluster.spec.tls.nodeCertificateSecretName];
    const keystore = path.join(local.root, 'tools', 'node-keystore.pem');
    if (caFile) fs.writeFileSync(keystore, node['tls.key'] + node['tls.crt'], { mode: 0o600 });
    const withAdmin = await quorum('controller-admin', [...protocol, ...adminLogin, ...(caFile ? ['ssl.keystore.type=PEM', `ssl.keystore.location=${keystore}`] : [])]);
    expect(withAdmin.stdout).toMatch(/LeaderId:\s*\d+/);
  }), 180_000);
  test('7. a plaintext client is refused on the controller and internal ports, which speak TLS with the cluster CA', report.scenario('7 plaintext refused', async (figures) => {
    const controller = local.select(cluster.metadataQuorumSelector)[0];
    const broker = local.select(cluster.brokerSelector)[0];
    const ports = { controller: local.port(controller, 9093), internal: local.port(broker, 9092) };
    for (const [listener, port] of Object.entries(ports)) {
      // Kafka answers ApiVersions before authentication: a plaintext listener would answer it here.
      const plain = await probeKafka(port);
      expect({ listener, kafkaAnsweredPlaintext: plain.kafkaAnswered }).toEqual({ listener, kafkaAnsweredPlaintext: false });
      figures[`${listener}Plaintext`] = alertOf(plain.error) || 'no answer';
    }
    // Positive control: the same request over TLS, trusting only the cluster CA, with no client certificate, is
    // answered on the internal listener (ssl.client.auth=requested) and refused on the controller's (required).
    const ca = fs.readFileSync(caFile!, 'utf8');
    const internal = await probeKafka(ports.internal, { ca });
    expect({ internal: internal.kafkaAnswered, error: internal.error }).toEqual({ internal: true, error: '' });
    const controllerNoCert = await probeKafka(ports.controller, { ca });
    expect(controllerNoCert.kafkaAnswered).toBe(false);
    figures.controllerWithoutCertificate = alertOf(controllerNoCert.error) || 'no answer';
    // A JVM client with valid credentials but plaintext gets nothing either.
    const admin = secrets[`${cluster.clusterName}-user-admin`];
    const plainTools = new KafkaTools(home, path.join(local.root, 'tools', 'plaintext'), bootstrap,
      { securityProtocol: 'SASL_PLAINTEXT', mechanism: cluster.saslMechanism, jaasConfig: admin['sasl.jaas.config'] });
    const listed = await plainTools.tool('kafka-topics.sh', ['--bootstrap-server', bootstrap(), '--command-config',
      plainTools.configWith('plaintext-timeouts', { 'request.timeout.ms': '5000', 'default.api.timeout.ms': '10000' }), '--list'], 60_000);
    expect(listed.code).not.toBe(0);
    expect(listed.stdout).not.toContain('alpha.orders');
  }), 180_000);

  test('8. a client presenting a certificate from another CA is refused on the controller and internal ports', report.scenario('8 foreign certificate refused', async (figures) => {
    const controller = local.select(cluster.metadataQuorumSelector)[0];
    const broker = local.select(cluster.brokerSelector)[0];
    const impostor = foreignClientCertificate(path.join(local.root, 'tools', 'impostor'));
    const ca = fs.readFileSync(caFile!, 'utf8');
    for (const [listener, port] of Object.entries({ controller: local.port(controller, 9093), internal: local.port(broker, 9092) })) {
      const res = await probeKafka(port, { ca, key: impostor.key, cert: impostor.cert });
      expect({ listener, kafkaAnswered: res.kafkaAnswered }).toEqual({ listener, kafkaAnswered: false });
      figures[`${listener}ForeignCertificate`] = alertOf(res.error) || 'closed';
    }
  }), 120_000);

  test('9. password rotation under a running producer: no failed send, the previous password works until retired, then only the new one', report.scenario('9 password rotation', async (figures) => {
    const brokers = bootstrap().split(',');
    const previous = loginOf('rotor');
    const loop = new SendLoop(brokers, previous, ROTATION_TOPIC, -1);
    try {
      await waitFor('50 acknowledged sends before the rotation', async () => loop.acked >= 50, 60_000, 200);
      // Deploy generation 1: the synthesized rotation Job runs (Kafka's tools, kubectl against the Secret stand-in).
      apply(synthesize({ generation: 1 }));
      const rotated = await runJobOk(`${cluster.clusterName}-rotate`);
      const current = loginOf('rotor');
      expect({ changed: current.password !== previous.password, generation: secrets[`${cluster.clusterName}-user-rotor`].generation })
        .toEqual({ changed: true, generation: '1' });
      expect(rotated).not.toContain(current.password);
      // The users Job runs again on every deploy that changes it: it must keep both slots as they are.
      await runJobOk(`${cluster.clusterName}-users`);
      const ackedAtRotation = loop.acked;
      // A client still on the previous password (its pod not restarted yet) reconnects: the overlap must let it in.
      const reconnectWithPreviousPassword = (await freshClientSends(brokers, previous, ROTATION_TOPIC, 5, -1)).replace(/^refused: .*/, 'refused');
      const withNewPassword = await freshClientSends(brokers, current, ROTATION_TOPIC, 5, -1);
      // The running client restarts with the new Secret, between two sends.
      await loop.switchTo(current);
      await waitFor('50 acknowledged sends with the new password', async () => loop.acked >= ackedAtRotation + 50, 60_000, 200);
      figures.mechanismAfter = current.mechanism;
      figures.reconnectWithPrevious = reconnectWithPreviousPassword;
      expect({ reconnectWithPreviousPassword, withNewPassword }).toEqual({ reconnectWithPreviousPassword: 'accepted', withNewPassword: 'accepted' });

      // Deploy retirePrevious once every client has the new password: the previous one is refused, the new one still works.
      apply(synthesize({ generation: 1, retirePrevious: true }));
      expect(await runJobOk(`${cluster.clusterName}-rotate`)).toContain('previous password');
      const previousAfterRetire = await freshClientSends(brokers, previous, ROTATION_TOPIC, 1, -1);
      const newAfterRetire = await freshClientSends(brokers, current, ROTATION_TOPIC, 1, -1);
      const ackedAtRetire = loop.acked;
      await waitFor('20 more acknowledged sends after the retirement', async () => loop.acked >= ackedAtRetire + 20, 60_000, 200);
      figures.previousAfterRetire = previousAfterRetire.slice(0, 80);
      expect(previousAfterRetire).toMatch(/^refused: .*(SASL|[Aa]uthentication)/);
      expect(newAfterRetire).toBe('accepted');
    } finally {
      await loop.stop();
      figures.sends = loop.sent;
      figures.failedSends = loop.failures.length;
    }
    expect(loop.failures).toEqual([]);
  }), 300_000);
});
