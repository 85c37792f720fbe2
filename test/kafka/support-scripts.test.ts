import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { KafkaMetadataMode } from '../../lib/kafka';
import { FakeTools } from '../support/fake-tools';
import { resolveContainerEnv } from '../support/pod-env';
import { all, find, synth } from './helpers';
import { AclOperation, AclPatternType, AclResourceType } from '../../lib/kafka';

let fake: FakeTools;
beforeEach(() => { fake = new FakeTools(); });
afterEach(() => fake.cleanup());

function writeConfigMap(objects: any[], name: string): string {
  const dir = path.join(fake.root, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [k, v] of Object.entries<string>(find(objects, 'ConfigMap', name).data)) fs.writeFileSync(path.join(dir, k), v);
  return dir;
}

/** A one-shot TCP server in a child process (the test's own event loop is blocked while bash runs). */
async function tcpServer(response: string, http: boolean, paddingLines = 0): Promise<{ port: number; child: ChildProcess }> {
  // paddingLines: per-partition samples after the response, as a broker with many partitions serves them.
  const code = `
    const net = require('net');
    let body = ${JSON.stringify(response)};
    for (let i = 0; i < ${paddingLines}; i++) body += 'kafka_log_log_size{partition="' + i + '",topic="orders"} 12345.0\\n';
    const server = net.createServer(sock => {
      sock.once('data', () => {
        sock.end(${http} ? 'HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: ' + Buffer.byteLength(body) + '\\r\\n\\r\\n' + body : body);
      });
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', d => resolve(parseInt(String(d), 10))));
  return { port, child };
}

describe('kafka-ready.sh', () => {
  const metrics = (state: number) => `# HELP kafka_server_kafkaserver_brokerstate Broker state\n# TYPE kafka_server_kafkaserver_brokerstate gauge\nkafka_server_kafkaserver_brokerstate ${state}.0\njvm_memory_used_bytes{area="heap"} 1.0E8\n`;

  test.each([[3, 0], [2, 1], [7, 1]])('broker state %i -> exit %i', async (state, expected) => {
    const { objects } = synth();
    const dir = writeConfigMap(objects, 'kafka-broker-config');
    const { port, child } = await tcpServer(metrics(state), true);
    try {
      const result = fake.run(path.join(dir, 'kafka-ready.sh'), { KP_ROLE: 'broker', KP_METRICS_PORT: String(port) });
      expect(result.status).toBe(expected);
      if (expected !== 0) expect(result.stderr).toContain(`broker state is '${state}.0'`);
    } finally { child.kill(); }
  });

  test('a broker without the metric (exporter up, Kafka still starting) is not ready', async () => {
    const { objects } = synth();
    const dir = writeConfigMap(objects, 'kafka-broker-config');
    const { port, child } = await tcpServer('jvm_threads_current 10.0\n', true);
    try {
      expect(fake.run(path.join(dir, 'kafka-ready.sh'), { KP_ROLE: 'broker', KP_METRICS_PORT: String(port) }).status).toBe(1);
    } finally { child.kill(); }
  });

  test('nothing listening -> not ready', () => {
    const { objects } = synth();
    const dir = writeConfigMap(objects, 'kafka-broker-config');
    expect(fake.run(path.join(dir, 'kafka-ready.sh'), { KP_ROLE: 'broker', KP_METRICS_PORT: '1' }).status).not.toBe(0);
  });

  test.each([['2.0', 0], ['-1.0', 1]])('controller current-leader %s -> exit %i', async (leader, expected) => {
    const { objects } = synth();
    const dir = writeConfigMap(objects, 'kafka-controller-config');
    const { port, child } = await tcpServer(`kafka_server_raft_metrics_current_leader ${leader}\n`, true);
    try {
      expect(fake.run(path.join(dir, 'kafka-ready.sh'), { KP_ROLE: 'controller', KP_METRICS_PORT: String(port) }).status).toBe(expected);
    } finally { child.kill(); }
  });

  // Regression: an early-exiting awk at the end of a pipeline killed the writer with SIGPIPE (exit 141 under pipefail)
  // as soon as the scrape was larger than a pipe buffer, so a broker with many partitions never became ready.
  test.each([
    ['broker', 'kafka-broker-config', 'kafka_server_kafkaserver_brokerstate 3.0\n'],
    ['controller', 'kafka-controller-config', 'kafka_server_raft_metrics_current_leader 1.0\n'],
  ])('%s: a large scrape with the metric first is ready', async (role, configMap, head) => {
    const { objects } = synth();
    const dir = writeConfigMap(objects, configMap);
    const { port, child } = await tcpServer(head, true, 20000);
    try {
      const result = fake.run(path.join(dir, 'kafka-ready.sh'), { KP_ROLE: role, KP_METRICS_PORT: String(port) });
      expect([result.status, result.stderr]).toEqual([0, '']);
    } finally { child.kill(); }
  });

  test('the readiness probe runs this script and the metric names match the exporter rules', () => {
    const { objects } = synth();
    const container = find(objects, 'StatefulSet', 'kafka-broker-0').spec.template.spec.containers[0];
    expect(container.readinessProbe.exec.command).toEqual(['/bin/bash', '/etc/kafka-template/kafka-ready.sh']);
    const exporter = find(objects, 'ConfigMap', 'kafka-broker-config').data['jmx-exporter.yaml'];
    expect(exporter).toContain('name: kafka_server_kafkaserver_brokerstate');
    expect(exporter).toContain('name: kafka_server_raft_metrics_current_leader');
  });
});

