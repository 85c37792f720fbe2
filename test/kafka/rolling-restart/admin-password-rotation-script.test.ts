import * as fs from 'fs';
import { KafkaMetadataMode } from '../../../lib/kafka';
import { adminSecret, BROKERS, CONTROLLER_ROLL, CONTROLLER_ROLL_AFTER, CONTROLLERS, events, fresh, jaas, lockouts, NEW, OLD, rotated, run, SECRET, synthesizedRotation, useFakeTools } from './admin-rotation-sim';

/** rotate-admin-password.sh against the simulated cluster (admin-rotation-sim.ts): rotations, retirement, refusals. */
const tools = useFakeTools();

describe('rotate-admin-password.sh against a simulated cluster', () => {
  test('generation 1 from a fresh Secret: credential first, controllers accept, then every node logs in as admin-b', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = fresh(env);
    const result = run(script, env, sim);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const secret = adminSecret(sim);
    expect(secret.password).toMatch(/^[0-9a-f]{64}$/);
    expect(secret).toEqual({
      'username': 'admin-b', 'password': secret.password, 'sasl.jaas.config': jaas('admin-b', secret.password), 'sasl.mechanism': 'SCRAM-SHA-512',
      'also-accepted-username': 'admin', 'also-accepted-password': OLD, 'generation': '1',
    });
    expect(sim.state.scram).toEqual({ 'admin': { 'SCRAM-SHA-512': OLD }, 'admin-b': { 'SCRAM-SHA-512': secret.password } });
    // The order of what changed: Kafka knows the new credential before the Secret names it anywhere; the controllers
    // restart to accept it before the Secret's username changes; then controllers and brokers restart to log in with it.
    expect(events(sim)).toEqual([
      'kafka-configs --alter --entity-type users --entity-name admin-b --add-config SCRAM-SHA-512=[password=<hidden>]',
      `patch ${SECRET} also-accepted-username also-accepted-password rotation-generation rotation-phase -rotation-stale-pods`,
      `patch ${SECRET} rotation-stale-pods`,
      ...CONTROLLER_ROLL.map(p => `delete ${p}`),
      `patch ${SECRET} username password sasl.jaas.config sasl.mechanism also-accepted-username also-accepted-password rotation-phase -rotation-stale-pods`,
      `patch ${SECRET} rotation-stale-pods`,
      ...CONTROLLER_ROLL_AFTER.map(p => `delete ${p}`),
      ...BROKERS.map(p => `delete ${p}`),
      `patch ${SECRET} generation -rotation-phase -rotation-generation -rotation-stale-pods`,
    ]);
    // Every pod now logs in as admin-b; every controller still accepts admin (until retirePrevious).
    for (const [name, pod] of Object.entries(sim.state.pods)) {
      expect([name, pod.login]).toEqual([name, `admin-b:${secret.password}`]);
      if (pod.role === 'controller') expect([name, pod.accepts]).toEqual([name, [`admin-b:${secret.password}`, `admin:${OLD}`]]);
    }
    // The accept phase's controllers started with admin still the login and admin-b accepted; at no point did a pod log
    // in with an identity a controller or Kafka refused.
    expect(lockouts(sim)).toEqual([]);
    // The Kafka tools of the login phase's roll logged in as the new identity.
    const configs = tools().calls('kafka-configs.sh')[0].commandConfig!;
    expect(configs).toContain(jaas('admin', OLD));
    expect(tools().calls('kafka-topics.sh').at(-1)!.commandConfig).toContain(jaas('admin-b', secret.password));
    expect(tools().calls('kafka-broker-api-versions.sh')[0].commandConfig).toContain(jaas('admin-b', secret.password));
    // No password appears in the log.
    for (const pw of [secret.password, OLD]) expect(`${result.stdout}${result.stderr}`).not.toContain(pw);
    expect(result.stdout).toContain('rotate-admin-password: generation 1: every controller and broker logs in as admin-b; admin is accepted until retirePrevious');
    expect(sim.state.lease).toBeUndefined();
  });

  test('the simulation catches a skipped accept phase: the same script without the accept phase\'s restarts locks nodes out', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const accept = 'roll_phase controllers "the admin Secret\'s also-accepted identity $also_user"';
    const source = fs.readFileSync(script, 'utf8');
    expect(source).toContain(accept);
    fs.writeFileSync(script, source.replace(accept, 'true'));
    const sim = fresh(env);
    expect(run(script, env, sim).status).toBe(0);
    // The first controller restarted in the login phase logs in as admin-b, which the others never learnt to accept.
    expect(lockouts(sim)[0]).toBe('lockout kafka-controller-1-0 does not accept kafka-controller-0-0 (admin-b) after restarting kafka-controller-0-0');
  });

  test('a second run at the same generation (the Secret as the first run leaves it) changes nothing and restarts nothing', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = rotated(env);
    const secret = sim.state.secrets;
    const again = run(script, env, sim);
    expect([again.status, again.stderr]).toEqual([0, '']);
    expect(sim.state.secrets).toEqual(secret);
    expect(events(sim)).toEqual([]);
    expect(sim.state.leaseCalls).toEqual([]);
    expect(again.stdout).toContain('rotate-admin-password: already at generation 1 (admin-b); admin is still accepted until retirePrevious');
  });

  test('retirePrevious at generation 1: admin\'s SCRAM credential deleted, also-accepted dropped, controllers restarted only', () => {
    const { script, env } = synthesizedRotation({ generation: 1, retirePrevious: true });
    const sim = rotated(env);
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(adminSecret(sim)).toEqual({ 'username': 'admin-b', 'password': NEW, 'sasl.jaas.config': jaas('admin-b', NEW), 'sasl.mechanism': 'SCRAM-SHA-512', 'generation': '1' });
    expect(sim.state.scram).toEqual({ 'admin': {}, 'admin-b': { 'SCRAM-SHA-512': NEW } });
    expect(events(sim)).toEqual([
      `patch ${SECRET} rotation-phase -rotation-stale-pods -also-accepted-username -also-accepted-password`,
      'kafka-configs --describe --entity-type users --entity-name admin',
      'kafka-configs --alter --entity-type users --entity-name admin --delete-config SCRAM-SHA-512',
      `patch ${SECRET} rotation-stale-pods`,
      ...CONTROLLER_ROLL.map(p => `delete ${p}`),
      `patch ${SECRET} -rotation-phase -rotation-stale-pods`,
    ]);
    for (const c of CONTROLLERS) expect(sim.state.pods[c].accepts).toEqual([`admin-b:${NEW}`]);
    expect(lockouts(sim)).toEqual([]);
    expect(result.stdout).toContain('rotate-admin-password: generation 1: admin is retired; only admin-b is accepted');
    // Retired: again, nothing happens.
    const count = events(sim).length;
    expect(run(script, env, sim).status).toBe(0);
    expect(events(sim)).toHaveLength(count);
  });

  test('retirePrevious together with a raised generation is refused before anything changes', () => {
    const { script, env } = synthesizedRotation({ generation: 2, retirePrevious: true });
    const sim = rotated(env);
    const before = sim.state;
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('retirePrevious is declared with generation 2, which is not rotated yet: nothing was changed. Deploy generation 2 without retirePrevious first, then set retirePrevious.');
    expect(sim.state.secrets).toEqual(before.secrets);
    expect(sim.state.scram).toEqual(before.scram);
    expect(events(sim)).toEqual([]);
  });

  test('generation 2 moves back to the declared name with a new password; the previous admin-b stays accepted', () => {
    const { script, env } = synthesizedRotation({ generation: 2 });
    const sim = rotated(env);
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const secret = adminSecret(sim);
    expect([secret.username, secret['also-accepted-username'], secret['also-accepted-password'], secret.generation]).toEqual(['admin', 'admin-b', NEW, '2']);
    expect(secret.password).toMatch(/^[0-9a-f]{64}$/);
    expect(secret.password).not.toBe(OLD);
    expect(sim.state.scram!.admin).toEqual({ 'SCRAM-SHA-512': secret.password });
    expect(lockouts(sim)).toEqual([]);
  });

  test('ZooKeeper mode (no controller listener): the brokers restart once, logging in as admin-b; retiring restarts nothing', () => {
    const { script, env } = synthesizedRotation({ generation: 1 }, { metadataMode: KafkaMetadataMode.ZOOKEEPER });
    expect(env.KP_ROLL_CONTROLLERS).toBeUndefined();
    const sim = fresh(env);
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(sim.state.deletes).toEqual(BROKERS);
    expect(adminSecret(sim)).toMatchObject({ 'username': 'admin-b', 'also-accepted-username': 'admin', 'generation': '1' });
    expect(lockouts(sim)).toEqual([]);
    const retire = synthesizedRotation({ generation: 1, retirePrevious: true }, { metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const retired = run(retire.script, retire.env, sim);
    expect([retired.status, retired.stderr]).toEqual([0, '']);
    expect(sim.state.deletes).toEqual(BROKERS);
    expect(sim.state.scram!.admin ?? {}).toEqual({});
    expect(lockouts(sim)).toEqual([]);
  });

  test('a Secret ahead of the declared generation is refused, naming the generation to declare', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = rotated(env, { generation: '3' });
    const before = sim.state.secrets;
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Secret ${SECRET} is at generation 3, past the declared 1: declare adminPasswordRotation.generation 4 to rotate again`);
    expect(sim.state.secrets).toEqual(before);
    expect(events(sim)).toEqual([]);
  });

  test('a broker that does not accept the new credential keeps it out of the Secret: the Job fails, nothing restarted', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = fresh(env);
    tools().install('kafka-broker-api-versions.sh', 'echo "b:9092 (id: 1000 rack: zone-a) -> ERROR: org.apache.kafka.common.errors.SaslAuthenticationException"');
    const before = sim.state.secrets;
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('admin-b: not every broker accepts the new SCRAM-SHA-512 password after 2 attempts; the Secret still holds the previous one');
    expect(sim.state.secrets).toEqual(before);
    expect(sim.state.deletes).toEqual([]);
  });
});
