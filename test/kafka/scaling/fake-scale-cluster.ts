import * as fs from 'fs';
import * as path from 'path';
import { FakeTools } from '../../support/fake-tools';

/** What the fake `kubectl` and Kafka tools answer, kept in a JSON file they read and write. */
export interface FakeScaleState {
  /** StatefulSet -> replicas; a missing one is NotFound. */
  statefulSets: Record<string, number>;
  /** Registered brokers: id -> rack and whether fenced. */
  brokers: Record<string, { rack: string; fenced: boolean }>;
  /** `topic-partition` -> replicas. */
  partitions: Record<string, number[]>;
  /** What happened, in order: `scale <sts> <n>`, `execute <tp>=<replicas>;...`, `elect`, `unregister <id>`. */
  events: string[];
}

/** StatefulSet `kafka-broker-<zone>`, pod ordinal -> node id (1000 + zone * 100 + ordinal), rack = zone name. */
const SIMULATOR = `
const fs = require('fs');
const [stateFile, tool, ...args] = process.argv.slice(2);
const s = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
const save = () => fs.writeFileSync(stateFile, JSON.stringify(s));
const racks = ['zone-a', 'zone-b', 'zone-c'];
const arg = (name) => args[args.indexOf(name) + 1];
if (tool === 'kubectl') {
  const [verb, kind, name] = args;
  if (!(name in s.statefulSets)) { process.stderr.write('Error from server (NotFound): statefulsets.apps "' + name + '" not found'); process.exit(1); }
  if (verb === 'get') { process.stdout.write(String(s.statefulSets[name])); process.exit(0); }
  const want = Number(args.find(a => a.startsWith('--replicas=')).split('=')[1]);
  const zone = Number(name.split('-').pop());
  for (let o = 0; o < Math.max(want, s.statefulSets[name]); o++) {
    const id = String(1000 + zone * 100 + o);
    if (o < want) s.brokers[id] = { rack: racks[zone], fenced: false };
    else if (s.brokers[id]) s.brokers[id].fenced = true;
  }
  s.statefulSets[name] = want;
  s.events.push('scale ' + name + ' ' + want);
  save();
  process.exit(0);
}
if (tool === 'kafka-cluster.sh') {
  if (args[0] === 'list-endpoints') {
    // What the admin client logs when a bootstrap address does not answer: on stderr, before the table.
    console.error('[2026-01-01 00:00:00,000] WARN [AdminClient clientId=adminclient-1] Connection to node -2 (/127.0.0.1:9093) could not be established. Node may not be available.');
    console.log('ID         HOST      PORT       RACK   STATE      ENDPOINT_TYPE  ');
    for (const [id, b] of Object.entries(s.brokers)) console.log(id + '       127.0.0.1 9092      ' + b.rack + ' ' + (b.fenced ? 'fenced' : 'unfenced') + '   broker');
  } else if (args[0] === 'unregister') {
    const id = arg('--id');
    s.events.push('unregister ' + id);
    if (s.brokers[id] && s.brokers[id].fenced) delete s.brokers[id];
    save();
  }
  process.exit(0);
}
if (tool === 'kafka-topics.sh') {
  for (const [tp, r] of Object.entries(s.partitions)) {
    const i = tp.lastIndexOf('-');
    console.log('\\tTopic: ' + tp.slice(0, i) + '\\tPartition: ' + tp.slice(i + 1) + '\\tLeader: ' + r[0] + '\\tReplicas: ' + r.join(',') + '\\tIsr: ' + r.join(','));
  }
  process.exit(0);
}
if (tool === 'kafka-reassign-partitions.sh') {
  if (args.includes('--list')) { console.log('No partition reassignments found.'); process.exit(0); }
  const plan = JSON.parse(fs.readFileSync(arg('--reassignment-json-file'), 'utf8'));
  if (args.includes('--execute')) {
    for (const p of plan.partitions) s.partitions[p.topic + '-' + p.partition] = p.replicas;
    s.events.push('execute throttle=' + arg('--throttle') + ' ' + plan.partitions.map(p => p.topic + '-' + p.partition + '=' + p.replicas.join(',')).join(';'));
    save();
    console.log('Successfully started partition reassignments');
  } else {
    console.log('Status of partition reassignment:');
    for (const p of plan.partitions) console.log('Reassignment of partition ' + p.topic + '-' + p.partition + ' is completed.');
  }
  process.exit(0);
}
if (tool === 'kafka-leader-election.sh') { s.events.push('elect'); save(); process.exit(0); }
process.exit(0);
`;

/** A simulated namespace and KRaft cluster behind fake kubectl and Kafka tools, so scale-brokers.sh runs unmodified. */
export class FakeScaleCluster {
  public readonly stateFile: string;

  constructor(fake: FakeTools, state: FakeScaleState) {
    this.stateFile = path.join(fake.root, 'scale-cluster.json');
    fs.writeFileSync(this.stateFile, JSON.stringify(state));
    const sim = path.join(fake.root, 'fake-scale-cluster.js');
    fs.writeFileSync(sim, SIMULATOR);
    fake.install('kubectl', `exec node ${sim} ${this.stateFile} kubectl "$@"`, 'path');
    for (const tool of ['kafka-cluster.sh', 'kafka-topics.sh', 'kafka-reassign-partitions.sh', 'kafka-leader-election.sh']) {
      fake.install(tool, `exec node ${sim} ${this.stateFile} ${tool} "$@"`);
    }
  }

  public get state(): FakeScaleState {
    return JSON.parse(fs.readFileSync(this.stateFile, 'utf8'));
  }
}