describe('zookeeper-start.sh and zookeeper-ready.sh', () => {
  test('writes myid = ordinal + 1 and zoo.cfg with every server, then runs zkServer.sh start-foreground', () => {
    const { objects, cluster } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const dir = writeConfigMap(objects, 'kafka-zookeeper-config');
    const zkHome = path.join(fake.root, 'zk');
    fs.mkdirSync(path.join(zkHome, 'bin'), { recursive: true });
    fake.install('zkServer.sh');
    fs.renameSync(path.join(fake.kafkaHome, 'bin', 'zkServer.sh'), path.join(zkHome, 'bin', 'zkServer.sh'));
    const container = find(objects, 'StatefulSet', 'kafka-zookeeper').spec.template.spec.containers[0];
    const env = resolveContainerEnv(container, {
      podName: 'kafka-zookeeper-2', namespace: 'kafka',
      overrides: { ZOOKEEPER_BASE_CONFIG: path.join(dir, 'zoo.cfg'), ZOO_CONF_DIR: path.join(fake.root, 'conf'), ZOO_DATA_DIR: path.join(fake.root, 'data'), ZOOKEEPER_HOME: zkHome },
    });
    const result = fake.run(path.join(dir, 'zookeeper-start.sh'), env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.readFileSync(path.join(fake.root, 'data', 'myid'), 'utf8')).toBe('3\n');
    const [call] = fake.calls('zkServer.sh');
    expect(call.args).toEqual(['start-foreground', path.join(fake.root, 'conf', 'zoo.cfg')]);
    expect(call.env.ZOOCFGDIR).toBe(path.join(fake.root, 'conf'));
    const cfg = call.config!;
    for (let i = 0; i < 3; i++) {
      expect(cfg).toContain(`server.${i + 1}=kafka-zookeeper-${i}.kafka-zookeeper-headless.kafka.svc.cluster.local:2888:3888\n`);
    }
    expect(cfg).toContain('clientPort=2181\n');
    expect(cfg).toContain('metricsProvider.httpPort=9404\n');
    expect(cfg).toContain(`dataDir=${path.join(fake.root, 'data')}\n`);
    expect(cluster.zookeeperConnect.split(',')).toHaveLength(3);
  });

  test('refuses to start when the server list lacks this server', () => {
    const { objects } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const dir = writeConfigMap(objects, 'kafka-zookeeper-config');
    const result = fake.run(path.join(dir, 'zookeeper-start.sh'), {
      POD_NAME: 'kafka-zookeeper-4', ZOOKEEPER_BASE_CONFIG: path.join(dir, 'zoo.cfg'), ZOO_CONF_DIR: path.join(fake.root, 'conf'), ZOO_DATA_DIR: path.join(fake.root, 'data'),
      ZOOKEEPER_SERVERS: 'server.1=a:2888:3888,server.2=b:2888:3888,server.3=c:2888:3888', ZOOKEEPER_CLIENT_PORT: '2181', ZOOKEEPER_METRICS_PORT: '9404',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no entry server.5');
  });

  test.each([['Zookeeper version: 3.8.4\nMode: follower\nNode count: 5\n', 0], ['This ZooKeeper instance is not currently serving requests\n', 1]])('srvr answer -> exit %#', async (answer, expected) => {
    const { objects } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const dir = writeConfigMap(objects, 'kafka-zookeeper-config');
    const { port, child } = await tcpServer(answer, false);
    try {
      expect(fake.run(path.join(dir, 'zookeeper-ready.sh'), { ZOOKEEPER_CLIENT_PORT: String(port) }).status).toBe(expected);
    } finally { child.kill(); }
  });
});

describe('create-user-secrets.sh (Secret bootstrap Job)', () => {
  function kubectlFake(existing: string[]) {
    // get: existing Secrets succeed, others are NotFound; create --dry-run prints a manifest naming the files;
    // label --local echoes stdin with the labels; create -f - succeeds.
    fake.install('kubectl', `
case "$1" in
  get) for s in ${existing.join(' ')}; do [ "$3" = "$s" ] && { echo "secret/$s"; exit 0; }; done; echo "Error from server (NotFound): secrets \\"$3\\" not found" >&2; exit 1 ;;
  create) if [ "$2" = secret ]; then for a in "$@"; do case "$a" in --from-file=*) rest="\${a#--from-file=}"; echo "# \${rest%%=*}: $(cat "\${rest#*=}")";; esac; done; echo "name: $4"; exit 0; fi; exit 0 ;;
  label) cat "$FAKE_LAST_STDIN"; shift 4; echo "labels: $*"; exit 0 ;;
esac
exit 0`, 'path');
  }

  test('creates only missing Secrets, with a fresh random password, username and JAAS line, labelled', () => {
    kubectlFake(['kafka-user-admin']);
    const { objects } = synth({}, c => { c.addUser('connect'); c.addUser('schema-registry'); });
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    const job = all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-secrets-'));
    const env = resolveContainerEnv(job.spec.template.spec.containers[0], { podName: 'job', namespace: 'kafka' });
    expect(env.KP_USER_SECRETS).toBe('admin=kafka-user-admin connect=kafka-user-connect schema-registry=kafka-user-schema-registry');
    const result = fake.run(path.join(dir, 'create-user-secrets.sh'), { ...env, TMPDIR: fake.root });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Secret kafka-user-admin exists, keeping it');
    const creates = fake.calls('kubectl').filter(c => c.args[0] === 'create' && c.args[1] === '-f');
    expect(creates).toHaveLength(2);
    const passwords = creates.map(c => {
      const m = /# password: ([0-9a-f]+)/.exec(c.stdin!);
      expect(m).not.toBeNull();
      expect(m![1]).toHaveLength(64);
      const user = /# username: (\S+)/.exec(c.stdin!)![1];
      expect(c.stdin).toContain(`# sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${m![1]}";`);
      expect(c.stdin).toContain('app.kubernetes.io/managed-by=cdktf-kafka-platform');
      // Clients read the mechanism from the Secret: a password rotation switches it.
      expect(c.stdin).toContain('# sasl.mechanism: SCRAM-SHA-512\n');
      return m![1];
    });
    expect(passwords[0]).not.toBe(passwords[1]);
    // Passwords never reach the Job log.
    for (const p of passwords) expect(result.stdout + result.stderr).not.toContain(p);
  });

  test('falls back to /dev/urandom when the image has no openssl', () => {
    kubectlFake([]);
    const { objects } = synth();
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    // A PATH with the basic tools but without openssl.
    const tools = path.join(fake.root, 'no-openssl');
    fs.mkdirSync(tools);
    for (const t of ['bash', 'od', 'tr', 'mktemp', 'rm', 'cat', 'node', 'env']) {
      const found = spawnSync('bash', ['-c', `command -v ${t}`], { encoding: 'utf8' }).stdout.trim();
      fs.symlinkSync(found, path.join(tools, t));
    }
    const r = spawnSync(tools + '/bash', [path.join(dir, 'create-user-secrets.sh')], {
      env: { PATH: `${fake.binDir}:${tools}`, KP_NAMESPACE: 'kafka', KP_USER_SECRETS: 'admin=kafka-user-admin', TMPDIR: fake.root, FAKE_LAST_STDIN: fake.lastStdinFile },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [create] = fake.calls('kubectl').filter(c => c.args[0] === 'create' && c.args[1] === '-f');
    expect(create.stdin).toMatch(/# password: [0-9a-f]{64}\n/);
  });

  test('fails loudly when a Secret cannot be read for another reason than NotFound', () => {
    fake.install('kubectl', 'echo "Error from server (Forbidden): secrets is forbidden" >&2; exit 1', 'path');
    const { objects } = synth();
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    const result = fake.run(path.join(dir, 'create-user-secrets.sh'), { KP_NAMESPACE: 'kafka', KP_USER_SECRETS: 'admin=kafka-user-admin', TMPDIR: fake.root });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Forbidden');
  });
});


describe('upsert-scram-users.sh and apply-topics.sh (admin Jobs)', () => {
  const secrets = { 'kafka-user-admin': { password: 'adminpw123' }, 'kafka-user-connect': { password: 'connectpw456' } };

  function jobEnv(objects: any[], prefix: string, overrides: Record<string, string> = {}, extraSecrets: Record<string, Record<string, string>> = {}) {
    const job = all(objects, 'Job').find(j => j.metadata.name.startsWith(prefix));
    return resolveContainerEnv(job.spec.template.spec.containers[0], { podName: 'job', namespace: 'kafka', secrets: { ...secrets, ...extraSecrets }, overrides: { KAFKA_HOME: fake.kafkaHome, TMPDIR: fake.root, KP_ADMIN_RETRY_SECONDS: '0', ...overrides } });
  }

  test('upserts each declared user with the admin command config', () => {
    fake.install('kafka-topics.sh');
    fake.install('kafka-configs.sh');
    fake.install('kafka-acls.sh');
    const { objects, cluster } = synth({}, c => { c.addUser('connect'); });
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    const result = fake.run(path.join(dir, 'upsert-scram-users.sh'), jobEnv(objects, 'kafka-users-', {
      KP_TOPICS_FILE: '', KP_ACLS_FILE: path.join(dir, 'acls.tsv'), KP_QUOTAS_FILE: path.join(dir, 'quotas.tsv'),
    }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [call] = fake.calls('kafka-configs.sh');
    expect(call.args).toEqual(expect.arrayContaining(['--bootstrap-server', cluster.internalBootstrapServers, '--alter', '--entity-type', 'users', '--entity-name', 'connect', '--add-config', 'SCRAM-SHA-512=[password=connectpw456]']));
    // TLS to the internal listener, trusting only the CA bundle the Job mounts (never the node Secret).
    expect(call.commandConfig).toBe('security.protocol=SASL_SSL\nssl.truststore.type=PEM\nssl.truststore.location=/etc/kafka-platform/ca/ca.crt\n'
      + 'sasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="adminpw123";\n');
    // The SCRAM upsert, then the quota check of the same user (it has none, so nothing changes).
    expect(fake.calls('kafka-configs.sh').map(c => c.args.slice(4, 6))).toEqual([['--alter', '--entity-type'], ['--describe', '--entity-type']]);
    expect(fake.calls('kafka-acls.sh').map(c => c.args.slice(4))).toEqual([['--list', '--principal', 'User:connect']]);
  });

  test('upserts a user under the mechanism its Secret names (SCRAM-SHA-256 after a rotation), and refuses an unknown one', () => {
    fake.install('kafka-topics.sh');
    fake.install('kafka-configs.sh');
    fake.install('kafka-acls.sh');
    const { objects } = synth({}, c => { c.addUser('connect'); });
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    const files = { KP_ACLS_FILE: path.join(dir, 'acls.tsv'), KP_QUOTAS_FILE: path.join(dir, 'quotas.tsv') };
    const rotated = fake.run(path.join(dir, 'upsert-scram-users.sh'), jobEnv(objects, 'kafka-users-', files, { 'kafka-user-connect': { 'password': 'newpw1', 'sasl.mechanism': 'SCRAM-SHA-256' } }));
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    expect(fake.calls('kafka-configs.sh')[0].args).toEqual(expect.arrayContaining(['--entity-name', 'connect', '--add-config', 'SCRAM-SHA-256=[password=newpw1]']));
    const bad = fake.run(path.join(dir, 'upsert-scram-users.sh'), jobEnv(objects, 'kafka-users-', files, { 'kafka-user-connect': { 'password': 'newpw1', 'sasl.mechanism': 'PLAIN' } }));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("the Secret of connect names the mechanism 'PLAIN' (want SCRAM-SHA-512 or SCRAM-SHA-256)");
  });

  test('converges each managed user\'s ACLs and quotas: adds what is declared, removes what is not, leaves other principals alone', () => {
    fake.install('kafka-topics.sh');
    fake.install('kafka-configs.sh', `
case " $* " in
  *" --describe "*) echo "Quota configs for user-principal 'orders' are consumer_byte_rate=100.0, request_percentage=50.0" ;;
esac`);
    fake.install('kafka-acls.sh', `
case " $* " in
  *" --list "*) printf '%s\\n' \
    "Current ACLs for resource \\\`ResourcePattern(resourceType=TOPIC, name=orders, patternType=PREFIXED)\\\`: " \
    " \\t(principal=User:orders, host=*, operation=WRITE, permissionType=ALLOW)" \
    " \\t(principal=User:orders, host=*, operation=DELETE, permissionType=ALLOW)" \
    "" ;;
esac`);
    const { objects } = synth({}, c => {
      c.addUser('orders', {
        acls: [
          { resourceType: AclResourceType.TOPIC, name: 'orders', patternType: AclPatternType.PREFIXED, operations: [AclOperation.WRITE, AclOperation.DESCRIBE_CONFIGS] },
          { resourceType: AclResourceType.CLUSTER, operations: [AclOperation.IDEMPOTENT_WRITE] },
          { resourceType: AclResourceType.GROUP, name: 'orders.', patternType: AclPatternType.PREFIXED, operations: [AclOperation.READ, AclOperation.DESCRIBE] },
        ],
        quotas: { producerByteRate: 1048576, requestPercentage: 50 },
      });
    });
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    const result = fake.run(path.join(dir, 'upsert-scram-users.sh'), jobEnv(objects, 'kafka-users-', {
      KP_ACLS_FILE: path.join(dir, 'acls.tsv'), KP_QUOTAS_FILE: path.join(dir, 'quotas.tsv'),
    }, { 'kafka-user-orders': { password: 'orderspw789' } }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const acls = fake.calls('kafka-acls.sh').map(c => c.args.slice(4));
    expect(acls).toEqual([
      ['--list', '--principal', 'User:orders'],
      ['--remove', '--force', '--topic', 'orders', '--resource-pattern-type', 'prefixed', '--operation', 'Delete', '--allow-principal', 'User:orders', '--allow-host', '*'],
      ['--add', '--cluster', '--resource-pattern-type', 'literal', '--operation', 'IdempotentWrite', '--allow-principal', 'User:orders', '--allow-host', '*'],
      // One call per resource: each kafka-acls.sh run is a JVM start.
      ['--add', '--group', 'orders.', '--resource-pattern-type', 'prefixed', '--operation', 'Describe', '--operation', 'Read', '--allow-principal', 'User:orders', '--allow-host', '*'],
      ['--add', '--topic', 'orders', '--resource-pattern-type', 'prefixed', '--operation', 'DescribeConfigs', '--allow-principal', 'User:orders', '--allow-host', '*'],
    ]);
    const quotas = fake.calls('kafka-configs.sh').map(c => c.args.slice(4)).filter(a => a[0] === '--alter' && !a.includes('SCRAM-SHA-512=[password=orderspw789]'));
    expect(quotas).toEqual([
      ['--alter', '--entity-type', 'users', '--entity-name', 'orders', '--add-config', 'producer_byte_rate=1048576,request_percentage=50'],
      ['--alter', '--entity-type', 'users', '--entity-name', 'orders', '--delete-config', 'consumer_byte_rate'],
    ]);
  });

  test('waits for Kafka, then creates topics, sets configs (bracketing list values) and raises partitions', () => {
    const counter = path.join(fake.root, 'list-attempts');
    fake.install('kafka-topics.sh', `
case " $* " in
  *" --list "*) n=$(( $(cat "${counter}" 2>/dev/null || echo 0) + 1 )); echo $n > "${counter}"; [ $n -ge 2 ] ;;
  *" --describe "*) printf 'Topic: x\\tTopicId: abc\\tPartitionCount: 3\\tReplicationFactor: 3\\tConfigs: \\n' ;;
esac`);
    fake.install('kafka-configs.sh');
    const { objects } = synth({ topics: [{ name: 'orders', partitions: 6, replicationFactor: 3, config: { 'cleanup.policy': 'compact,delete', 'retention.ms': '1000' } }] },
      c => c.addTopic({ name: 'audit', partitions: 3, replicationFactor: 3 }));
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    const result = fake.run(path.join(dir, 'apply-topics.sh'), jobEnv(objects, 'kafka-topics-', { KP_TOPICS_FILE: path.join(dir, 'topics.tsv') }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const topics = fake.calls('kafka-topics.sh').map(c => c.args.slice(4));
    expect(topics).toEqual([
      ['--list'], ['--list'],
      ['--create', '--if-not-exists', '--topic', 'audit', '--partitions', '3', '--replication-factor', '3'],
      ['--describe', '--topic', 'audit'],
      ['--create', '--if-not-exists', '--topic', 'orders', '--partitions', '6', '--replication-factor', '3', '--config', 'cleanup.policy=compact,delete', '--config', 'retention.ms=1000'],
      ['--describe', '--topic', 'orders'],
      ['--alter', '--topic', 'orders', '--partitions', '6'],
    ]);
    const configs = fake.calls('kafka-configs.sh').map(c => c.args.slice(4));
    expect(configs).toEqual([
      // KRaft: the cluster-level min.insync.replicas (which overrides the brokers' static value under ELR) is kept at the declared one.
      ['--alter', '--entity-type', 'brokers', '--entity-default', '--add-config', 'min.insync.replicas=2'],
      ['--alter', '--entity-type', 'topics', '--entity-name', 'orders', '--add-config', 'cleanup.policy=[compact,delete],retention.ms=1000'],
    ]);
  });

  test('ZooKeeper mode leaves the cluster-level min.insync.replicas alone; a bad value is refused', () => {
    fake.install('kafka-topics.sh');
    fake.install('kafka-configs.sh');
    const { objects } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    const env = jobEnv(objects, 'kafka-topics-', { KP_TOPICS_FILE: path.join(dir, 'topics.tsv') });
    expect(env.KP_CLUSTER_MIN_INSYNC_REPLICAS).toBeUndefined();
    expect(fake.run(path.join(dir, 'apply-topics.sh'), env).status).toBe(0);
    expect(fake.calls('kafka-configs.sh')).toHaveLength(0);
    const bad = fake.run(path.join(dir, 'apply-topics.sh'), { ...env, KP_CLUSTER_MIN_INSYNC_REPLICAS: '0' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('must be a positive integer');
  });

  test('gives up when Kafka never answers', () => {
    fake.install('kafka-topics.sh', 'exit 1');
    const { objects } = synth();
    const dir = writeConfigMap(objects, 'kafka-admin-jobs');
    const result = fake.run(path.join(dir, 'apply-topics.sh'), jobEnv(objects, 'kafka-topics-', { KP_TOPICS_FILE: path.join(dir, 'topics.tsv'), KP_ADMIN_RETRIES: '3' }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('did not answer after 3 attempts');
    expect(fake.calls('kafka-topics.sh')).toHaveLength(3);
  });
});
