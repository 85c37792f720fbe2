import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { JMX_EXPORTER_AGENT, KAFKA_ALERT_METRICS, kafkaScriptPath, renderJmxExporterConfig } from '../../../lib/kafka';

/**
 * Runs the real, pinned JMX exporter agent (from Maven Central, via Maven)
 * with our rules against Kafka-shaped MBeans, and the readiness script against
 * it. Needs Java 17 and Maven (both on the build machines); fails loudly
 * without them.
 */
const ARTIFACT = `io.prometheus.jmx:jmx_prometheus_javaagent:${JMX_EXPORTER_AGENT.version}`;

function agentJar(outDir: string): string {
  // Already in the local Maven repository (the SHA-256 test below checks its content either way)?
  const local = path.join(os.homedir(), '.m2', 'repository', 'io', 'prometheus', 'jmx', 'jmx_prometheus_javaagent', JMX_EXPORTER_AGENT.version, `jmx_prometheus_javaagent-${JMX_EXPORTER_AGENT.version}.jar`);
  if (fs.existsSync(local)) return local;
  // dependency:copy resolves through the local repository, downloading from Maven Central when needed.
  execFileSync('mvn', ['-q', '-B', '-Dstyle.color=never', 'dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${outDir}`], { stdio: 'pipe', timeout: 300000 });
  return path.join(outDir, `jmx_prometheus_javaagent-${JMX_EXPORTER_AGENT.version}.jar`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const port = (srv.address() as net.AddressInfo).port; srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

async function startFake(jar: string, config: string, brokerState: number, leader: number): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('java', [`-javaagent:${jar}=127.0.0.1:${port}:${config}`, path.join(__dirname, '..', 'fixtures', 'FakeKafkaMBeans.java'), String(brokerState), String(leader)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', d => { stderr += d; });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fake Kafka JVM did not start: ${stderr}`)), 60000);
    child.stdout!.on('data', d => { if (String(d).includes('READY')) { clearTimeout(timer); resolve(); } });
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`fake Kafka JVM exited ${code}: ${stderr}`)); });
  });
  return { port, child };
}

describe('JMX exporter agent, live', () => {
  let jar: string;
  let dir: string;
  let config: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    if (spawnSync('java', ['-version']).error) throw new Error('java is not installed (needs Java 17)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmx-'));
    jar = agentJar(dir);
    config = path.join(dir, 'jmx-exporter.yaml');
    fs.writeFileSync(config, renderJmxExporterConfig());
  }, 300000);

  afterAll(() => {
    for (const c of children) c.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the pinned SHA-256 is the one of the artifact on Maven Central', () => {
    expect(crypto.createHash('sha256').update(fs.readFileSync(jar)).digest('hex')).toBe(JMX_EXPORTER_AGENT.sha256);
  });

  test('our rules load, produce every alert metric, and the readiness script reads them', async () => {
    const running = await startFake(jar, config, 3, 2);
    children.push(running.child);
    const res = await fetch(`http://127.0.0.1:${running.port}/metrics`);
    const text = await res.text();
    const names = new Set(text.split('\n').filter(l => l && !l.startsWith('#')).map(l => l.split(/[{ ]/)[0]));
    for (const metric of Object.values(KAFKA_ALERT_METRICS)) expect([metric, names.has(metric)]).toEqual([metric, true]);
    expect(text).toMatch(/^kafka_log_log_size\{partition="0",topic="orders"\} 12345\.0$/m);
    expect(text).toMatch(/^kafka_server_replicamanager_isrshrinks_total 5\.0$/m);

    const env = { PATH: process.env.PATH!, KP_METRICS_PORT: String(running.port) };
    expect(spawnSync('bash', [kafkaScriptPath('kafka-ready.sh')], { env: { ...env, KP_ROLE: 'broker' }, encoding: 'utf8' }).status).toBe(0);
    expect(spawnSync('bash', [kafkaScriptPath('kafka-ready.sh')], { env: { ...env, KP_ROLE: 'controller' }, encoding: 'utf8' }).status).toBe(0);
  }, 120000);

  test('a broker not yet RUNNING and a controller without a leader are not ready', async () => {
    const running = await startFake(jar, config, 2, -1);
    children.push(running.child);
    const env = { PATH: process.env.PATH!, KP_METRICS_PORT: String(running.port) };
    const broker = spawnSync('bash', [kafkaScriptPath('kafka-ready.sh')], { env: { ...env, KP_ROLE: 'broker' }, encoding: 'utf8' });
    expect(broker.status).toBe(1);
    expect(broker.stderr).toContain("broker state is '2.0'");
    expect(spawnSync('bash', [kafkaScriptPath('kafka-ready.sh')], { env: { ...env, KP_ROLE: 'controller' }, encoding: 'utf8' }).status).toBe(1);
  }, 120000);
});
