import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import {
  CONNECT_JMX_RULES, CONNECT_METRICS, JMX_AGENT_DEFAULT_SHA256, KSQLDB_JMX_RULES, KSQLDB_METRICS, JMX_AGENT_VERSION, jmxExporterOutputName, SCHEMA_REGISTRY_JMX_RULES, SCHEMA_REGISTRY_METRICS,
} from '../../../lib/kafka/observability';
import { alertMetricSources } from '../../../lib/kafka/monitoring';
import { find, synthEcosystem } from '../ecosystem/support';

/**
 * The exporter configs we deploy, run by the real jmx_prometheus_javaagent
 * (the pinned version, from Maven Central) inside a JVM that registers MBeans
 * named exactly as Kafka Connect (`ConnectMetricsRegistry` via Kafka's
 * JmxReporter: `kafka.connect:type=<group>,<tag>=<value>,...`, double
 * attributes) and Schema Registry (`MetricsContainer`, JMX prefix
 * `kafka.schema.registry`; rest-utils' jersey metrics `<endpoint>.<stat>`)
 * name them. The alert rules' metric names must come out of it.
 */

const FAKE_MBEANS_JAVA = `
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.*;

public class FakeMBeans {
  static class Bean implements DynamicMBean {
    final Map<String, Double> attrs;
    Bean(Map<String, Double> attrs) { this.attrs = attrs; }
    public Object getAttribute(String n) throws AttributeNotFoundException {
      if (!attrs.containsKey(n)) throw new AttributeNotFoundException(n);
      return attrs.get(n);
    }
    public void setAttribute(Attribute a) {}
    public AttributeList getAttributes(String[] names) {
      AttributeList l = new AttributeList();
      for (String n : names) if (attrs.containsKey(n)) l.add(new Attribute(n, attrs.get(n)));
      return l;
    }
    public AttributeList setAttributes(AttributeList l) { return new AttributeList(); }
    public Object invoke(String a, Object[] p, String[] s) { return null; }
    public MBeanInfo getMBeanInfo() {
      MBeanAttributeInfo[] infos = attrs.keySet().stream()
        .map(n -> new MBeanAttributeInfo(n, "double", n, true, false, false)).toArray(MBeanAttributeInfo[]::new);
      return new MBeanInfo(Bean.class.getName(), "fake kafka metric", infos, null, null, null);
    }
  }
  public static void main(String[] args) throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (String line : Files.readAllLines(Paths.get(args[0]))) {
      if (line.isBlank()) continue;
      String[] parts = line.split("\\\\|");
      Map<String, Double> attrs = new LinkedHashMap<>();
      for (String kv : parts[1].split(";")) {
        int eq = kv.lastIndexOf('=');
        attrs.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
      }
      server.registerMBean(new Bean(attrs), new ObjectName(parts[0]));
    }
    System.out.println("READY");
    System.out.flush();
    while (System.in.read() >= 0) { }
  }
}
`;

function agentJar(): string {
  const jar = path.join(os.homedir(), '.m2', 'repository', 'io', 'prometheus', 'jmx', 'jmx_prometheus_javaagent', JMX_AGENT_VERSION, `jmx_prometheus_javaagent-${JMX_AGENT_VERSION}.jar`);
  if (!fs.existsSync(jar)) {
    const mvn = spawnSync('mvn', ['-q', '-B', 'dependency:get', `-Dartifact=io.prometheus.jmx:jmx_prometheus_javaagent:${JMX_AGENT_VERSION}`], { encoding: 'utf8' });
    if (mvn.error || mvn.status !== 0 || !fs.existsSync(jar)) {
      throw new Error(`the JMX exporter agent ${JMX_AGENT_VERSION} is required from Maven Central (Maven + network): ${mvn.error?.message ?? mvn.stderr ?? ''}`);
    }
  }
  return jar;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Sample { name: string; labels: Record<string, string>; value: number }

function parseExposition(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? (\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[4]) });
  }
  return out;
}

