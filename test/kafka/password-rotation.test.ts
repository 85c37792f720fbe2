import * as fs from 'fs';
import * as path from 'path';
import { KafkaTenant } from '../../lib/kafka';
import { SchemaRegistry } from '../../lib/kafka/ecosystem';
import { KafkaUserOptions } from '../../lib/kafka/types';
import { FakeTools } from '../support/fake-tools';
import { resolveContainerEnv } from '../support/pod-env';
import { all, envOf, find, parseProperties, synth } from './helpers';

const rotationJobs = (objects: any[]) => all(objects, 'Job').filter(j => j.metadata.name.startsWith('kafka-rotate-'));
const withRotation = (options: KafkaUserOptions) => synth({}, c => { c.addUser('orders', options); c.addUser('audit'); });

describe('password rotation: synthesized objects', () => {
  test('a platform component\'s user (its config names SCRAM-SHA-512) cannot rotate, whichever is declared first', () => {
    const rotateSchemaRegistry = (c: any) => c.addUser('kafka-schema-registry', { passwordRotation: { generation: 1 } });
    expect(() => synth({}, (c, chart) => { new SchemaRegistry(chart, 'sr', { cluster: c }); rotateSchemaRegistry(c); }))
      .toThrow(/addUser\("kafka-schema-registry"\)\.passwordRotation: rotates kafka-schema-registry, whose client always logs in with SCRAM-SHA-512/);
    expect(() => synth({}, (c, chart) => { rotateSchemaRegistry(c); new SchemaRegistry(chart, 'sr', { cluster: c }); }))
      .toThrow(/passwordRotation: rotates kafka-schema-registry, whose client always logs in with SCRAM-SHA-512/);
    expect(() => synth({}, c => { c.addUser('legacy-app', { fixedScramMechanism: true }); c.addUser('legacy-app', { passwordRotation: { generation: 1 } }); }))
      .toThrow(/rotates legacy-app/);
    // Without the flag the same user may rotate.
    expect(() => synth({}, c => { c.addUser('legacy-app'); c.addUser('legacy-app', { passwordRotation: { generation: 1 } }); })).not.toThrow();
  });

  test('a cluster that rotates nothing has no rotation Job and no right to patch a Secret', () => {
    const { objects } = synth({}, c => { c.addUser('orders', { passwordRotation: undefined }); });
    expect(rotationJobs(objects)).toEqual([]);
    // Other Jobs may patch other resources (the scale Job, StatefulSets); none may patch a Secret.
    expect(all(objects, 'Role').flatMap(r => r.rules).filter((rule: any) => rule.resources.includes('secrets') && rule.verbs.includes('patch'))).toEqual([]);
  });

  test('a declared generation gives a rotation Job for exactly the rotating users, with a Role that reads and patches only their Secrets', () => {
    const { objects } = withRotation({ passwordRotation: { generation: 1 } });
    const [job] = rotationJobs(objects);
    const pod = job.spec.template.spec;
    const env = envOf(pod.containers[0]);
    expect(env.KP_ROTATIONS).toBe('orders=kafka-user-orders=1=false');
    expect(env.KP_KUBECTL).toBe('/opt/kafka-rotation-tools/kubectl');
    expect(pod.containers[0].image).toMatch(/^apache\/kafka:/);
    expect(pod.initContainers[0].image).toMatch(/^registry\.k8s\.io\/kubectl:|kubectl/);
    expect(pod.serviceAccountName).toBe('kafka-password-rotation');
    expect(find(objects, 'Role', 'kafka-password-rotation').rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['kafka-user-orders'], verbs: ['get', 'patch'] },
    ]);
    expect(Object.keys(find(objects, 'ConfigMap', 'kafka-password-rotation').data).sort()).toEqual(['credential-lib.sh', 'kafka-admin-lib.sh', 'rotate-passwords.sh']);
    // The password is made in the Job: the manifests name Secrets, never a value.
    expect(JSON.stringify(job)).not.toMatch(/password=|"password":"/);
  });

  test('raising the generation, or retiring the previous password, is a new Job; the same declarations are the same Job', () => {
    const name = (options: KafkaUserOptions) => rotationJobs(withRotation(options).objects)[0].metadata.name;
    const one = name({ passwordRotation: { generation: 1 } });
    expect(name({ passwordRotation: { generation: 1 } })).toBe(one);
    expect(name({ passwordRotation: { generation: 2 } })).not.toBe(one);
    expect(name({ passwordRotation: { generation: 1, retirePrevious: true } })).not.toBe(one);
    expect(envOf(rotationJobs(withRotation({ passwordRotation: { generation: 1, retirePrevious: true } }).objects)[0].spec.template.spec.containers[0]).KP_ROTATIONS)
      .toBe('orders=kafka-user-orders=1=true');
  });

  test('a tenant user can rotate too; a user declared late is still in the Job', () => {
    const { objects } = synth({}, (cluster, chart) => {
      new KafkaTenant(chart, 'payments', { cluster, name: 'payments', users: [{ name: 'payments-app', passwordRotation: { generation: 3 } }] });
      cluster.addUser('late', { passwordRotation: { generation: 1 } });
    });
    expect(envOf(rotationJobs(objects)[0].spec.template.spec.containers[0]).KP_ROTATIONS).toBe('late=kafka-user-late=1=false payments-app=kafka-user-payments-app=3=false');
  });

  test('brokers accept both SCRAM slots on every SASL listener; the inter-broker login stays SCRAM-SHA-512', () => {
    const { objects } = synth({ externalListener: { domain: 'kafka.example.com', tls: { secretName: 'kafka-external-tls' } } } as any);
    const props = parseProperties(find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties']);
    expect(props['sasl.enabled.mechanisms']).toBe('SCRAM-SHA-512,SCRAM-SHA-256');
    expect(props['listener.name.external.sasl.enabled.mechanisms']).toBe('SCRAM-SHA-512,SCRAM-SHA-256');
    expect(props['sasl.mechanism.inter.broker.protocol']).toBe('SCRAM-SHA-512');
    const serverJaas = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    expect(props['listener.name.internal.scram-sha-256.sasl.jaas.config']).toBe(serverJaas);
    expect(props['listener.name.external.scram-sha-256.sasl.jaas.config']).toBe(serverJaas);
  });

  test('the users Job upserts each password under the mechanism its Secret names (optional: Secrets from before rotation have none)', () => {
    const { objects } = synth({}, c => { c.addUser('orders'); });
    const users = all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-users-'));
    const entry = users.spec.template.spec.containers[0].env.find((e: any) => e.name === 'KP_USER_0_MECHANISM');
    expect(entry).toEqual({ name: 'KP_USER_0_MECHANISM', valueFrom: { secretKeyRef: { name: 'kafka-user-orders', key: 'sasl.mechanism', optional: true } } });
  });
});

