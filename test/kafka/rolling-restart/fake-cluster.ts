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
  /** The certificate (its fake fingerprint) the pod's listeners present in a handshake; none: the handshake yields nothing. */
  cert?: string;
  /** Per listener (`host:port`), overriding `cert`. */
  certs?: Record<string, string>;
  readonly nodeId: number;
  readonly role: 'broker' | 'controller';
  /** With `adminSecret`: the admin login the pod runs with, "<user>:<password>". */
  login?: string;
  /** With `adminSecret`, controllers: the logins its controller listener accepts. */
  accepts?: string[];
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
  /**
   * The metadata quorum as the leader sees it. `noFetchSince`: controllers (by node id) whose fetches stop when
   * they restart (e.g. they cannot log in): the leader's LastFetchTimestamp for them freezes then; every other
   * voter fetched just now.
   */
  quorum: { leader: number; lag: Record<string, number>; noFetchSince?: Record<string, number>; noFetch?: number[] };
  /** What a deleted pod does: come back on the template, never come back Ready, or come back on an old template. */
  onDelete: 'restart' | 'never-ready' | 'old-template';
  /** Pods deleted, in order. */
  deletes: string[];
  /** Secrets: name -> key -> base64 value (the node Secret's tls.crt is a fake fingerprint). */
  secrets?: Record<string, Record<string, string>>;
  /** The roll Lease (absent: none). */
  lease?: { holder: string; renewedAt: number; version: number };
  /** Lease calls, in order: "create <holder>", "replace <holder>", "delete". */
  leaseCalls?: string[];
  /** SCRAM credentials Kafka holds: user -> mechanism -> password. When set, the Kafka tools authenticate their --command-config against it. */
  scram?: Record<string, Record<string, string>>;
  /**
   * The admin Secret the pods read their admin login from (its `username`, `password`, `also-accepted-*` keys): a
   * recreated pod takes them as they are then (`FakePod.login`, `accepts`), and every restart or SCRAM change checks
   * that every pod's login is accepted by every controller (PLAIN) and, for brokers, by Kafka (SCRAM): a "lockout" event otherwise.
   */
  adminSecret?: string;
  /** What changed, in order: "delete <pod>", "patch <secret> <key>|-<key> ..." (- removed), "kafka-configs <args, passwords hidden>", "lockout <why>". */
  events?: string[];
}

/**
 * A simulated Kubernetes namespace and Kafka cluster behind fake `kubectl`,
 * `kafka-topics.sh` and `kafka-metadata-quorum.sh`, so roll-cluster.sh runs
 * unmodified and its decisions can be checked without either.
 */
export class FakeCluster {
  public readonly stateFile: string;

  /** `recordKubectl: false` leaves kubectl calls out of `fake.calls()` (half the processes per call: the simulation's `events` record what changed). */
  constructor(fake: FakeTools, state: FakeClusterState, options: { recordKubectl?: boolean } = {}) {
    this.stateFile = path.join(fake.root, 'cluster.json');
    fs.writeFileSync(this.stateFile, JSON.stringify(state));
    const sim = path.join(fake.root, 'fake-cluster.js');
    fs.writeFileSync(sim, SIMULATOR);
    if (options.recordKubectl === false) {
      fs.writeFileSync(path.join(fake.binDir, 'kubectl'), `#!/usr/bin/env bash\nexec node ${sim} kubectl "$@"\n`, { mode: 0o755 });
    } else {
      fake.install('kubectl', `exec node ${sim} kubectl "$@"`, 'path');
    }
    fake.install('kafka-topics.sh', `exec node ${sim} kafka-topics "$@"`);
    fake.install('kafka-metadata-quorum.sh', `exec node ${sim} kafka-metadata-quorum "$@"`);
    fake.install('keytool', `exec node ${sim} keytool "$@"`, 'path');
    if (state.scram) {
      fake.install('kafka-configs.sh', `exec node ${sim} kafka-configs "$@"`);
      fake.install('kafka-broker-api-versions.sh', `exec node ${sim} kafka-broker-api-versions "$@"`);
    }
  }

  public get state(): FakeClusterState {
    return JSON.parse(fs.readFileSync(this.stateFile, 'utf8'));
  }
}

