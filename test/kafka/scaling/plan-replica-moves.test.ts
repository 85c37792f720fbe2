import { spawnSync } from 'child_process';
import { kafkaScriptPath } from '../../../lib/kafka';

/** Runs the shipped planner on facts; returns the plan's partitions and the logged moves. */
function plan(facts: string[]): { code: number; partitions: Array<{ topic: string; partition: number; replicas: number[] }>; moves: string[]; stderr: string } {
  const r = spawnSync('bash', [kafkaScriptPath('plan-replica-moves.sh')], { input: facts.join('\n') + '\n', encoding: 'utf8' });
  return {
    code: r.status ?? -1,
    partitions: r.stdout.trim() ? JSON.parse(r.stdout).partitions : [],
    moves: r.stderr.split('\n').filter(l => l.startsWith('move ')),
    stderr: r.stderr,
  };
}

const ZONE = (id: number) => ['a', 'b', 'c'][Math.floor((id - 1000) / 100)];
const brokers = (ids: number[]) => ids.map(id => `broker ${id} ${ZONE(id)}`);
/** Six partitions, RF 3, one replica per zone, leaders spread: what rack-aware creation gives on 3 brokers. */
const SIX_ON_THREE = [
  'partition orders 0 1000,1100,1200', 'partition orders 1 1100,1200,1000', 'partition orders 2 1200,1000,1100',
  'partition orders 3 1000,1200,1100', 'partition orders 4 1100,1000,1200', 'partition orders 5 1200,1100,1000',
];

function load(partitions: string[][]): Map<string, number> {
  const m = new Map<string, number>();
  for (const replicas of partitions) for (const r of replicas) m.set(r, (m.get(r) ?? 0) + 1);
  return m;
}
/** Replicas after applying the plan to the facts. */
function after(facts: string[], partitions: Array<{ topic: string; partition: number; replicas: number[] }>): string[][] {
  return facts.filter(f => f.startsWith('partition ')).map(f => {
    const [, topic, p, replicas] = f.split(' ');
    const moved = partitions.find(x => x.topic === topic && x.partition === Number(p));
    return moved ? moved.replicas.map(String) : replicas.split(',');
  });
}

describe('plan-replica-moves.sh (the scale Job\'s planner)', () => {
  test('3 -> 6: the new brokers get an even share, each replica moves within its zone, half the replicas move', () => {
    const facts = [...brokers([1000, 1001, 1100, 1101, 1200, 1201]), ...SIX_ON_THREE];
    const r = plan(facts);
    expect(r.code).toBe(0);
    const placed = after(facts, r.partitions);
    expect([...load(placed).entries()].sort()).toEqual([['1000', 3], ['1001', 3], ['1100', 3], ['1101', 3], ['1200', 3], ['1201', 3]]);
    for (const replicas of placed) expect(new Set(replicas.map(id => ZONE(Number(id)))).size).toBe(3);
    const moved = placed.flatMap((rs, i) => rs.filter((id, j) => id !== SIX_ON_THREE[i].split(' ')[3].split(',')[j]));
    expect(moved).toHaveLength(9);
    expect(r.moves).toHaveLength(r.partitions.length);
    expect(r.moves[0]).toMatch(/^move orders-\d: [\d,]+ -> [\d,]+$/);
  });

  test('6 -> 3: every replica leaves the departing brokers (highest ordinal per zone) for a broker of its zone', () => {
    const before = [
      'partition orders 0 1001,1101,1201', 'partition orders 1 1101,1200,1001', 'partition orders 2 1200,1000,1100',
      'partition __consumer_offsets 0 1000,1101,1201',
    ];
    const facts = [...brokers([1000, 1100, 1200]), 'rack 1001 a', 'rack 1101 b', 'rack 1201 c', ...before];
    const r = plan(facts);
    expect(r.code).toBe(0);
    const placed = after(facts, r.partitions);
    expect(placed).toEqual([['1000', '1100', '1200'], ['1100', '1200', '1000'], ['1200', '1000', '1100'], ['1000', '1100', '1200']]);
    // The partition already on declared brokers does not move.
    expect(r.partitions.map(p => `${p.topic}-${p.partition}`)).toEqual(['orders-0', 'orders-1', '__consumer_offsets-0']);
  });

  test('nothing to do: no plan, no output (a re-run of a finished change)', () => {
    const r = plan([...brokers([1000, 1100, 1200]), ...SIX_ON_THREE]);
    expect([r.code, r.partitions, r.moves]).toEqual([0, [], []]);
  });

  test('deterministic: the facts in another order give the same plan', () => {
    const facts = [...brokers([1000, 1001, 1100, 1101, 1200, 1201]), ...SIX_ON_THREE];
    expect(plan([...facts].reverse().filter(f => f.startsWith('broker')).concat(SIX_ON_THREE)).partitions).toEqual(plan(facts).partitions);
  });

  test('refuses, naming the partition, when fewer declared brokers than the replication factor remain', () => {
    const r = plan([...brokers([1000, 1100]), 'rack 1200 c', 'partition orders 0 1000,1100,1200']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no declared broker can take the replica of orders-0 on broker 1200 (replicas 1000,1100,1200)');
  });
});