describe('password rotation: validation', () => {
  const declare = (options: KafkaUserOptions, props: any = {}) => () => synth(props, c => { c.addUser('orders', options); });
  test.each([
    [{ generation: -1 }, /addUser\("orders"\)\.passwordRotation\.generation: -1 is not a whole number from 0 to 10000\. Fix: start at 0/],
    [{ generation: 1.5 }, /passwordRotation\.generation: 1\.5 is not a whole number/],
    [{ generation: '2' }, /passwordRotation\.generation: "2" is not a whole number/],
    [{ generation: 0, retirePrevious: true }, /passwordRotation\.retirePrevious: retires the previous password, but generation 0 has none\. Fix: raise generation to rotate first/],
    [{ generation: 1, retirePrevious: 'yes' }, /passwordRotation\.retirePrevious: "yes" is not true or false/],
  ])('%j is refused, naming the prop and the fix', (rotation, message) => expect(declare({ passwordRotation: rotation as any })).toThrow(message));

  test('a Secret the user supplies is not rewritten by the Job: refused, with the way out', () => {
    expect(declare({ passwordRotation: { generation: 1 } }, { credentials: { existingSecrets: { orders: 'orders-from-vault' } } }))
      .toThrow(/addUser\("orders"\)\.passwordRotation: rotates a password kept in the Secret orders-from-vault you supply .*Fix: remove the existingSecrets entry/);
  });

  test('two declarations of one user must agree on the rotation', () => {
    expect(() => synth({}, c => { c.addUser('orders', { passwordRotation: { generation: 1 } }); c.addUser('orders', { passwordRotation: { generation: 2 } }); }))
      .toThrow(/passwordRotation: differs from the rotation declared for this user before/);
    expect(() => synth({}, c => { c.addUser('orders', { passwordRotation: { generation: 1 } }); c.addUser('orders', { acls: [] }); })).not.toThrow();
  });
});