/** Three controllers (leader 1) and three brokers on the old hash, one topic of 3 partitions RF 3 / min ISR 2. */
export function simulatedCluster(fake: FakeTools, env: Record<string, string>, patch: Partial<FakeClusterState> = {}, pods: Record<string, Partial<FakePod>> = {}, options: { recordKubectl?: boolean } = {}): FakeCluster {
  const ids = (list: string) => Object.fromEntries(list.split(' ').filter(Boolean).map(e => e.split('=')).map(([p, id]) => [p, Number(id)]));
  const controllerIds = ids(env.KP_ROLL_CONTROLLERS ?? '');
  const brokerIds = ids(env.KP_ROLL_BROKERS);
  const all: Record<string, FakePod> = {};
  for (const [pod, nodeId] of Object.entries(controllerIds)) all[pod] = { uid: `${pod}-uid`, hash: 'old', ready: true, nodeId, role: 'controller', ...pods[pod] };
  for (const [pod, nodeId] of Object.entries(brokerIds)) all[pod] = { uid: `${pod}-uid`, hash: 'old', ready: true, nodeId, role: 'broker', ...pods[pod] };
  const replicas = Object.values(brokerIds);
  return new FakeCluster(fake, {
    pods: all,
    templates: { broker: env.KP_ROLL_BROKER_HASH, controller: env.KP_ROLL_CONTROLLER_HASH ?? 'none' },
    partitions: [0, 1, 2].map(partition => ({ topic: 'orders', partition, replicas: [...replicas.slice(partition), ...replicas.slice(0, partition)], minIsr: 2 })),
    down: [],
    catchingUp: {},
    catchUpAnswers: 0,
    quorum: { leader: 1, lag: Object.fromEntries(Object.values(controllerIds).map(id => [String(id), 0])) },
    onDelete: 'restart',
    deletes: [],
    ...patch,
  }, options);
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
// KP_ROLL_TLS_ENDPOINTS: "<pod>=<secret>@<host>:<port> ...".
const endpoints = (process.env.KP_ROLL_TLS_ENDPOINTS || '').split(' ').filter(Boolean).map((e) => {
  const [pod, target] = e.split('=');
  const [secret, endpoint] = target.split('@');
  return { pod, secret, endpoint };
});
const presented = (endpoint) => {
  const e = endpoints.find((x) => x.endpoint === endpoint);
  const pod = e && s.pods[e.pod];
  return pod ? ((pod.certs || {})[endpoint] || pod.cert) : undefined;
};
s.leaseCalls = s.leaseCalls || [];
s.events = s.events || [];
const decoded = (secret, key) => secret[key] === undefined ? undefined : Buffer.from(secret[key], 'base64').toString('utf8');
// The admin login of --command-config, "<user>:<password>" ('' without one).
const commandLogin = () => {
  const i = args.indexOf('--command-config');
  const m = i >= 0 && /username="([^"]*)" password="([^"]*)"/.exec(fs.readFileSync(args[i + 1], 'utf8'));
  return m ? m[1] + ':' + m[2] : '';
};
const scramAccepts = (login) => { const [user, pw] = login.split(':'); return ((s.scram || {})[user] || {})['SCRAM-SHA-512'] === pw; };
// The tools log in over SCRAM-SHA-512 when the simulation keeps SCRAM credentials.
if (s.scram && tool.startsWith('kafka-') && tool !== 'kafka-broker-api-versions' && !scramAccepts(commandLogin())) {
  process.stderr.write('org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512\n'); process.exit(1);
}
// Every pod's login must be accepted by every controller and, for a broker (inter-broker SCRAM), by Kafka.
const checkAccess = (after) => {
  if (!s.adminSecret) return;
  const controllers = Object.entries(s.pods).filter(([, p]) => p.role === 'controller');
  for (const [name, p] of Object.entries(s.pods)) {
    for (const [c, cp] of controllers) if (!(cp.accepts || []).includes(p.login)) s.events.push('lockout ' + c + ' does not accept ' + name + ' (' + p.login.split(':')[0] + ') after ' + after);
    if (s.scram && p.role === 'broker' && !scramAccepts(p.login)) s.events.push('lockout Kafka has no SCRAM credential for ' + name + ' (' + p.login.split(':')[0] + ') after ' + after);
  }
};
if (tool === 'keytool') {
  // -printcert -file F (a fake certificate: its fingerprint) or -printcert -sslserver host:port (what the pod presents).
  const file = args[args.indexOf('-file') + 1];
  const cert = args.includes('-file') ? fs.readFileSync(file, 'utf8').trim() : presented(args[args.indexOf('-sslserver') + 1]);
  if (!cert) { process.stderr.write('keytool error: java.net.ConnectException'); process.exit(1); }
  out('Certificate #0\n====\nOwner: CN=kafka-node\nCertificate fingerprints:\n\t SHA1: 00\n\t SHA256: ' + cert + '\n');
} else if (tool === 'kubectl' && (args[1] === 'lease' || args[0] === 'create' || args[0] === 'replace')) {
  const readLease = () => JSON.parse(fs.readFileSync(args[args.indexOf('-f') + 1], 'utf8'));
  if (args[0] === 'create') {
    const l = readLease();
    if (s.lease) { process.stderr.write('Error from server (AlreadyExists): leases.coordination.k8s.io "' + l.metadata.name + '" already exists'); process.exit(1); }
    s.lease = { holder: l.spec.holderIdentity, renewedAt: Number(l.metadata.annotations['kafka-platform.io/renewed-at']), version: 1 };
    s.leaseCalls.push('create ' + s.lease.holder);
  } else if (args[0] === 'replace') {
    const l = readLease();
    if (!s.lease || String(s.lease.version) !== l.metadata.resourceVersion) { process.stderr.write('Error from server (Conflict): Operation cannot be fulfilled on leases.coordination.k8s.io: the object has been modified'); process.exit(1); }
    s.lease = { holder: l.spec.holderIdentity, renewedAt: Number(l.metadata.annotations['kafka-platform.io/renewed-at']), version: s.lease.version + 1 };
    s.leaseCalls.push('replace ' + s.lease.holder);
  } else if (!s.lease) {
    process.stderr.write('Error from server (NotFound): leases.coordination.k8s.io "' + args[2] + '" not found'); process.exit(1);
  } else if (args[0] === 'get') {
    const jp = args.find((a) => a.startsWith('jsonpath='));
    if (jp !== 'jsonpath={.spec.holderIdentity}|{.metadata.annotations.kafka-platform\\.io/renewed-at}|{.metadata.resourceVersion}') { process.stderr.write('unexpected jsonpath ' + jp); process.exit(2); }
    out(s.lease.holder + '|' + s.lease.renewedAt + '|' + s.lease.version);
  } else if (args[0] === 'delete') {
    delete s.lease;
    s.leaseCalls.push('delete');
  } else { process.exit(2); }
} else if (tool === 'kubectl' && args[1] === 'secret') {
  const secret = (s.secrets || {})[args[2]];
  if (!secret) { process.stderr.write('Error from server (NotFound): secrets "' + args[2] + '" not found'); process.exit(1); }
  if (!args.includes('--namespace')) { process.stderr.write('unexpected ' + args.join(' ')); process.exit(2); }
  if (args[0] === 'patch') {
    // --type merge --patch-file F: {"data": {key: base64 | null}}; null removes the key.
    if (args[args.indexOf('--type') + 1] !== 'merge') { process.stderr.write('unexpected ' + args.join(' ')); process.exit(2); }
    const data = JSON.parse(fs.readFileSync(args[args.indexOf('--patch-file') + 1], 'utf8')).data;
    for (const [k, v] of Object.entries(data)) { if (v === null) delete secret[k]; else secret[k] = v; }
    s.events.push('patch ' + args[2] + ' ' + Object.entries(data).map(([k, v]) => (v === null ? '-' : '') + k).join(' '));
    out('secret/' + args[2] + ' patched\n');
  } else {
    const key = /^jsonpath=\{\.data\.(.*)\}$/.exec(args.find((a) => a.startsWith('jsonpath=')) || '');
    if (args[0] !== 'get' || !key) { process.stderr.write('unexpected ' + args.join(' ')); process.exit(2); }
    out(secret[key[1].replace(/\\\./g, '.')] || '');
  }
} else if (tool === 'kubectl') {
  const [verb, kind, name] = args;
  const pod = s.pods[name];
  if (kind !== 'pod' || !args.includes('--namespace')) { process.stderr.write('unexpected kubectl call ' + args.join(' ')); process.exit(2); }
  if (!pod) { process.stderr.write('Error from server (NotFound): pods "' + name + '" not found'); process.exit(1); }
  if (verb === 'get') {
    const jp = args.find((a) => a.startsWith('jsonpath='));
    if (jp === 'jsonpath={.metadata.uid}') { out(pod.uid); save(); process.exit(0); }
    if (jp !== 'jsonpath={.metadata.uid}|{.metadata.annotations.kafka-platform\\.io/config-hash}|{.status.conditions[?(@.type=="Ready")].status}') { process.stderr.write('unexpected jsonpath ' + jp); process.exit(2); }
    out(pod.uid + '|' + pod.hash + '|' + (pod.ready ? 'True' : 'False'));
  } else if (verb === 'delete') {
    s.deletes.push(name);
    pod.uid = pod.uid + '+';
    pod.hash = s.onDelete === 'old-template' ? pod.hash : s.templates[pod.role];
    pod.ready = s.onDelete !== 'never-ready';
    // A recreated pod mounts its Secrets as they are now.
    if (pod.ready && s.onDelete !== 'old-template') {
      for (const e of endpoints.filter((x) => x.pod === name && (s.secrets || {})[x.secret])) {
        pod.certs = { ...(pod.certs || {}), [e.endpoint]: Buffer.from(s.secrets[e.secret]['tls.crt'], 'base64').toString('utf8').trim() };
      }
    }
    s.events.push('delete ' + name);
    // A recreated pod reads the admin Secret as it is now.
    const admin = s.adminSecret && s.secrets[s.adminSecret];
    if (admin) {
      pod.login = decoded(admin, 'username') + ':' + decoded(admin, 'password');
      if (pod.role === 'controller') pod.accepts = [pod.login, ...(admin['also-accepted-username'] ? [decoded(admin, 'also-accepted-username') + ':' + decoded(admin, 'also-accepted-password')] : [])];
      checkAccess('restarting ' + name);
    }
    if (pod.role === 'broker' && pod.ready) s.catchingUp[pod.nodeId] = s.catchUpAnswers;
    if (pod.role === 'controller' && s.quorum.leader === pod.nodeId) s.quorum.leader = Number(Object.keys(s.quorum.lag).find((id) => Number(id) !== pod.nodeId));
    if (pod.role === 'controller' && (s.quorum.noFetch || []).includes(pod.nodeId)) s.quorum.noFetchSince = { ...(s.quorum.noFetchSince || {}), [pod.nodeId]: Date.now() - 2000 };
    out('pod "' + name + '" deleted\n');
  } else { process.exit(2); }
} else if (tool === 'kafka-configs') {
  // --describe / --alter --add-config MECH=[password=P] / --alter --delete-config MECH, for --entity-type users.
  const user = args[args.indexOf('--entity-name') + 1];
  const creds = (s.scram[user] = s.scram[user] || {});
  if (has('--describe')) {
    const mechs = Object.keys(creds).map((m) => m + '=iterations=4096').join(', ');
    if (mechs) out("SCRAM credential configs for user-principal '" + user + "' are " + mechs + '\n');
  } else if (has('--add-config')) {
    const m = /^(SCRAM-SHA-(?:256|512))=\[password=([^\]]+)\]$/.exec(args[args.indexOf('--add-config') + 1]);
    creds[m[1]] = m[2];
  } else if (has('--delete-config')) {
    delete creds[args[args.indexOf('--delete-config') + 1]];
  }
  s.events.push('kafka-configs ' + args.filter((a, i) => args[i - 1] !== '--command-config' && a !== '--command-config' && args[i - 1] !== '--bootstrap-server' && a !== '--bootstrap-server').join(' ').replace(/password=[^\]]*/g, 'password=<hidden>'));
  checkAccess('kafka-configs');
} else if (tool === 'kafka-broker-api-versions') {
  // One line per broker: each authenticates the --command-config login against the SCRAM credentials.
  const ok = scramAccepts(commandLogin());
  for (const p of Object.values(s.pods).filter((x) => x.role === 'broker')) out('b:9092 (id: ' + p.nodeId + ' rack: zone) -> ' + (ok ? '(\n)' : 'ERROR: org.apache.kafka.common.errors.SaslAuthenticationException') + '\n');
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
    const fetched = (s.quorum.noFetchSince || {})[id] ?? Date.now();
    out(id + '\tpbvuBlaTTwKRxS5NLJwRFQ\t' + (500 - lag) + '\t' + lag + '\t' + fetched + '\t' + fetched + '\t' + (Number(id) === s.quorum.leader ? 'Leader' : 'Follower') + '\n');
  }
  out('1000\tAAAAAAAAAAAAAAAAAAAAAA\t500\t0\t1700000000000\t1700000000000\tObserver\n');
}
save();
`;
