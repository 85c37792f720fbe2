import * as fs from 'fs';
import { adminSecret, BROKERS, cluster, CONTROLLER_ROLL, CONTROLLER_ROLL_AFTER, events, jaas, lockouts, NEW, OLD, rotated, run, SECRET, synthesizedRotation, useFakeTools } from './admin-rotation-sim';

/** rotate-admin-password.sh resuming a phase its previous Job left in the admin Secret (admin-rotation-sim.ts). */
const tools = useFakeTools();

describe('rotate-admin-password.sh resumes a recorded phase', () => {
  test('resume: a Secret left in the login phase restarts only the pods still listed in rotation-stale-pods', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    // Two controllers and a broker restarted before the Job died: they are no longer listed.
    const stale = ['kafka-controller-1-0-uid', 'kafka-broker-1-0-uid', 'kafka-broker-2-0-uid'].join(' ');
    const sim = rotated(env, { 'generation': '0', 'rotation-phase': 'login', 'rotation-generation': '1', 'rotation-stale-pods': stale });
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(sim.state.deletes).toEqual(['kafka-controller-1-0', 'kafka-broker-1-0', 'kafka-broker-2-0']);
    expect(events(sim).filter(e => e.startsWith('patch'))).toEqual([`patch ${SECRET} generation -rotation-phase -rotation-generation -rotation-stale-pods`]);
    expect(adminSecret(sim).generation).toBe('1');
    expect(tools().calls('kafka-configs.sh')).toEqual([]);
    expect(lockouts(sim)).toEqual([]);
  });

  test('resume: a Secret left in the accept phase without a record lists the pods there now, then restarts them', () => {
    const { script, env } = synthesizedRotation({ generation: 1 });
    const sim = cluster(env,
      { 'username': 'admin', 'password': OLD, 'sasl.jaas.config': jaas('admin', OLD), 'also-accepted-username': 'admin-b', 'also-accepted-password': NEW, 'rotation-phase': 'accept', 'rotation-generation': '1' },
      { 'admin': { 'SCRAM-SHA-512': OLD }, 'admin-b': { 'SCRAM-SHA-512': NEW } }, `admin:${OLD}`, [`admin:${OLD}`]);
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(sim.state.deletes).toEqual([...CONTROLLER_ROLL, ...CONTROLLER_ROLL_AFTER, ...BROKERS]);
    expect(adminSecret(sim)).toMatchObject({ 'username': 'admin-b', 'password': NEW, 'also-accepted-username': 'admin', 'generation': '1' });
    expect(tools().calls('kafka-configs.sh')).toEqual([]);
    expect(lockouts(sim)).toEqual([]);
  });

  test('resume of an older generation\'s phase, with a higher generation declared since: finishes it, then rotates to the declared one', () => {
    // Generation 1's Job failed in its login phase; the next deploy declares generation 2.
    const { script, env } = synthesizedRotation({ generation: 2 });
    const sim = rotated(env, { 'generation': '0', 'rotation-phase': 'login', 'rotation-generation': '1', 'rotation-stale-pods': 'kafka-broker-2-0-uid' });
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const secret = adminSecret(sim);
    expect([secret.generation, secret.username, secret['also-accepted-username'], secret['also-accepted-password']]).toEqual(['2', 'admin', 'admin-b', NEW]);
    expect(sim.state.scram!.admin).toEqual({ 'SCRAM-SHA-512': secret.password });
    expect(sim.state.deletes.slice(0, 1)).toEqual(['kafka-broker-2-0']);
    expect(lockouts(sim)).toEqual([]);
    expect(result.stdout).toContain('rotate-admin-password: generation 1: every controller and broker logs in as admin-b');
    expect(result.stdout).toContain('rotate-admin-password: generation 2: every controller and broker logs in as admin');
  });

  test('resume of an older generation\'s phase with retirePrevious declared: finishes it, then refuses to retire a generation not rotated yet', () => {
    const { script, env } = synthesizedRotation({ generation: 2, retirePrevious: true });
    const sim = rotated(env, { 'generation': '0', 'rotation-phase': 'login', 'rotation-generation': '1', 'rotation-stale-pods': 'kafka-broker-2-0-uid' });
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('retirePrevious is declared with generation 2, which is not rotated yet: generation 1 was completed (its rotation had been left unfinished), nothing else was changed.');
    expect(adminSecret(sim)).toMatchObject({ 'generation': '1', 'username': 'admin-b', 'also-accepted-username': 'admin' });
    expect(tools().calls('kafka-configs.sh')).toEqual([]);
  });

  test('retirePrevious declared while the same generation\'s rotation was left unfinished: finishes it, then refuses to retire a password minutes old', () => {
    const { script, env } = synthesizedRotation({ generation: 1, retirePrevious: true });
    const sim = rotated(env, { 'generation': '0', 'rotation-phase': 'login', 'rotation-generation': '1', 'rotation-stale-pods': 'kafka-broker-2-0-uid' });
    const result = run(script, env, sim);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('generation 1\'s rotation had been left unfinished by an earlier Job and is complete now; retirePrevious was not applied');
    expect(adminSecret(sim)).toMatchObject({ 'generation': '1', 'username': 'admin-b', 'also-accepted-username': 'admin' });
    expect(sim.state.deletes).toEqual(['kafka-broker-2-0']);
    expect(tools().calls('kafka-configs.sh')).toEqual([]);
    expect(lockouts(sim)).toEqual([]);
  });

  test('resume of an unfinished retire, with a higher generation declared since: retires, then rotates once to the declared one', () => {
    const { script, env } = synthesizedRotation({ generation: 2 });
    const sim = rotated(env, { 'rotation-phase': 'retire', 'rotation-stale-pods': 'kafka-controller-0-0-uid' });
    const secret = sim.state.secrets![SECRET];
    delete secret['also-accepted-username'];
    delete secret['also-accepted-password'];
    fs.writeFileSync(sim.stateFile, JSON.stringify({ ...sim.state, secrets: { [SECRET]: secret } }));
    const result = run(script, env, sim);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(adminSecret(sim)).toMatchObject({ 'generation': '2', 'username': 'admin', 'also-accepted-username': 'admin-b', 'also-accepted-password': NEW });
    expect(events(sim).filter(e => e.startsWith('kafka-configs --alter'))).toEqual([
      'kafka-configs --alter --entity-type users --entity-name admin --delete-config SCRAM-SHA-512',
      'kafka-configs --alter --entity-type users --entity-name admin --add-config SCRAM-SHA-512=[password=<hidden>]',
    ]);
    expect(sim.state.deletes.slice(0, 1)).toEqual(['kafka-controller-0-0']);
    expect(lockouts(sim)).toEqual([]);
  });
});
