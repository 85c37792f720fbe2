import { KafkaMetadataMode } from '../../lib/kafka';
import { FakeTools } from '../support/fake-tools';
import { parseProperties, synth } from './helpers';
import { ADMIN_PASSWORD, preparePod } from './start-script-pod';

/**
 * kafka-start.sh and the admin's two identities (admin password rotation): a node logs in with the admin Secret's
 * `username`, and a controller also accepts the Secret's also-accepted identity, with the env the pod spec resolves.
 */
let fake: FakeTools;
beforeEach(() => {
  fake = new FakeTools();
  for (const tool of ['kafka-storage.sh', 'kafka-configs.sh', 'kafka-server-start.sh']) fake.install(tool);
});
afterEach(() => fake.cleanup());

const OLD = 'f'.repeat(64);
const PLAIN = 'org.apache.kafka.common.security.plain.PlainLoginModule required';
const SCRAM = 'org.apache.kafka.common.security.scram.ScramLoginModule required';
/** The admin Secret in the middle of a rotation to admin-b (the login phase): admin still accepted. */
const ROTATING = { 'username': 'admin-b', 'password': ADMIN_PASSWORD, 'also-accepted-username': 'admin', 'also-accepted-password': OLD };

function start(statefulSet: string, secret: Record<string, string>) {
  const { objects } = synth();
  const { env, script } = preparePod(fake, objects, statefulSet, 0, {}, secret);
  const result = fake.run(script, env);
  const [started] = fake.calls('kafka-server-start.sh');
  return { result, env, config: started ? parseProperties(started.config!) : undefined };
}

describe('kafka-start.sh with the admin\'s two identities', () => {
  test('a controller logs in as the Secret\'s username and accepts it and the also-accepted identity over PLAIN', () => {
    const { result, env, config } = start('kafka-controller-0', ROTATING);
    expect([result.status, result.stderr]).toEqual([0, '']);
    // The pod spec resolves them from the Secret: the declared name stays beside the login.
    expect([env.KP_ADMIN_USERNAME, env.KP_ADMIN_LOGIN_USERNAME, env.KP_ADMIN_ALSO_ACCEPTED_USERNAME]).toEqual(['admin', 'admin-b', 'admin']);
    expect(config!['listener.name.controller.plain.sasl.jaas.config'])
      .toBe(`${PLAIN} username="admin-b" password="${ADMIN_PASSWORD}" user_admin-b="${ADMIN_PASSWORD}" user_admin="${OLD}";`);
    // A fresh controller's bootstrap metadata holds the identity it logs in with.
    expect(fake.calls('kafka-storage.sh')[0].args).toContain(`SCRAM-SHA-512=[name=admin-b,password=${ADMIN_PASSWORD}]`);
  });

  test('a broker logs in as the Secret\'s username over SCRAM and PLAIN, and holds no PLAIN user table even with also-accepted keys', () => {
    const { result, env, config } = start('kafka-broker-0', ROTATING);
    expect([result.status, result.stderr]).toEqual([0, '']);
    // Brokers are not given the also-accepted keys at all.
    expect(env.KP_ADMIN_ALSO_ACCEPTED_USERNAME).toBeUndefined();
    expect(config!['listener.name.internal.scram-sha-512.sasl.jaas.config']).toBe(`${SCRAM} username="admin-b" password="${ADMIN_PASSWORD}";`);
    expect(config!['listener.name.controller.plain.sasl.jaas.config']).toBe(`${PLAIN} username="admin-b" password="${ADMIN_PASSWORD}";`);
    expect(fake.calls('kafka-storage.sh')[0].args).toContain(`SCRAM-SHA-512=[name=admin-b,password=${ADMIN_PASSWORD}]`);
  });

  test('a controller refuses an also-accepted identity equal to its login, before anything runs', () => {
    const { result } = start('kafka-controller-0', { ...ROTATING, 'also-accepted-username': 'admin-b' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('the admin Secret names admin-b both as username and as also-accepted-username');
    expect(fake.calls()).toEqual([]);
  });

  test('a controller refuses an also-accepted identity without its password, or with one JAAS cannot quote', () => {
    const { 'also-accepted-password': _, ...withoutPassword } = ROTATING;
    const missing = start('kafka-controller-0', withoutPassword);
    expect(missing.result.status).not.toBe(0);
    expect(missing.result.stderr).toContain('KP_ADMIN_ALSO_ACCEPTED_PASSWORD is not set');
    fake.cleanup();
    fake = new FakeTools();
    for (const tool of ['kafka-storage.sh', 'kafka-configs.sh', 'kafka-server-start.sh']) fake.install(tool);
    const unquotable = start('kafka-controller-0', { ...ROTATING, 'also-accepted-password': 'a"b' });
    expect(unquotable.result.status).not.toBe(0);
    expect(unquotable.result.stderr).toContain('KP_ADMIN_ALSO_ACCEPTED_PASSWORD may only contain');
    expect(fake.calls()).toEqual([]);
  });

  test('without a username in the Secret (one from before rotation), every node logs in with the declared name', () => {
    const controller = start('kafka-controller-0', { password: ADMIN_PASSWORD });
    expect(controller.result.status).toBe(0);
    expect(controller.env.KP_ADMIN_LOGIN_USERNAME).toBeUndefined();
    expect(controller.config!['listener.name.controller.plain.sasl.jaas.config']).toBe(`${PLAIN} username="admin" password="${ADMIN_PASSWORD}" user_admin="${ADMIN_PASSWORD}";`);
    fake.cleanup();
    fake = new FakeTools();
    for (const tool of ['kafka-storage.sh', 'kafka-configs.sh', 'kafka-server-start.sh']) fake.install(tool);
    const broker = start('kafka-broker-1', { password: ADMIN_PASSWORD });
    expect(broker.result.status).toBe(0);
    expect(broker.config!['listener.name.internal.scram-sha-512.sasl.jaas.config']).toBe(`${SCRAM} username="admin" password="${ADMIN_PASSWORD}";`);
  });

  test('ZooKeeper mode: the broker upserts the SCRAM credential of the identity it logs in with', () => {
    const { objects } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const { env, script } = preparePod(fake, objects, 'kafka-broker-0', 0, {}, ROTATING);
    expect(fake.run(script, env).status).toBe(0);
    expect(fake.calls('kafka-configs.sh')[0].args.slice(-4)).toEqual(['--entity-type', 'users', '--entity-name', 'admin-b']);
  });
});
