import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { kafkaScriptPath } from '../../../lib/kafka';
import { JMX_AGENT_UNAVAILABLE_MARK, jmxAgentFetchScript, JMX_EXPORTER_AGENT } from '../../../lib/kafka/observability';
import { podSpec, synthWith } from '../ecosystem/support';

/** The fetch-jmx-exporter init containers of every broker and controller StatefulSet. */
function fetchScripts(objects: any[]): Array<{ sts: string; script: string }> {
  return objects.filter(o => o.kind === 'StatefulSet' && /^kafka-(broker|controller)-/.test(o.metadata.name))
    .map(o => ({ sts: o.metadata.name, script: podSpec(o).initContainers.find((c: any) => c.name === 'fetch-jmx-exporter').command[2] }));
}

describe('no internet at pod start: brokers and controllers start without the agent rather than not at all', () => {
  let dir: string;
  const jar = Buffer.from('agent bytes\n');
  const sha = crypto.createHash('sha256').update(jar).digest('hex');
  // Port 9 on loopback: nothing listens, so any download attempt fails at once (as through an unreachable proxy).
  const offline = 'http://127.0.0.1:9/jmx.jar';
  const agent = () => path.join(dir, 'agent', JMX_EXPORTER_AGENT.fileName);
  const run = (url: string, mode: 'fail' | 'start-without-agent') =>
    spawnSync('sh', ['-c', jmxAgentFetchScript(url, sha, path.join(dir, 'agent'), path.join(dir, 'cache'), mode)], { encoding: 'utf8', timeout: 30000 });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmx-offline-'));
    fs.mkdirSync(path.join(dir, 'agent'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('unreachable source, nothing cached: the init container succeeds, installs nothing and says so loudly', () => {
    const result = run(offline, 'start-without-agent');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`${JMX_AGENT_UNAVAILABLE_MARK}: could not download ${offline} within the bound`);
    expect(fs.existsSync(agent())).toBe(false);
    expect(fs.existsSync(`${agent()}.download`)).toBe(false);
  });

  test('required: the same start fails (fail closed)', () => {
    const result = run(offline, 'fail');
    expect(result.status).not.toBe(0);
    expect(fs.existsSync(agent())).toBe(false);
  });

  test('a cached verified copy is used with the source unreachable, in both modes', () => {
    fs.mkdirSync(path.join(dir, 'cache'));
    fs.writeFileSync(path.join(dir, 'cache', `${sha}.jar`), jar);
    for (const mode of ['fail', 'start-without-agent'] as const) {
      fs.rmSync(agent(), { force: true });
      const result = run(offline, mode);
      expect([mode, result.status, result.stderr]).toEqual([mode, 0, '']);
      expect(fs.readFileSync(agent())).toEqual(jar);
    }
  });

  test('a download with another checksum is never used, and fails the start even when the agent is optional', () => {
    const source = path.join(dir, 'foreign.jar');
    fs.writeFileSync(source, 'foreign bytes');
    const result = run(`file://${source}`, 'start-without-agent');
    expect(result.status).not.toBe(0);
    expect(fs.existsSync(agent())).toBe(false);
    expect(fs.existsSync(path.join(dir, 'cache', `${sha}.jar`))).toBe(false);
  });

  test('a corrupted cached copy is not used: offline, the pod starts without the agent', () => {
    fs.mkdirSync(path.join(dir, 'cache'));
    fs.writeFileSync(path.join(dir, 'cache', `${sha}.jar`), 'tampered');
    const result = run(offline, 'start-without-agent');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(JMX_AGENT_UNAVAILABLE_MARK);
    expect(fs.existsSync(agent())).toBe(false);
  });
});

describe('KafkaClusterProps.jmxAgent', () => {
  test('default: Maven Central, cached on the data volume, a pod may start without it', () => {
    const { objects } = synthWith(() => undefined);
    const scripts = fetchScripts(objects);
    expect(scripts.map(s => s.sts)).toEqual(['kafka-controller-0', 'kafka-controller-1', 'kafka-controller-2', 'kafka-broker-0', 'kafka-broker-1', 'kafka-broker-2']);
    for (const { script } of scripts) {
      expect(script).toBe(jmxAgentFetchScript(JMX_EXPORTER_AGENT.url, JMX_EXPORTER_AGENT.sha256, '/opt/jmx-exporter', '/var/lib/kafka/jmx-agent-cache', 'start-without-agent'));
      expect(script).toContain(JMX_AGENT_UNAVAILABLE_MARK);
    }
  });

  test('url and sha256 name an internal mirror for every broker and controller; required makes the agent mandatory', () => {
    const url = 'https://nexus.internal.example/repository/maven/io/prometheus/jmx/jmx_prometheus_javaagent/1.0.1/jmx_prometheus_javaagent-1.0.1.jar';
    const { objects } = synthWith(() => undefined, { jmxAgent: { url, sha256: 'b'.repeat(64), required: true } });
    const scripts = fetchScripts(objects);
    expect(scripts).toHaveLength(6);
    for (const { script } of scripts) {
      expect(script).toBe(jmxAgentFetchScript(url, 'b'.repeat(64), '/opt/jmx-exporter', '/var/lib/kafka/jmx-agent-cache', 'fail'));
      expect(script).not.toContain('repo1.maven.org');
      expect(script).not.toContain(JMX_AGENT_UNAVAILABLE_MARK);
    }
  });

  test('a URL or checksum that could break the shell is refused, naming the prop', () => {
    expect(() => synthWith(() => undefined, { jmxAgent: { url: 'https://m.internal/$(id).jar' } })).toThrow(KafkaPlatformValidationError);
    expect(() => synthWith(() => undefined, { jmxAgent: { url: 'https://m.internal/$(id).jar' } })).toThrow(/jmxAgent\.url: .* is not a plain http\(s\) URL/);
    expect(() => synthWith(() => undefined, { jmxAgent: { sha256: 'abc' } })).toThrow(/jmxAgent\.sha256: "abc" is not a SHA-256 hex digest/);
  });
});

describe('kafka-ready.sh without the agent: ready means the listener accepts connections', () => {
  let server: net.Server;
  let port: number;
  beforeAll(async () => {
    server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => server.close());
  const ready = (env: Record<string, string>) => spawnSync('bash', [kafkaScriptPath('kafka-ready.sh')], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 10000 });

  test('broker and controller: listener open -> ready; closed -> not ready', () => {
    const missing = path.join(os.tmpdir(), 'no-such-dir', JMX_EXPORTER_AGENT.fileName);
    const broker = ready({ KP_ROLE: 'broker', KP_JMX_EXPORTER_JAR: missing, KP_INTERNAL_PORT: String(port), KP_METRICS_PORT: '9' });
    expect([broker.status, broker.stderr.trim()]).toEqual([0, `no JMX exporter agent: ready = listener port ${port} open`]);
    const controller = ready({ KP_ROLE: 'controller', KP_JMX_EXPORTER_JAR: missing, KP_CONTROLLER_PORT: String(port), KP_METRICS_PORT: '9' });
    expect(controller.status).toBe(0);
    expect(ready({ KP_ROLE: 'broker', KP_JMX_EXPORTER_JAR: missing, KP_INTERNAL_PORT: '9', KP_METRICS_PORT: '9' }).status).not.toBe(0);
  });

  test('with the agent installed, readiness still reads the broker state from the metrics port', () => {
    const jarFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jmx-ready-')), JMX_EXPORTER_AGENT.fileName);
    fs.writeFileSync(jarFile, 'x');
    // Listener open, but nothing serves metrics: not ready.
    expect(ready({ KP_ROLE: 'broker', KP_JMX_EXPORTER_JAR: jarFile, KP_INTERNAL_PORT: String(port), KP_METRICS_PORT: '9' }).status).not.toBe(0);
  });
});
