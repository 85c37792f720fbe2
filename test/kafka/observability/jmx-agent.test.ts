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
    expect(brokerInit.command).toEqual(componentInit.command);
    expect(kafkaJmxAgentInitContainer('curlimages/curl:8.11.1').command).toEqual(componentInit.command);
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
