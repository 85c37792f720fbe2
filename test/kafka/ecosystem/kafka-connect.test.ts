import { KafkaPlatformValidationError } from '../../../lib/errors';
import { ConnectPlugin, KafkaConnect, KafkaConnector } from '../../../lib/kafka/ecosystem';
import { validateManifests } from '../../support/k8s-validate';
import { envMap, find, ofKind, podSpec, synthWith } from './support';

function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const i = line.indexOf('=');
    out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

const DEBEZIUM = ConnectPlugin.fromMavenCentral({
  name: 'debezium-mysql', groupId: 'io.debezium', artifactId: 'debezium-connector-mysql', version: '2.7.4.Final', classifier: 'plugin',
  sha256: '29c518325af7facc201aad51e87caf244e442bea13d1818bdcbef925bcca14f3',
});

function connectWith(configure?: (connect: KafkaConnect) => void, props: Partial<ConstructorParameters<typeof KafkaConnect>[2]> = {}) {
  return synthWith((cluster, chart) => {
    const connect = new KafkaConnect(chart, 'connect', { cluster, plugins: [DEBEZIUM], ...props });
    configure?.(connect);
    return connect;
  });
}

describe('KafkaConnect', () => {
  const { objects, cluster, result: connect } = connectWith();
  const deployment = find(objects, 'Deployment', 'kafka-connect');
  const spec = podSpec(deployment);
  const worker = spec.containers[0];

  test('every object passes schema validation with unknown-field detection', () => {
    expect(validateManifests(objects)).toEqual([]);
  });

  test('runs at least 2 workers with anti-affinity, zone spread and a PDB', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    expect(spec.topologySpreadConstraints[0].topologyKey).toBe('topology.kubernetes.io/zone');
    expect(find(objects, 'PodDisruptionBudget', 'kafka-connect').spec.maxUnavailable).toBe(1);
    expect(worker.readinessProbe.httpGet).toEqual({ path: '/connectors', port: 'http' });
    expect(worker.livenessProbe.httpGet).toEqual({ path: '/connectors', port: 'http' });
  });

  test('declares config (1), offsets (25) and status (5) topics, compacted with RF 3 and min ISR 2', () => {
    const topics = Object.fromEntries(cluster.declaredTopics.filter(t => t.name.startsWith('kafka-connect-')).map(t => [t.name, t]));
    expect(topics['kafka-connect-configs']).toEqual({ name: 'kafka-connect-configs', partitions: 1, replicationFactor: 3, config: { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' } });
    expect(topics['kafka-connect-offsets']).toMatchObject({ partitions: 25, replicationFactor: 3, config: { 'cleanup.policy': 'compact' } });
    expect(topics['kafka-connect-status']).toMatchObject({ partitions: 5, replicationFactor: 3, config: { 'cleanup.policy': 'compact' } });
  });

  test('the worker runs in distributed mode from the ConfigMap, which holds no secret', () => {
    expect(worker.command).toEqual(['/bin/sh', '-c', 'exec connect-distributed /etc/kafka-connect/connect-distributed.properties']);
    const text = find(objects, 'ConfigMap', 'kafka-connect-worker-config').data['connect-distributed.properties'];
    const props = parseProperties(text);
    expect(props).toMatchObject({
      'bootstrap.servers': cluster.internalBootstrapServers,
      'group.id': 'kafka-connect',
      'config.storage.topic': 'kafka-connect-configs',
      'offset.storage.topic': 'kafka-connect-offsets',
      'status.storage.topic': 'kafka-connect-status',
      'config.storage.replication.factor': '3',
      'offset.storage.partitions': '25',
      'status.storage.partitions': '5',
      'security.protocol': cluster.internalSecurityProtocol,
      'sasl.mechanism': 'SCRAM-SHA-512',
      'sasl.jaas.config': '${env:CONNECT_KAFKA_SASL_JAAS_CONFIG}',
      'producer.sasl.jaas.config': '${env:CONNECT_KAFKA_SASL_JAAS_CONFIG}',
      'consumer.sasl.jaas.config': '${env:CONNECT_KAFKA_SASL_JAAS_CONFIG}',
      'admin.sasl.jaas.config': '${env:CONNECT_KAFKA_SASL_JAAS_CONFIG}',
      'rest.advertised.host.name': '${env:CONNECT_REST_ADVERTISED_HOST}',
      'listeners': 'http://0.0.0.0:${env:CONNECT_REST_PORT}',
      'rest.advertised.port': '${env:CONNECT_REST_PORT}',
      'config.providers': 'env,dir',
      'config.providers.env.class': 'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
      'config.providers.dir.class': 'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
      'connector.client.config.override.policy': 'None',
    });
    expect(text).not.toMatch(/password/i);
    expect(worker.volumeMounts).toContainEqual({ name: 'worker-config', mountPath: '/etc/kafka-connect', readOnly: true });
    // Kafka refuses to start when an allowed path of the DirectoryConfigProvider is missing, so it always exists.
    expect(props['config.providers.dir.param.allowed.paths']).toBe('/opt/connect-secrets');
    expect(worker.volumeMounts).toContainEqual({ name: 'connect-secrets', mountPath: '/opt/connect-secrets', readOnly: true });
    expect(spec.volumes).toContainEqual({ name: 'connect-secrets', emptyDir: { sizeLimit: '1Mi' } });
  });

  test('the JAAS env var comes from the Connect user Secret', () => {
    const creds = cluster.declaredUsers.find(u => u.username === 'kafka-connect')!;
    expect(envMap(worker).CONNECT_KAFKA_SASL_JAAS_CONFIG).toEqual({ secretKeyRef: { name: creds.secretName, key: creds.jaasConfigKey } });
    expect(envMap(worker).CONNECT_REST_ADVERTISED_HOST).toEqual({ fieldRef: { fieldPath: 'status.podIP' } });
  });

  test('the REST port is set once, in the pod spec: the env var the worker listens and advertises on is the http container port', () => {
    const httpPort = worker.ports.find((p: any) => p.name === 'http').containerPort;
    expect(httpPort).toBe(8083);
    expect(envMap(worker).CONNECT_REST_PORT).toBe(String(httpPort));
    const text = find(objects, 'ConfigMap', 'kafka-connect-worker-config').data['connect-distributed.properties'];
    expect(text).not.toMatch(/8083/);
    const service = find(objects, 'Service', 'kafka-connect');
    expect(service.spec.ports).toEqual([expect.objectContaining({ name: 'http', port: 8083, targetPort: 'http' })]);
  });

  test('a Maven Central plugin is downloaded, checksum-verified and unpacked into the plugin path', () => {
    const init = spec.initContainers.find((c: any) => c.name === 'plugin-debezium-mysql');
    const script: string = init.command[2];
    // The script is fixed text; the artifact's URL, checksum and directory reach it as environment variables.
    const env = Object.fromEntries(init.env.map((e: any) => [e.name, e.value]));
    expect(env.PLUGIN_URL).toBe('https://repo1.maven.org/maven2/io/debezium/debezium-connector-mysql/2.7.4.Final/debezium-connector-mysql-2.7.4.Final-plugin.tar.gz');
    expect(env.PLUGIN_SHA256).toBe('29c518325af7facc201aad51e87caf244e442bea13d1818bdcbef925bcca14f3');
    expect(env.PLUGIN_DIR).toBe('/opt/connect-plugins/debezium-mysql');
    expect(script).toContain('curl -fsSL --retry 5 --retry-connrefused -o /tmp/plugin.download "$PLUGIN_URL"');
    expect(script).toContain('printf \'%s  /tmp/plugin.download\\n\' "$PLUGIN_SHA256" | sha256sum -c -');
    expect(script).toContain('tar -xzf /tmp/plugin.download -C "$PLUGIN_DIR"');
    expect(init.volumeMounts).toContainEqual({ name: 'connect-plugins', mountPath: '/opt/connect-plugins' });
    expect(worker.volumeMounts).toContainEqual({ name: 'connect-plugins', mountPath: '/opt/connect-plugins', readOnly: true });
  });

  test('a NetworkPolicy lets only the workers and labelled clients reach the REST API', () => {
    const policy = find(objects, 'NetworkPolicy', 'kafka-connect-ingress');
    expect(policy.spec.podSelector).toEqual({ matchLabels: deployment.spec.selector.matchLabels });
    expect(policy.spec.ingress[0]).toEqual({
      from: [
        { podSelector: { matchLabels: deployment.spec.selector.matchLabels } },
        { podSelector: { matchLabels: { 'kafka-platform.io/kafka-connect-rest-client': 'true' } }, namespaceSelector: {} },
      ],
      ports: [{ port: 8083, protocol: 'TCP' }],
    });
    // Standalone, no Prometheus of ours scrapes the workers, so the metrics port stays closed; with
    // KafkaEcosystem/KafkaMonitoring the scraping Prometheus is admitted (network-policies.test.ts).
    expect(policy.spec.ingress).toHaveLength(1);
    expect(connect.restClientLabel).toEqual({ key: 'kafka-platform.io/kafka-connect-rest-client', value: 'true' });
  });

  test('no connector: no submission Job', () => {
    expect(ofKind(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-connect-'))).toEqual([]);
    expect(connect.connectorRegistrations).toEqual([]);
  });
});

describe('KafkaConnector', () => {
  const declare = (connect: KafkaConnect, password = 'mysql-inventory') => new KafkaConnector(connect, 'inventory-mysql-source', {
    connect,
    connectorClass: 'io.debezium.connector.mysql.MySqlConnector',
    config: { 'database.hostname': 'mysql.db.svc', 'database.user': 'debezium' },
    secrets: { 'database.password': { secretName: password, key: 'password' } },
  });

  test('secrets become ${dir:...} references to a Secret mounted on the workers', () => {
    const { objects } = connectWith(c => declare(c));
    const spec = podSpec(find(objects, 'Deployment', 'kafka-connect'));
    expect(spec.volumes).toContainEqual({ name: 'secret-mysql-inventory', secret: { secretName: 'mysql-inventory', defaultMode: 0o440 } });
    expect(spec.containers[0].volumeMounts).toContainEqual({ name: 'secret-mysql-inventory', mountPath: '/opt/connect-secrets/mysql-inventory', readOnly: true });
    const files = find(objects, 'ConfigMap', 'kafka-connect-connectors').data;
    expect(JSON.parse(files['inventory-mysql-source.json'])).toEqual({
      'connector.class': 'io.debezium.connector.mysql.MySqlConnector',
      'database.hostname': 'mysql.db.svc',
      'database.password': '${dir:/opt/connect-secrets/mysql-inventory:password}',
      'database.user': 'debezium',
      'tasks.max': '1',
    });
    expect(files['submit-connectors.sh']).toMatch(/^#!\/bin\/sh/);
    expect(validateManifests(objects)).toEqual([]);
  });

  test('a Job applies them through the REST API; its name changes exactly when a connector changes', () => {
    const jobOf = (objects: any[]) => ofKind(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-connect-connectors-'));
    const a = jobOf(connectWith(c => declare(c)).objects);
    const again = jobOf(connectWith(c => declare(c)).objects);
    const changed = jobOf(connectWith(c => declare(c, 'mysql-other')).objects);
    expect(a.metadata.name).toMatch(/^kafka-connect-connectors-[0-9a-f]{10}$/);
    expect(again.metadata.name).toBe(a.metadata.name);
    expect(changed.metadata.name).not.toBe(a.metadata.name);
    const c = a.spec.template.spec.containers[0];
    expect(c.command).toEqual(['/bin/sh', '/etc/kafka-connect/connectors/submit-connectors.sh']);
    expect(envMap(c)).toEqual({ CONNECT_URL: 'http://kafka-connect.kafka.svc:8083', CONNECTORS_DIR: '/etc/kafka-connect/connectors' });
    // The Job's pod must not be picked up by the workers' Service or PDB, but may call the REST API.
    expect(a.spec.template.metadata.labels['app.kubernetes.io/name']).not.toBe('kafka-connect');
    expect(a.spec.template.metadata.labels['kafka-platform.io/kafka-connect-rest-client']).toBe('true');
  });

  test('a literal password in config fails synth and points to secrets', () => {
    expect(() => connectWith(c => new KafkaConnector(c, 'x', { connect: c, connectorClass: 'a.B', config: { 'connection.password': 'hunter2' } })))
      .toThrow('[test/connect/x] config["connection.password"]: holds a literal credential, which would be stored in a ConfigMap and shown by the REST API. Fix: move it to a Kubernetes Secret and reference it with secrets: { "connection.password": { secretName: "...", key: "..." } }');
  });

  test('config providers references are accepted for secret-looking keys', () => {
    expect(() => connectWith(c => new KafkaConnector(c, 'x', { connect: c, connectorClass: 'a.B', config: { 'schema.history.internal.producer.sasl.jaas.config': '${env:CONNECT_KAFKA_SASL_JAAS_CONFIG}' } }))).not.toThrow();
  });

  test.each([
    [{ config: { 'tasks.max': '3' } }, /config\["tasks.max"\]: is set by the typed props. Fix: use tasksMax/],
    [{ connectorClass: 'MySqlConnector' }, /connectorClass: "MySqlConnector" is not a fully qualified Java class name/],
    [{ name: 'bad name/x' }, /name: connector name "bad name\/x"/],
    [{ tasksMax: 0 }, /tasksMax: must be a positive integer/],
    [{ secrets: { 'a.password': { secretName: 'Bad_Name', key: 'k' } } }, /secrets\["a.password"\].secretName/],
  ])('invalid connector %j fails', (override, message) => {
    expect(() => connectWith(c => new KafkaConnector(c, 'x', { connect: c, connectorClass: 'a.B', ...override } as any))).toThrow(message);
  });

  test('a connector name used twice fails', () => {
    expect(() => connectWith(c => { declare(c); new KafkaConnector(c, 'again', { connect: c, name: 'inventory-mysql-source', connectorClass: 'a.B' }); }))
      .toThrow(/connector "inventory-mysql-source" is declared twice/);
  });
});

describe('KafkaConnect validation', () => {
  test('RF above broker count and min ISR >= RF fail with the prop name', () => {
    expect(() => connectWith(undefined, { topicReplicationFactor: 5 })).toThrow(/\[test\/connect\] topicReplicationFactor: topic "kafka-connect-configs": replication factor 5 is more than the 3 broker\(s\)\. Fix: lower topicReplicationFactor to at most 3, or add brokers$/);
    expect(() => connectWith(undefined, { topicMinInsyncReplicas: 3 })).toThrow(/\[test\/connect\] topicMinInsyncReplicas: .*min.insync.replicas 3 is not below the replication factor 3/);
  });

  test('workerConfig may not override security or carry secrets', () => {
    expect(() => connectWith(undefined, { workerConfig: { 'sasl.jaas.config': 'x' } })).toThrow(KafkaPlatformValidationError);
    expect(() => connectWith(undefined, { workerConfig: { 'sasl.jaas.config': 'x' } })).toThrow(/workerConfig\["sasl.jaas.config"\]: is managed by KafkaConnect/);
    expect(() => connectWith(undefined, { workerConfig: { 'ssl.truststore.password': 'x' } })).toThrow(/looks like a secret/);
    const { objects } = connectWith(undefined, { workerConfig: { 'value.converter': 'io.confluent.connect.avro.AvroConverter' } });
    expect(find(objects, 'ConfigMap', 'kafka-connect-worker-config').data['connect-distributed.properties']).toContain('value.converter=io.confluent.connect.avro.AvroConverter');
  });

  test('plugin checks: bad checksum, duplicate names, relative image path', () => {
    expect(() => connectWith(undefined, { plugins: [ConnectPlugin.fromMavenCentral({ name: 'x', groupId: 'g', artifactId: 'a', version: '1', sha256: 'abc' })] })).toThrow(/plugins\[0\].sha256/);
    expect(() => connectWith(undefined, { plugins: [DEBEZIUM, DEBEZIUM] })).toThrow(/plugins\[1\].name: plugin name "debezium-mysql" is used twice/);
    expect(() => connectWith(undefined, { plugins: [ConnectPlugin.fromImage('es', 'example.com/es-plugin:1.0', 'plugins')] })).toThrow(/plugins\[0\].sourcePath/);
    expect(() => connectWith(undefined, { plugins: [ConnectPlugin.fromImage('es', 'example.com/es-plugin:latest', '/plugins')] })).toThrow(/plugins\[0\].image/);
  });
});