describe('rotate-passwords.sh (the rotation Job) against fake kubectl and Kafka tools', () => {
  let fake: FakeTools;
  let store: string;
  beforeEach(() => {
    fake = new FakeTools();
    store = path.join(fake.root, 'secrets.json');
    // kubectl get secret NAME --namespace NS -o jsonpath={.data.KEY}  /  kubectl patch secret NAME ... --patch-file F (merged into the store).
    fake.install('kubectl', `node -e '
const fs = require("fs");
const [store, verb, kind, name, ...rest] = process.argv.slice(1);
const secrets = JSON.parse(fs.readFileSync(store, "utf8"));
if (!secrets[name]) { console.error("Error from server (NotFound): secrets \\"" + name + "\\" not found"); process.exit(1); }
if (verb === "get") {
  const key = /jsonpath=\\{\\.data\\.(.*)\\}/.exec(rest.join(" "))[1].replace(/\\\\\\./g, ".");
  process.stdout.write(secrets[name][key] === undefined ? "" : Buffer.from(secrets[name][key]).toString("base64"));
} else if (verb === "patch") {
  const patch = JSON.parse(fs.readFileSync(rest[rest.indexOf("--patch-file") + 1], "utf8"));
  for (const [k, v] of Object.entries(patch.data)) secrets[name][k] = Buffer.from(v, "base64").toString("utf8");
  fs.writeFileSync(store, JSON.stringify(secrets));
}' "${'$'}{FAKE_STORE}" "$@"`, 'path');
  });
  afterEach(() => fake.cleanup());

  const everyBrokerAnswers = 'printf \'127.0.0.1:9092 (id: 1000 rack: zone-a) -> (\\n\\tProduce(0): 3 to 12 [usable: 12]\\n)\\n127.0.0.1:9093 (id: 1100 rack: zone-b) -> (\\n)\\n\'';
  function runRotation(options: KafkaUserOptions, secrets: Record<string, Record<string, string>>, configsBody = 'exit 0', apiVersionsBody = everyBrokerAnswers) {
    fs.writeFileSync(store, JSON.stringify(secrets));
    fake.install('kafka-topics.sh');
    fake.install('kafka-configs.sh', configsBody);
    fake.install('kafka-broker-api-versions.sh', apiVersionsBody);
    const { objects } = withRotation(options);
    const dir = path.join(fake.root, 'scripts');
    fs.mkdirSync(dir, { recursive: true });
    for (const [k, v] of Object.entries<string>(find(objects, 'ConfigMap', 'kafka-password-rotation').data)) fs.writeFileSync(path.join(dir, k), v);
    const env = resolveContainerEnv(rotationJobs(objects)[0].spec.template.spec.containers[0], {
      podName: 'job', namespace: 'kafka', secrets: { 'kafka-user-admin': { password: 'adminpw123' } },
      overrides: { KAFKA_HOME: fake.kafkaHome, TMPDIR: fake.root, KP_KUBECTL: 'kubectl', KP_ADMIN_RETRY_SECONDS: '0', KP_ADMIN_RETRIES: '3', FAKE_STORE: store },
    });
    const result = fake.run(path.join(dir, 'rotate-passwords.sh'), env);
    return { ...result, secrets: JSON.parse(fs.readFileSync(store, 'utf8')) as Record<string, Record<string, string>> };
  }
  const scramCalls = () => fake.calls('kafka-configs.sh').map(c => c.args.slice(4));
  const original = () => ({ 'kafka-user-orders': { username: 'orders', password: 'old0', 'sasl.jaas.config': 'x', 'sasl.mechanism': 'SCRAM-SHA-512' } });

  test('rotation: the new password goes into the other SCRAM slot first, then into the Secret with that mechanism; the old slot is untouched', () => {
    const r = runRotation({ passwordRotation: { generation: 1 } }, original());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const secret = r.secrets['kafka-user-orders'];
    expect(secret.password).toMatch(/^[0-9a-f]{64}$/);
    expect(secret['sasl.mechanism']).toBe('SCRAM-SHA-256');
    expect(secret.generation).toBe('1');
    expect(secret['sasl.jaas.config']).toBe(`org.apache.kafka.common.security.scram.ScramLoginModule required username="orders" password="${secret.password}";`);
    expect(scramCalls()).toEqual([['--alter', '--entity-type', 'users', '--entity-name', 'orders', '--add-config', `SCRAM-SHA-256=[password=${secret.password}]`]]);
    // Kafka has the new credential, and every broker accepts it, before any client can read it from the Secret.
    const order = fake.calls().filter(c => c.tool === 'kubectl' && c.args[0] === 'patch' || c.tool !== 'kubectl' && c.tool !== 'kafka-topics.sh').map(c => c.tool);
    expect(order).toEqual(['kafka-configs.sh', 'kafka-broker-api-versions.sh', 'kubectl']);
    const [check] = fake.calls('kafka-broker-api-versions.sh');
    // The Job's own client properties (TLS with the CA bundle, as every admin Job), then the new login.
    expect(check.commandConfig).toBe(['security.protocol=SASL_SSL', 'ssl.truststore.type=PEM', 'ssl.truststore.location=/etc/kafka-platform/ca/ca.crt', 'sasl.mechanism=SCRAM-SHA-256',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="orders" password="${secret.password}";`, ''].join('\n'));
    expect(`${r.stdout}${r.stderr}`).not.toContain(secret.password);
    expect(r.stdout).toContain('orders: generation 1 password set as SCRAM-SHA-256; SCRAM-SHA-512 keeps the previous one');
    expect(fs.readdirSync(fake.root).filter(f => f.startsWith('tmp'))).toEqual([]);
  });

  test('when Kafka refuses the new password, the Job fails without changing the Secret, and its log masks the password Kafka\'s tool echoes', () => {
    const echoing = `case " $* " in *" --add-config "*) echo "Error while executing config command with args '$*'" >&2; exit 1 ;; esac`;
    const r = runRotation({ passwordRotation: { generation: 1 } }, original(), echoing);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--add-config SCRAM-SHA-256=[password=<hidden>]');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/password=[0-9a-f]{64}/);
    expect(r.secrets).toEqual(original());
  });

  test.each([
    ['one broker refuses it (the tool still exits 0)', 'printf \'a:1 (id: 1000 rack: zone-a) -> (\\n)\\nb:2 (id: 1100 rack: zone-b) -> ERROR: org.apache.kafka.common.errors.SaslAuthenticationException\\n\''],
    ['the bootstrap refuses it', 'echo "Authentication failed" >&2; exit 1'],
  ])('a broker that does not accept the new password yet keeps it out of the Secret (%s): retried, then the Job fails with the Secret unchanged', (_case, apiVersions) => {
    const r = runRotation({ passwordRotation: { generation: 1 } }, original(), 'exit 0', apiVersions);
    expect(r.status).not.toBe(0);
    expect(fake.calls('kafka-broker-api-versions.sh')).toHaveLength(3);
    expect(r.stderr).toContain('orders: not every broker accepts the new SCRAM-SHA-256 password after 3 attempts; the Secret still holds the previous one');
    expect(r.secrets).toEqual(original());
  });

  test('the next rotation alternates back to SCRAM-SHA-512; a Secret without sasl.mechanism counts as SCRAM-SHA-512', () => {
    const at1 = { 'kafka-user-orders': { ...original()['kafka-user-orders'], 'sasl.mechanism': 'SCRAM-SHA-256', 'generation': '1' } };
    expect(runRotation({ passwordRotation: { generation: 2 } }, at1).secrets['kafka-user-orders']['sasl.mechanism']).toBe('SCRAM-SHA-512');
    const legacy = { 'kafka-user-orders': { username: 'orders', 'password': 'old0', 'sasl.jaas.config': 'x' } };
    expect(runRotation({ passwordRotation: { generation: 1 } }, legacy).secrets['kafka-user-orders']['sasl.mechanism']).toBe('SCRAM-SHA-256');
  });

  test('idempotent: a Secret already at the declared generation is not rotated again', () => {
    const at1 = { 'kafka-user-orders': { ...original()['kafka-user-orders'], 'sasl.mechanism': 'SCRAM-SHA-256', 'generation': '1' } };
    const r = runRotation({ passwordRotation: { generation: 1 } }, at1);
    expect(r.status).toBe(0);
    expect(r.secrets).toEqual(at1);
    expect(scramCalls()).toEqual([]);
    expect(r.stdout).toContain('orders: already at generation 1 (SCRAM-SHA-256)');
  });

  test('retirePrevious deletes the slot the Secret does not name, once rotated in an earlier deploy', () => {
    const at1 = { 'kafka-user-orders': { ...original()['kafka-user-orders'], 'sasl.mechanism': 'SCRAM-SHA-256', 'generation': '1' } };
    const described = `case " $* " in *" --describe "*) echo "SCRAM credential configs for user-principal 'orders' are SCRAM-SHA-256=iterations=8192, SCRAM-SHA-512=iterations=4096" ;; esac`;
    const r = runRotation({ passwordRotation: { generation: 1, retirePrevious: true } }, at1, described);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(scramCalls()).toEqual([
      ['--describe', '--entity-type', 'users', '--entity-name', 'orders'],
      ['--alter', '--entity-type', 'users', '--entity-name', 'orders', '--delete-config', 'SCRAM-SHA-512'],
    ]);
    expect(r.secrets).toEqual(at1);
    // Again: nothing left to retire, nothing deleted.
    const again = runRotation({ passwordRotation: { generation: 1, retirePrevious: true } }, at1);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('no previous password to retire');
  });

  test('retirePrevious in the deploy that raises the generation is refused before anything changes', () => {
    const r = runRotation({ passwordRotation: { generation: 1, retirePrevious: true } }, original());
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('orders: retirePrevious is declared with generation 1, which is not rotated yet');
    expect(r.secrets).toEqual(original());
    expect(scramCalls()).toEqual([]);
  });

  test('a Secret ahead of the declared generation is an error naming the generation to declare', () => {
    const at3 = { 'kafka-user-orders': { ...original()['kafka-user-orders'], generation: '3' } };
    const r = runRotation({ passwordRotation: { generation: 2 } }, at3);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Secret kafka-user-orders is at generation 3, past the declared 2: declare passwordRotation.generation 4 to rotate again');
    expect(r.secrets).toEqual(at3);
  });
});
