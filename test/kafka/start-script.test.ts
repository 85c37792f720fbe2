import * as fs from 'fs';
import * as path from 'path';
import { KafkaMetadataMode } from '../../lib/kafka';
import { FakeTools } from '../support/fake-tools';
import { parseProperties, synth, STUB_FLAVOUR } from './helpers';
import { ADMIN_PASSWORD, FAKE_CERT, FAKE_KEY, preparePod as prepareStartScriptPod } from './start-script-pod';

let fake: FakeTools;
beforeEach(() => {
  fake = new FakeTools();
  for (const tool of ['kafka-storage.sh', 'kafka-configs.sh', 'kafka-server-start.sh']) fake.install(tool);
});
afterEach(() => fake.cleanup());

/** Lays out a pod of `statefulSet` (ordinal) on the local disk (start-script-pod.ts). */
function preparePod(objects: any[], statefulSet: string, ordinal: number, overrides: Record<string, string> = {}) {
  return prepareStartScriptPod(fake, objects, statefulSet, ordinal, overrides);
}

function finalConfig(): Record<string, string> {
  const [start] = fake.calls('kafka-server-start.sh');
  return parseProperties(start.config!);
}

describe('kafka-start.sh (KRaft broker)', () => {
  test('derives node.id from zone and ordinal, writes per-pod properties, formats storage with the admin SCRAM user, then starts Kafka', () => {
    const { objects, cluster } = synth();
    const { env, script } = preparePod(objects, 'kafka-broker-1', 0);
    const result = fake.run(script, env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const config = finalConfig();
    expect(config['node.id']).toBe('1100');
    expect(config['broker.rack']).toBe('zone-b');
    expect(config['listeners']).toBe('INTERNAL://0.0.0.0:9092');
    expect(config['advertised.listeners']).toBe('INTERNAL://kafka-broker-1-0.kafka-broker-headless.kafka.svc.cluster.local:9092');
    expect(config['controller.quorum.voters']).toBe(cluster.controllerQuorumVoters);
    expect(config['log.dirs']).toBe(env.KP_DATA_DIR);
    expect(config['process.roles']).toBe('broker');
    expect(config['listener.name.internal.scram-sha-512.sasl.jaas.config'])
      .toBe(`org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_PASSWORD}";`);
    // HA defaults from the base ConfigMap are kept.
    expect(config['min.insync.replicas']).toBe('2');

    const [format] = fake.calls('kafka-storage.sh');
    expect(format.args).toEqual([
      'format', '--config', path.join(env.KP_CONFIG_DIR, 'server.properties'), '--cluster-id', cluster.kraftClusterId,
      '--ignore-formatted', '--add-scram', `SCRAM-SHA-512=[name=admin,password=${ADMIN_PASSWORD}]`,
    ]);
    const [start] = fake.calls('kafka-server-start.sh');
    expect(start.args).toEqual([path.join(env.KP_CONFIG_DIR, 'server.properties')]);
    expect(start.env.KAFKA_HEAP_OPTS).toBe('-Xms2048m -Xmx2048m');
    expect(start.env.KAFKA_OPTS).toBe(`-javaagent:${env.KP_JMX_EXPORTER_JAR}=9404:${env.KP_JMX_EXPORTER_CONFIG}`);
    // Order: format strictly before start.
    expect(fake.calls().map(c => c.tool)).toEqual(['kafka-storage.sh', 'kafka-server-start.sh']);
  });

  test('without the agent (the init container could not get it), the broker starts without metrics and says so', () => {
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0);
    fs.rmSync(env.KP_JMX_EXPORTER_JAR);
    const result = fake.run(script, env);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`kafka-start: JMX EXPORTER AGENT UNAVAILABLE: ${env.KP_JMX_EXPORTER_JAR} is missing; starting WITHOUT metrics (readiness falls back to the listener port). See the fetch-jmx-exporter init container's log.\n`);
    const [start] = fake.calls('kafka-server-start.sh');
    expect(start.env.KAFKA_OPTS ?? '').not.toContain('-javaagent');
  });

  test('the final config file is private to the Kafka user (it holds the admin password)', () => {
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0);
    expect(fake.run(script, env).status).toBe(0);
    const mode = fs.statSync(path.join(env.KP_CONFIG_DIR, 'server.properties')).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  test('a local harness moves hosts and ports through env vars only', () => {
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-broker-2', 0, {
      KP_LISTEN_HOST: '127.0.0.1', KP_ADVERTISED_HOST: '127.0.0.1', KP_INTERNAL_PORT: '19092',
      KP_CONTROLLER_QUORUM_VOTERS: '0@127.0.0.1:19093', KP_METRICS_PORT: '19404', KP_METRICS_HOST: '127.0.0.1',
    });
    expect(fake.run(script, env).status).toBe(0);
    const config = finalConfig();
    expect(config['node.id']).toBe('1200');
    expect(config['listeners']).toBe('INTERNAL://127.0.0.1:19092');
    expect(config['advertised.listeners']).toBe('INTERNAL://127.0.0.1:19092');
    expect(config['controller.quorum.voters']).toBe('0@127.0.0.1:19093');
    expect(fake.calls('kafka-server-start.sh')[0].env.KAFKA_OPTS).toContain('=127.0.0.1:19404:');
    const base = fs.readFileSync(env.KP_BASE_CONFIG, 'utf8');
    expect(base).not.toMatch(/svc\.cluster\.local|:9092|:9093/);
  });

  test('stops before starting Kafka when formatting fails', () => {
    fake.install('kafka-storage.sh', 'echo "format failed" >&2; exit 3');
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0);
    const result = fake.run(script, env);
    expect(result.status).toBe(3);
    expect(fake.calls('kafka-server-start.sh')).toHaveLength(0);
  });

  test('refuses to start without a required variable, naming it', () => {
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0);
    delete env.KP_RACK;
    const result = fake.run(script, env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('KP_RACK is not set');
    expect(fake.calls()).toHaveLength(0);
  });

  test('refuses a pod name without an ordinal', () => {
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0, { POD_NAME: 'kafka-broker' });
    const result = fake.run(script, env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('cannot read the pod ordinal');
  });

  test('refuses a password that would break the SCRAM argument syntax', () => {
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0, { KP_ADMIN_PASSWORD: 'abc,password=evil]' });
    const result = fake.run(script, env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('KP_ADMIN_PASSWORD may only contain');
    expect(fake.calls()).toHaveLength(0);
  });
});

