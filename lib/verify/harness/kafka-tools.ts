import * as fs from 'fs';
import * as path from 'path';
import { KafkaHome } from './kafka-home';
import { run, RunResult, startDetached, Started } from './processes';

/** Runs Kafka's own CLI tools (through the fake KAFKA_HOME) as a SCRAM client of the cluster. */
export class KafkaTools {
  /** Client properties file with SASL/SCRAM-SHA-512 credentials, as the synthesized clients use them. */
  public readonly clientConfig: string;

  constructor(private readonly home: KafkaHome, private readonly workDir: string, public bootstrap: () => string,
    creds: { securityProtocol: string; mechanism: string; jaasConfig: string; caFile?: string }) {
    fs.mkdirSync(workDir, { recursive: true });
    this.clientConfig = path.join(workDir, 'client.properties');
    fs.writeFileSync(this.clientConfig, [
      `security.protocol=${creds.securityProtocol}`,
      // Over TLS: trust only the cluster CA (the CA bundle ConfigMap's ca.crt), as the synthesized clients do.
      ...(creds.caFile ? ['ssl.truststore.type=PEM', `ssl.truststore.location=${creds.caFile}`] : []),
      `sasl.mechanism=${creds.mechanism}`,
      `sasl.jaas.config=${creds.jaasConfig}`,
      '',
    ].join('\n'), { mode: 0o600 });
  }

