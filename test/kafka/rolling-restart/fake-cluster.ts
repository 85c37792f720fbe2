import * as fs from 'fs';
import * as path from 'path';
import { FakeTools } from '../../support/fake-tools';

/** One partition of the simulated cluster; its ISR is derived from which brokers are down or catching up. */
export interface FakePartition {
  readonly topic: string;
  readonly partition: number;
  readonly replicas: number[];
  readonly minIsr: number;
}

export interface FakePod {
  uid: string;
  hash: string;
  ready: boolean;
  readonly nodeId: number;
  readonly role: 'broker' | 'controller';
}

/** What the fake `kubectl` and Kafka tools answer, kept in a JSON file the tools read and write. */
export interface FakeClusterState {
  pods: Record<string, FakePod>;
  /** Config hash of each role's current StatefulSet template (what a recreated pod gets). */
  templates: { broker: string; controller: string };
  partitions: FakePartition[];
  /** Brokers whose process is down: out of every ISR. */
  down: number[];
  /** Broker id -> how many more `--under-replicated-partitions` answers still show it out of sync. */
  catchingUp: Record<string, number>;
  /** How many answers a restarted broker stays out of sync. */
  catchUpAnswers: number;
  quorum: { leader: number; lag: Record<string, number> };
  /** What a deleted pod does: come back on the template, never come back Ready, or come back on an old template. */
  onDelete: 'restart' | 'never-ready' | 'old-template';
  /** Pods deleted, in order. */
  deletes: string[];
}

/**
 * A simulated Kubernetes namespace and Kafka cluster behind fake `kubectl`,
 * `kafka-topics.sh` and `kafka-metadata-quorum.sh`, so roll-cluster.sh runs
 * unmodified and its decisions can be checked without either.
 */
export class FakeCluster {
  public readonly stateFile: string;

  constructor(fake: FakeTools, state: FakeClusterState) {
    this.stateFile = path.join(fake.root, 'cluster.json');
    fs.writeFileSync(this.stateFile, JSON.stringify(state));
    const sim = path.join(fake.root, 'fake-cluster.js');
    fs.writeFileSync(sim, SIMULATOR);
    fake.install('kubectl', `exec node ${sim} kubectl "$@"`, 'path');
    fake.install('kafka-topics.sh', `exec node ${sim} kafka-topics "$@"`);
    fake.install('kafka-metadata-quorum.sh', `exec node ${sim} kafka-metadata-quorum "$@"`);
  }

  public get state(): FakeClusterState {
    return JSON.parse(fs.readFileSync(this.stateFile, 'utf8'));
  }
}

const SIMULATOR = String.raw`
const fs = require('fs');
const file = process.env.FAKE_STATE;
const s = JSON.parse(fs.readFileSync(file, 'utf8'));
const [tool, ...args] = process.argv.slice(2);
const save = () => fs.writeFileSync(file, JSON.stringify(s));
const out = (t) => process.stdout.write(t);
const has = (flag) => args.includes(flag);
const isr = (p) => p.replicas.filter((id) => !s.down.includes(id) && !((s.catchingUp[id] ?? 0) > 0));
if (tool === 'kubectl') {
  const [verb, kind, name] = args;
  const pod = s.pods[name];
  if (kind !== 'pod' || !args.includes('--namespace')) { process.stderr.write('unexpected kubectl call ' + args.join(' ')); process.exit(2); }
  if (!pod) { process.stderr.write('Error from server (NotFound): pods "' + name + '" not found'); process.exit(1); }
  if (verb === 'get') {
    const jp = args.find((a) => a.startsWith('jsonpath='));
    if (jp !== 'jsonpath={.metadata.uid}|{.metadata.annotations.kafka-platform\\.io/config-hash}|{.status.conditions[?(@.type=="Ready")].status}') { process.stderr.write('unexpected jsonpath ' + jp); process.exit(2); }
    out(pod.uid + '|' + pod.hash + '|' + (pod.ready ? 'True' : 'False'));
  } else if (verb === 'delete') {
    s.deletes.push(name);
    pod.uid = pod.uid + '+';
    pod.hash = s.onDelete === 'old-template' ? pod.hash : s.templates[pod.role];
    pod.ready = s.onDelete !== 'never-ready';
    if (pod.role === 'broker' && pod.ready) s.catchingUp[pod.nodeId] = s.catchUpAnswers;
    if (pod.role === 'controller' && s.quorum.leader === pod.nodeId) s.quorum.leader = Number(Object.keys(s.quorum.lag).find((id) => Number(id) !== pod.nodeId));
    out('pod "' + name + '" deleted\n');
  } else { process.exit(2); }
} else if (tool === 'kafka-topics') {
  if (has('--list')) { out([...new Set(s.partitions.map((p) => p.topic))].join('\n') + '\n'); process.exit(0); }
  const pick = has('--under-min-isr-partitions') ? (p) => isr(p).length < p.minIsr
    : has('--at-min-isr-partitions') ? (p) => isr(p).length === p.minIsr
    : has('--under-replicated-partitions') ? (p) => isr(p).length < p.replicas.length : () => true;
  for (const p of s.partitions.filter(pick)) {
    const i = isr(p);
    out('\tTopic: ' + p.topic + '\tPartition: ' + p.partition + '\tLeader: ' + (i[0] ?? -1) + '\tReplicas: ' + p.replicas.join(',') + '\tIsr: ' + i.join(',') + '\tElr: \tLastKnownElr: \n');
  }
  if (has('--under-replicated-partitions')) {
    for (const id of Object.keys(s.catchingUp)) if (s.catchingUp[id] > 0) s.catchingUp[id]--;
    save();
  }
} else if (tool === 'kafka-metadata-quorum') {
  out('NodeId\tDirectoryId           \tLogEndOffset\tLag\tLastFetchTimestamp\tLastCaughtUpTimestamp\tStatus  \n');
  for (const [id, lag] of Object.entries(s.quorum.lag)) {
    out(id + '\tpbvuBlaTTwKRxS5NLJwRFQ\t' + (500 - lag) + '\t' + lag + '\t1700000000000\t1700000000000\t' + (Number(id) === s.quorum.leader ? 'Leader' : 'Follower') + '\n');
  }
  out('1000\tAAAAAAAAAAAAAAAAAAAAAA\t500\t0\t1700000000000\t1700000000000\tObserver\n');
}
save();
`;