describe('kafka-start.sh (KRaft controller)', () => {
  test('controller id = ordinal * zones + zone index, controller listener only', () => {
    const { objects, cluster } = synth({ controllers: { replicas: 5 } });
    const { env, script } = preparePod(objects, 'kafka-controller-1', 1);
    const result = fake.run(script, env);
    expect(result.status).toBe(0);
    const config = finalConfig();
    expect(config['node.id']).toBe('4');
    expect(config['process.roles']).toBe('controller');
    expect(config['listeners']).toBe('CONTROLLER://0.0.0.0:9093');
    expect(config['advertised.listeners']).toBeUndefined();
    expect(config['broker.rack']).toBeUndefined();
    expect(config['controller.quorum.voters']).toBe(cluster.controllerQuorumVoters);
    expect(cluster.controllerQuorumVoters.split(',')[4]).toBe('4@kafka-controller-1-1.kafka-controller-headless.kafka.svc.cluster.local:9093');
    const [format] = fake.calls('kafka-storage.sh');
    expect(format.args).toContain('--add-scram');
    expect(format.args.slice(0, 6)).toEqual(['format', '--config', path.join(env.KP_CONFIG_DIR, 'server.properties'), '--cluster-id', cluster.kraftClusterId, '--ignore-formatted']);
    expect(fake.calls('kafka-server-start.sh')[0].env.KAFKA_HEAP_OPTS).toBe('-Xms1024m -Xmx1024m');
  });

  test('the controller listener authenticates: controllers verify the admin principal over SASL/PLAIN, brokers present it', () => {
    const { objects } = synth();
    const login = `org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${ADMIN_PASSWORD}"`;
    const controller = preparePod(objects, 'kafka-controller-0', 0);
    expect(fake.run(controller.script, controller.env).status).toBe(0);
    const controllerConfig = finalConfig();
    expect(controllerConfig['listener.security.protocol.map']).toBe('CONTROLLER:SASL_SSL');
    expect(controllerConfig['listener.name.controller.sasl.enabled.mechanisms']).toBe('PLAIN');
    expect(controllerConfig['sasl.mechanism.controller.protocol']).toBe('PLAIN');
    expect(controllerConfig['listener.name.controller.plain.sasl.jaas.config']).toBe(`${login} user_admin="${ADMIN_PASSWORD}";`);

    fake.cleanup();
    fake = new FakeTools();
    for (const tool of ['kafka-storage.sh', 'kafka-configs.sh', 'kafka-server-start.sh']) fake.install(tool);
    const broker = preparePod(objects, 'kafka-broker-0', 0);
    expect(fake.run(broker.script, broker.env).status).toBe(0);
    const brokerConfig = finalConfig();
    expect(brokerConfig['sasl.mechanism.controller.protocol']).toBe('PLAIN');
    // A broker is only a client of the controller listener: it must not hold the server-side user table.
    expect(brokerConfig['listener.name.controller.plain.sasl.jaas.config']).toBe(`${login};`);
  });

  test('a controller refuses to start with a password that cannot be quoted in JAAS', () => {
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-controller-0', 0, {});
    const result = fake.run(script, { ...env, KP_ADMIN_PASSWORD: 'a"b' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/KP_ADMIN_PASSWORD may only contain/);
  });
});

describe('kafka-start.sh (ZooKeeper mode broker)', () => {
  test('upserts the inter-broker SCRAM user in ZooKeeper, then starts with broker.id and zookeeper.connect, never formats', () => {
    const { objects, cluster } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0);
    const result = fake.run(script, env);
    expect(result.status).toBe(0);
    expect(fake.calls('kafka-storage.sh')).toHaveLength(0);
    const [configs] = fake.calls('kafka-configs.sh');
    expect(configs.args).toEqual([
      '--zookeeper', cluster.zookeeperConnect, '--alter', '--add-config', `SCRAM-SHA-512=[password=${ADMIN_PASSWORD}]`,
      '--entity-type', 'users', '--entity-name', 'admin',
    ]);
    const config = finalConfig();
    expect(config['broker.id']).toBe('1000');
    expect(config['node.id']).toBeUndefined();
    expect(config['zookeeper.connect']).toBe(cluster.zookeeperConnect);
    expect(config['broker.id.generation.enable']).toBe('false');
    expect(config['listener.security.protocol.map']).toBe('INTERNAL:SASL_SSL');
    expect(config['listener.name.internal.ssl.keystore.location']).toBe(path.join(env.KP_CONFIG_DIR, 'node-keystore.pem'));
    expect(config['listener.name.controller.ssl.keystore.location']).toBeUndefined();
    expect(fake.calls().map(c => c.tool)).toEqual(['kafka-configs.sh', 'kafka-server-start.sh']);
  });

  test('retries the ZooKeeper user upsert until ZooKeeper answers', () => {
    const counter = path.join(fake.root, 'attempts');
    fake.install('kafka-configs.sh', `n=$(( $(cat "${counter}" 2>/dev/null || echo 0) + 1 )); echo $n > "${counter}"; [ $n -ge 3 ]`);
    const { objects } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0, { KP_START_RETRY_SECONDS: '0' });
    expect(fake.run(script, env).status).toBe(0);
    expect(fake.calls('kafka-configs.sh')).toHaveLength(3);
    expect(fake.calls('kafka-server-start.sh')).toHaveLength(1);
  });
});