  /** A client config with extra properties (producer tuning for one scenario). */
  public configWith(name: string, extra: Record<string, string>): string {
    const file = path.join(this.workDir, `${name}.properties`);
    fs.writeFileSync(file, fs.readFileSync(this.clientConfig, 'utf8') + Object.entries(extra).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
    return file;
  }

  public tool(name: string, args: string[], timeoutMs = 90_000): Promise<RunResult> {
    return run([this.home.tool(name), ...args], { timeoutMs, cwd: this.workDir });
  }

  /** Like tool(), but throws with the tool's output when it fails. */
  public async ok(name: string, args: string[], timeoutMs = 90_000): Promise<string> {
    const res = await this.tool(name, args, timeoutMs);
    if (res.code !== 0) throw new Error(`${name} ${args.join(' ')} failed (exit ${res.code}):\n${res.stdout}\n${res.stderr}`);
    return res.stdout;
  }

  private admin(): string[] {
    return ['--bootstrap-server', this.bootstrap(), '--command-config', this.clientConfig];
  }

  public async describeTopic(topic: string): Promise<TopicDescription> {
    const out = await this.ok('kafka-topics.sh', [...this.admin(), '--describe', '--topic', topic]);
    return parseTopicDescription(out);
  }

  public async createTopic(topic: string, partitions: number, rf: number, configs: Record<string, string> = {}): Promise<void> {
    await this.ok('kafka-topics.sh', [...this.admin(), '--create', '--topic', topic, '--partitions', String(partitions), '--replication-factor', String(rf),
      ...Object.entries(configs).flatMap(([k, v]) => ['--config', `${k}=${v}`])]);
  }

  /** Creates a topic with no replication factor or config given: the cluster's defaults decide, as for an application that omits them. */
  public async createTopicWithDefaults(topic: string, partitions: number): Promise<void> {
    await this.ok('kafka-topics.sh', [...this.admin(), '--create', '--topic', topic, '--partitions', String(partitions)]);
  }

  /** Every topic, one `kafka-topics.sh --describe` (one JVM instead of one per topic). */
  public async describeAllTopics(): Promise<Map<string, TopicDescription>> {
    const out = await this.ok('kafka-topics.sh', [...this.admin(), '--describe']);
    const topics = new Map<string, TopicDescription>();
    const blocks = out.split(/^(?=Topic:\s*\S+\s+TopicId:)/m).filter((b) => /^Topic:/.test(b));
    for (const block of blocks) topics.set(/^Topic:\s*(\S+)/.exec(block)![1], parseTopicDescription(block));
    return topics;
  }

  public async topicConfig(topic: string): Promise<Record<string, string>> {
    const out = await this.ok('kafka-configs.sh', [...this.admin(), '--describe', '--entity-type', 'topics', '--entity-name', topic, '--all']);
    const configs: Record<string, string> = {};
    for (const m of out.matchAll(/^\s+([a-z0-9.]+)=([^ ]*) sensitive=/gm)) configs[m[1]] = m[2];
    return configs;
  }

  /** `kafka-configs.sh --describe --all` of one broker: every config it runs with (dynamic, static or default), by name. */
  public async brokerConfig(nodeId: number): Promise<Record<string, string>> {
    const out = await this.ok('kafka-configs.sh', [...this.admin(), '--describe', '--entity-type', 'brokers', '--entity-name', String(nodeId), '--all']);
    const configs: Record<string, string> = {};
    for (const m of out.matchAll(/^\s+([a-z0-9.]+)=([^ ]*) sensitive=/gm)) configs[m[1]] = m[2];
    return configs;
  }

  /** Brokers the cluster reports (id -> rack), from kafka-broker-api-versions.sh (Kafka's view of its registered brokers). */
  public async brokerRacks(): Promise<Map<number, string | null>> {
    const out = await this.ok('kafka-broker-api-versions.sh', ['--bootstrap-server', this.bootstrap(), '--command-config', this.clientConfig]);
    const racks = new Map<number, string | null>();
    for (const m of out.matchAll(/\(id: (\d+) rack: ([^\s)]+)/g)) racks.set(Number(m[1]), m[2] === 'null' ? null : m[2]);
    return racks;
  }

  /** `kafka-metadata-quorum.sh describe --status` through the brokers. */
  public async quorumStatus(): Promise<QuorumStatus> {
    const out = await this.ok('kafka-metadata-quorum.sh', [...this.admin(), 'describe', '--status']);
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
    const ids = (s: string) => [...s.matchAll(/"?id"?[:=]\s*(\d+)/g)].map((m) => Number(m[1]));
    const voters = field('CurrentVoters');
    return {
      leaderId: Number(field('LeaderId')),
      leaderEpoch: Number(field('LeaderEpoch')),
      highWatermark: Number(field('HighWatermark')),
      voters: ids(voters),
      observers: ids(field('CurrentObservers')),
      raw: out,
    };
  }

  /** Starts VerifiableProducer (kafka-tools) in the background; its JSON lines go to `outFile`. */
  public startVerifiableProducer(topic: string, opts: { maxMessages: number; throughput: number; acks: string; config: string; valuePrefix: number; outFile: string }): Started {
    return startDetached('verifiable-producer', [this.home.tool('kafka-verifiable-producer.sh'),
      '--bootstrap-server', this.bootstrap(), '--topic', topic, '--max-messages', String(opts.maxMessages),
      '--throughput', String(opts.throughput), '--acks', opts.acks, '--producer.config', opts.config, '--value-prefix', String(opts.valuePrefix)],
    { env: {}, cwd: this.workDir, logFile: opts.outFile });
  }

  /** Reads every value of a topic from the beginning with the console consumer, until it is idle for `idleMs`. */
  public async consumeAll(topic: string, idleMs = 15_000): Promise<string[]> {
    const res = await this.tool('kafka-console-consumer.sh', ['--bootstrap-server', this.bootstrap(), '--topic', topic, '--from-beginning',
      '--consumer.config', this.clientConfig, '--timeout-ms', String(idleMs), '--group', `it-verify-${topic}-${process.hrtime.bigint()}`], 240_000);
    // The console consumer exits 0 after --timeout-ms with a TimeoutException logged; anything else is a failure.
    if (res.code !== 0) throw new Error(`console consumer failed (exit ${res.code}): ${res.stderr}`);
    return res.stdout.split('\n').filter((l) => l.length > 0);
  }
}

export interface PartitionDescription {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: number[];
  readonly isr: number[];
}

export interface TopicDescription {
  readonly partitionCount: number;
  readonly replicationFactor: number;
  readonly configs: Record<string, string>;
  readonly partitions: PartitionDescription[];
}

export interface QuorumStatus {
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly highWatermark: number;
  readonly voters: number[];
  readonly observers: number[];
  readonly raw: string;
}

export function parseTopicDescription(out: string): TopicDescription {
  const head = /PartitionCount:\s*(\d+)\s+ReplicationFactor:\s*(\d+)\s+Configs:\s*(.*)$/m.exec(out);
  if (!head) throw new Error(`cannot parse topic description:\n${out}`);
  const configs: Record<string, string> = {};
  for (const kv of head[3].split(',').map((s) => s.trim()).filter(Boolean)) {
    const i = kv.indexOf('=');
    configs[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const ids = (s: string) => (s.trim() ? s.split(',').map(Number) : []);
  const partitions = [...out.matchAll(/Partition:\s*(\d+)\s+Leader:\s*(-?\d+|none)\s+Replicas:\s*([\d,]*)\s+Isr:\s*([\d,]*)/g)].map((m) => ({
    partition: Number(m[1]), leader: m[2] === 'none' ? -1 : Number(m[2]), replicas: ids(m[3]), isr: ids(m[4]),
  }));
  return { partitionCount: Number(head[1]), replicationFactor: Number(head[2]), configs, partitions };
}

/** What VerifiableProducer reported: acknowledged values and errors by exception class. */
export interface ProducerReport {
  readonly acked: string[];
  readonly errors: Map<string, number>;
  readonly errorMessages: string[];
  readonly sent?: number;
}

export function readProducerReport(file: string): ProducerReport {
  const acked: string[] = [];
  const errors = new Map<string, number>();
  const errorMessages: string[] = [];
  let sent: number | undefined;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let ev: { name?: string; value?: string; exception?: string; message?: string; sent?: number };
    try {
      ev = JSON.parse(line);
    } catch {
      continue;
    }
    if (ev.name === 'producer_send_success' && ev.value !== undefined) acked.push(ev.value);
    if (ev.name === 'producer_send_error') {
      const cls = String(ev.exception ?? 'unknown').replace(/^class /, '');
      errors.set(cls, (errors.get(cls) ?? 0) + 1);
      if (errorMessages.length < 5) errorMessages.push(`${cls}: ${ev.message ?? ''}`);
    }
    if (ev.name === 'tool_data') sent = ev.sent;
  }
  return { acked, errors, errorMessages, sent };
}
