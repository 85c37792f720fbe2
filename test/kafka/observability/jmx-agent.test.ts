import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { SchemaRegistry } from '../../../lib/kafka/ecosystem';
import {
  JMX_AGENT_DEFAULT_SHA256, JMX_AGENT_DEFAULT_URL, JMX_AGENT_VERSION, jmxAgentFetchScript, jmxAgentSourceProblem, JMX_EXPORTER_AGENT, kafkaJmxAgentInitContainer,
} from '../../../lib/kafka/observability';
import { find, podSpec, synthWith } from '../ecosystem/support';

describe('the JMX exporter agent: one pin, one fetch script', () => {
  test('one pin: the aliases are the pin', () => {
    expect(JMX_EXPORTER_AGENT.url).toBe(`https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/${JMX_EXPORTER_AGENT.version}/jmx_prometheus_javaagent-${JMX_EXPORTER_AGENT.version}.jar`);
    expect(JMX_EXPORTER_AGENT.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect([JMX_AGENT_VERSION, JMX_AGENT_DEFAULT_URL, JMX_AGENT_DEFAULT_SHA256]).toEqual([JMX_EXPORTER_AGENT.version, JMX_EXPORTER_AGENT.url, JMX_EXPORTER_AGENT.sha256]);
  });

  test('brokers and ecosystem components run the same script', () => {
    const { objects } = synthWith((cluster, chart) => new SchemaRegistry(chart, 'sr', { cluster }));
    const componentInit = podSpec(find(objects, 'Deployment', 'kafka-schema-registry')).initContainers.find((c: any) => c.name === 'fetch-jmx-exporter');
    const brokerInit = podSpec(objects.find(o => o.kind === 'StatefulSet' && o.metadata.name.startsWith('kafka-broker'))).initContainers.find((c: any) => c.name === 'fetch-jmx-exporter');
    expect(componentInit.command).toEqual(['/bin/sh', '-c', jmxAgentFetchScript()]);
    // Brokers and controllers: the same pin and script, plus the copy on their data volume.
    expect(brokerInit.command).toEqual(['/bin/sh', '-c', jmxAgentFetchScript(JMX_EXPORTER_AGENT.url, JMX_EXPORTER_AGENT.sha256, '/opt/jmx-exporter', '/var/lib/kafka/jmx-agent-cache', 'start-without-agent')]);
    expect(brokerInit.volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/lib/kafka' });
    expect(kafkaJmxAgentInitContainer('curlimages/curl:8.11.1').command).toEqual(brokerInit.command);
  });

  test('every download is bounded in time, so an unreachable source cannot hang a start', () => {
    for (const script of [jmxAgentFetchScript(), jmxAgentFetchScript(JMX_EXPORTER_AGENT.url, JMX_EXPORTER_AGENT.sha256, '/a', '/c')]) {
      expect(script).toContain('curl -fsSL --connect-timeout 10 --max-time 60 --retry 3 --retry-delay 3 --retry-max-time 120 ');
    }
  });

  describe('with a cache on the data volume (brokers and controllers)', () => {
    let dir: string;
    const jar = Buffer.from('cached agent bytes\n');
    const sha = crypto.createHash('sha256').update(jar).digest('hex');
    // Port 9 on loopback: nothing listens, so any download attempt fails at once.
    const offline = 'http://127.0.0.1:9/jmx.jar';
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmx-cache-'));
      fs.mkdirSync(path.join(dir, 'agent'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const run = (url: string) => spawnSync('sh', ['-c', jmxAgentFetchScript(url, sha, path.join(dir, 'agent'), path.join(dir, 'cache')).replace('--retry 3 ', '--retry 0 ')], { encoding: 'utf8', timeout: 20000 });

    test('a restart with the network down installs the verified copy', () => {
      fs.mkdirSync(path.join(dir, 'cache'));
      fs.writeFileSync(path.join(dir, 'cache', `${sha}.jar`), jar);
      const result = run(offline);
      expect([result.status, result.stderr]).toEqual([0, '']);
      expect(fs.readFileSync(path.join(dir, 'agent', JMX_EXPORTER_AGENT.fileName))).toEqual(jar);
    });

    test('the first start downloads, verifies and keeps the copy', () => {
      const source = path.join(dir, 'upstream.jar');
      fs.writeFileSync(source, jar);
      expect(run(`file://${source}`).status).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'cache', `${sha}.jar`))).toEqual(jar);
      fs.rmSync(source);
      fs.rmSync(path.join(dir, 'agent', JMX_EXPORTER_AGENT.fileName));
      expect(run(offline).status).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'agent', JMX_EXPORTER_AGENT.fileName))).toEqual(jar);
    });

    test('a corrupted copy is not used: with the network down the start fails closed', () => {
      fs.mkdirSync(path.join(dir, 'cache'));
      fs.writeFileSync(path.join(dir, 'cache', `${sha}.jar`), 'tampered');
      expect(run(offline).status).not.toBe(0);
      expect(fs.existsSync(path.join(dir, 'agent', JMX_EXPORTER_AGENT.fileName))).toBe(false);
    });
  });

  describe('the script, run by sh with curl and sha256sum', () => {
    let dir: string;
    let source: string;
    const jar = Buffer.from('not really a jar, but bytes with a known checksum\n');
    const sha = crypto.createHash('sha256').update(jar).digest('hex');
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jmx-agent-'));
      source = path.join(dir, 'upstream.jar');
      fs.writeFileSync(source, jar);
      fs.mkdirSync(path.join(dir, 'agent'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const run = (checksum: string) => spawnSync('sh', ['-c', jmxAgentFetchScript(`file://${source}`, checksum, path.join(dir, 'agent'))], { encoding: 'utf8' });

    test('installs the jar when the checksum matches', () => {
      const result = run(sha);
      expect(result.status).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'agent', JMX_EXPORTER_AGENT.fileName))).toEqual(jar);
    });

    test('fails closed on another checksum: no agent jar is left for the JVM', () => {
      const result = run('0'.repeat(64));
      expect(result.status).not.toBe(0);
      expect(fs.existsSync(path.join(dir, 'agent', JMX_EXPORTER_AGENT.fileName))).toBe(false);
    });
  });

  test('a custom agent source must be a plain URL and a SHA-256, since both go into the script', () => {
    expect(jmxAgentSourceProblem('https://maven.internal/jmx.jar', 'a'.repeat(64))).toBeUndefined();
    expect(jmxAgentSourceProblem('https://maven.internal/$(reboot).jar', 'a'.repeat(64))?.prop).toBe('url');
    expect(jmxAgentSourceProblem('https://maven.internal/a".jar', 'a'.repeat(64))?.prop).toBe('url');
    expect(jmxAgentSourceProblem('ftp://maven.internal/jmx.jar', 'a'.repeat(64))?.prop).toBe('url');
    expect(jmxAgentSourceProblem('https://maven.internal/jmx.jar', 'abc')?.prop).toBe('sha256');
    expect(() => synthWith((cluster, chart) => new SchemaRegistry(chart, 'sr', { cluster, jmxAgent: { sha256: 'abc' } }))).toThrow(KafkaPlatformValidationError);
    expect(() => synthWith((cluster, chart) => new SchemaRegistry(chart, 'sr', { cluster, jmxAgent: { sha256: 'abc' } }))).toThrow(/\[test\/sr\] jmxAgent\.sha256: "abc" is not a SHA-256 hex digest/);
  });
});