describe('kafka-start.sh (external listener)', () => {
  const ext = { domain: 'kafka.example.com', loadBalancer: { flavour: STUB_FLAVOUR }, tls: { secretName: 'kafka-tls' } };

  test('advertises broker-<nodeId>.<domain> and builds a PEM keystore from the TLS Secret', () => {
    const { objects } = synth({ externalListener: ext });
    const { env, script } = preparePod(objects, 'kafka-broker-2', 0);
    expect(fake.run(script, env).status).toBe(0);
    const config = finalConfig();
    expect(config['listeners']).toBe('INTERNAL://0.0.0.0:9092,EXTERNAL://0.0.0.0:9094');
    expect(config['advertised.listeners']).toBe('INTERNAL://kafka-broker-2-0.kafka-broker-headless.kafka.svc.cluster.local:9092,EXTERNAL://broker-1200.kafka.example.com:9094');
    expect(config['listener.security.protocol.map']).toBe('CONTROLLER:SASL_SSL,INTERNAL:SASL_SSL,EXTERNAL:SASL_SSL');
    expect(config['listener.name.external.ssl.keystore.type']).toBe('PEM');
    expect(fs.readFileSync(config['listener.name.external.ssl.keystore.location'], 'utf8')).toBe(FAKE_KEY + FAKE_CERT);
  });

  test.each([
    ['a PKCS#1 key, which Kafka cannot read', '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----\n'],
    ['an encrypted PKCS#8 key (no key password is configured)', '-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n-----END ENCRYPTED PRIVATE KEY-----\n'],
  ])('refuses %s', (_name, key) => {
    const { objects } = synth({ externalListener: ext });
    const { env, script, tlsDir } = preparePod(objects, 'kafka-broker-0', 0);
    fs.writeFileSync(path.join(tlsDir, 'tls.key'), key);
    const result = fake.run(script, env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('must be an unencrypted PKCS#8 PEM key');
    expect(fake.calls('kafka-server-start.sh')).toHaveLength(0);
  });
});

describe('kafka-start.sh (TLS on the controller, replication and in-cluster client listeners)', () => {
  test('a KRaft broker builds one PEM keystore from the node Secret for its controller and internal listeners', () => {
    const { objects } = synth();
    const { env, script, nodeTlsDir } = preparePod(objects, 'kafka-broker-0', 0);
    expect(env.KP_NODE_TLS_DIR).toBe(nodeTlsDir);
    expect(fake.run(script, env).status).toBe(0);
    const config = finalConfig();
    const keystore = path.join(env.KP_CONFIG_DIR, 'node-keystore.pem');
    expect(config['listener.security.protocol.map']).toBe('CONTROLLER:SASL_SSL,INTERNAL:SASL_SSL');
    expect(config['listener.name.internal.ssl.keystore.location']).toBe(keystore);
    expect(config['listener.name.controller.ssl.keystore.location']).toBe(keystore);
    expect(config['listener.name.internal.ssl.keystore.type']).toBe('PEM');
    expect(config['listener.name.internal.ssl.truststore.location']).toBe('/etc/kafka-tls/node/ca.crt');
    expect(config['listener.name.internal.ssl.client.auth']).toBe('requested');
    expect(config['listener.name.controller.ssl.client.auth']).toBe('required');
    expect(fs.readFileSync(keystore, 'utf8')).toBe(FAKE_KEY + FAKE_CERT);
    // The keystore holds the private key: only the Kafka user may read it.
    expect(fs.statSync(keystore).mode & 0o077).toBe(0);
  });

  test('a controller builds the keystore for its controller listener only', () => {
    const { objects } = synth();
    const { env, script } = preparePod(objects, 'kafka-controller-1', 0);
    expect(fake.run(script, env).status).toBe(0);
    const config = finalConfig();
    expect(config['listener.name.controller.ssl.keystore.location']).toBe(path.join(env.KP_CONFIG_DIR, 'node-keystore.pem'));
    expect(config['listener.name.internal.ssl.keystore.location']).toBeUndefined();
  });

  test.each([
    ['a PKCS#1 node key', 'tls.key', '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----\n', 'must be an unencrypted PKCS#8 PEM key'],
    ['a node Secret without the cluster CA', 'ca.crt', undefined, 'ca.crt (the cluster CA) is missing'],
  ])('refuses %s', (_name, file, content, message) => {
    const { objects } = synth();
    const { env, script, nodeTlsDir } = preparePod(objects, 'kafka-broker-0', 0);
    if (content === undefined) fs.rmSync(path.join(nodeTlsDir, file));
    else fs.writeFileSync(path.join(nodeTlsDir, file), content);
    const result = fake.run(script, env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(fake.calls('kafka-server-start.sh')).toHaveLength(0);
  });

  test('with the plaintext opt-in there is no node Secret, no keystore and no TLS property', () => {
    const { objects } = synth({ tls: { dangerouslyUsePlaintextInternalListeners: true } });
    const { env, script } = preparePod(objects, 'kafka-broker-0', 0);
    expect(env.KP_NODE_TLS_DIR).toBeUndefined();
    expect(fake.run(script, env).status).toBe(0);
    const config = finalConfig();
    expect(config['listener.security.protocol.map']).toBe('CONTROLLER:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT');
    expect(Object.keys(config).filter(k => k.includes('.ssl.'))).toEqual([]);
  });
});