/** Starts a JVM with the MBeans and the agent serving `configYaml`, returns its exposition. */
async function scrapeWithAgent(dir: string, id: string, configYaml: string, mbeans: string[]): Promise<Sample[]> {
  const config = path.join(dir, `${id}.yaml`);
  const spec = path.join(dir, `${id}.mbeans`);
  fs.writeFileSync(config, configYaml);
  fs.writeFileSync(spec, mbeans.join('\n') + '\n');
  const port = await freePort();
  const jvm: ChildProcess = spawn('java', ['-Xmx64m', `-javaagent:${agentJar()}=127.0.0.1:${port}:${config}`, path.join(dir, 'FakeMBeans.java'), spec], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  jvm.stdout!.on('data', d => { output += d; });
  jvm.stderr!.on('data', d => { output += d; });
  try {
    const deadline = Date.now() + 90_000;
    while (!output.includes('READY')) {
      if (jvm.exitCode !== null) throw new Error(`JVM exited (${jvm.exitCode}): ${output}`);
      if (Date.now() > deadline) throw new Error(`JVM not ready: ${output}`);
      await new Promise(r => setTimeout(r, 200));
    }
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    return parseExposition(await res.text());
  } finally {
    jvm.stdin!.end();
    jvm.kill('SIGTERM');
  }
}

describe('component JMX exporter rules, run by the real agent against MBeans named as Kafka Connect and Schema Registry name them', () => {
  const { objects, ecosystem } = synthEcosystem({ schemaRegistry: true, connect: true, monitoring: true, ksqlDb: true });
  const deployedConfig = (name: string): string => find(objects, 'ConfigMap', name).data['config.yaml'];
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmx-rules-'));
    fs.writeFileSync(path.join(dir, 'FakeMBeans.java'), FAKE_MBEANS_JAVA);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the agent jar is the artifact whose checksum the init containers verify', () => {
    expect(crypto.createHash('sha256').update(fs.readFileSync(agentJar())).digest('hex')).toBe(JMX_AGENT_DEFAULT_SHA256);
  });

  test('the deployed ConfigMaps hold exactly the shared rule sets', () => {
    expect(parse(deployedConfig('kafka-schema-registry-jmx-exporter')).rules.map((r: any) => r.pattern)).toEqual(SCHEMA_REGISTRY_JMX_RULES.map(r => r.pattern));
    expect(parse(deployedConfig('kafka-connect-jmx-exporter')).rules.map((r: any) => r.pattern)).toEqual(CONNECT_JMX_RULES.map(r => r.pattern));
    expect(parse(deployedConfig('kafka-ksqldb-jmx-exporter')).rules.map((r: any) => r.pattern)).toEqual(KSQLDB_JMX_RULES.map(r => r.pattern));
  });

  test('Kafka Connect: every alert metric and every named Connect metric is exported with its connector/task labels', async () => {
    const c = 'inventory-mysql-source';
    const samples = await scrapeWithAgent(dir, 'connect', deployedConfig('kafka-connect-jmx-exporter'), [
      `kafka.connect:type=connect-worker-metrics,connector=${c}|connector-failed-task-count=1;connector-running-task-count=2;connector-total-task-count=3`,
      'kafka.connect:type=connect-worker-metrics|connector-count=1;task-count=3',
      'kafka.connect:type=connect-worker-rebalance-metrics|rebalancing=0;completed-rebalances-total=4',
      `kafka.connect:type=connector-task-metrics,connector=${c},task=0|running-ratio=0.5;offset-commit-failure-percentage=0`,
      `kafka.connect:type=source-task-metrics,connector=${c},task=0|source-record-poll-total=10`,
      `kafka.connect:type=task-error-metrics,connector=${c},task=0|total-record-errors=7`,
    ]);
    const value = (name: string, labels: Record<string, string>) => samples.find(s => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(value(CONNECT_METRICS.connectorFailedTaskCount, { connector: c })).toBe(1);
    expect(value(CONNECT_METRICS.connectorRunningTaskCount, { connector: c })).toBe(2);
    expect(value(CONNECT_METRICS.taskRunningRatio, { connector: c, task: '0' })).toBe(0.5);
    expect(value(CONNECT_METRICS.taskTotalRecordErrors, { connector: c, task: '0' })).toBe(7);
    // Gauges named `..._total` lose the suffix in the 1.x exporter; jmxExporterOutputName says so.
    expect(value('kafka_connect_source_task_source_record_poll', { connector: c, task: '0' })).toBe(10);
    expect(value(jmxExporterOutputName('kafka_connect_source_task_source-record-poll-total'), { connector: c, task: '0' })).toBe(10);
    expect(value('kafka_connect_worker_task_count', {})).toBe(3);
    expect(value(jmxExporterOutputName('kafka_connect_worker_rebalance_completed-rebalances-total'), {})).toBe(4);
    // Every Connect metric an alert rule reads is among them.
    const sources = alertMetricSources(ecosystem.monitoring!.alertRules);
    expect(sources.connect.length).toBeGreaterThan(0);
    for (const name of sources.connect) expect({ name, exported: samples.some(s => s.name === name) }).toEqual({ name, exported: true });
  }, 120_000);

  test('Schema Registry: primary role, connections and per-endpoint jersey stats are exported', async () => {
    const samples = await scrapeWithAgent(dir, 'schema-registry', deployedConfig('kafka-schema-registry-jmx-exporter'), [
      'kafka.schema.registry:type=master-slave-role|master-slave-role=1',
      'kafka.schema.registry:type=jetty-metrics|connections-active=3;connections-opened-rate=0.5',
      'kafka.schema.registry:type=registered-count|registered-count=7',
      'kafka.schema.registry:type=jersey-metrics|subjects.versions.register.request-rate=2;subjects.versions.register.request-error-rate=0.25;request-rate=5;request-error-rate=0.5',
    ]);
    const value = (name: string, labels: Record<string, string>) => samples.find(s => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(value(SCHEMA_REGISTRY_METRICS.primaryRole, {})).toBe(1);
    expect(value(SCHEMA_REGISTRY_METRICS.activeConnections, {})).toBe(3);
    expect(value('kafka_schema_registry_registered_count', {})).toBe(7);
    expect(value(SCHEMA_REGISTRY_METRICS.requestErrorRate, { endpoint: 'subjects.versions.register' })).toBe(0.25);
    expect(value(SCHEMA_REGISTRY_METRICS.requestErrorRate, { endpoint: 'all' })).toBe(0.5);
    expect(value('kafka_schema_registry_jersey_request_rate', { endpoint: 'subjects.versions.register' })).toBe(2);
    // Every Schema Registry metric an alert rule reads is among them (the live Kafka scrape of the integration suite has no Schema Registry).
    const sources = alertMetricSources(ecosystem.monitoring!.alertRules);
    expect(sources.schemaRegistry).toContain(SCHEMA_REGISTRY_METRICS.primaryRole);
    for (const name of sources.schemaRegistry) expect({ name, exported: samples.some(s => s.name === name) }).toEqual({ name, exported: true });
  }, 120_000);

  test('ksqlDB: engine metrics of the service id are exported (CP 7.x MBean layout)', async () => {
    const id = ecosystem.ksqlDb!.serviceId;
    const samples = await scrapeWithAgent(dir, 'ksqldb', deployedConfig('kafka-ksqldb-jmx-exporter'), [
      `io.confluent.ksql.metrics:type=_confluent-ksql-engine-query-stats,ksql_service_id=${id}|liveness-indicator=1;error-queries=2;num-persistent-queries=3;messages-consumed-per-sec=40`,
    ]);
    const value = (name: string) => samples.find(s => s.name === name && s.labels.ksql_service_id === id)?.value;
    expect(value(KSQLDB_METRICS.livenessIndicator)).toBe(1);
    expect(value(KSQLDB_METRICS.errorQueries)).toBe(2);
    expect(value(KSQLDB_METRICS.persistentQueries)).toBe(3);
    expect(value('ksqldb_engine_messages_consumed_per_sec')).toBe(40);
  }, 120_000);

  test('jmxExporterOutputName follows the exporter (lower case, invalid characters to "_", runs collapsed)', () => {
    expect(jmxExporterOutputName('kafka_connect_worker_connector-failed-task-count')).toBe('kafka_connect_worker_connector_failed_task_count');
    expect(jmxExporterOutputName('Kafka_X__y.z')).toBe('kafka_x_y_z');
    expect(jmxExporterOutputName('kafka_connect_worker_connector-startup-attempts-total')).toBe('kafka_connect_worker_connector_startup_attempts');
  });
});
