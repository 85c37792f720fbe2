import * as YAML from 'yaml';
import { JMX_EXPORTER_AGENT, JMX_EXPORTER_RULES, KAFKA_ALERT_METRICS, renderJmxExporterConfig } from '../../../lib/kafka';
import { all, envOf, find, synth } from '../helpers';

describe('metrics', () => {
  test('every Kafka pod fetches the pinned exporter agent, verifies its SHA-256, and loads it on the metrics port', () => {
    const { objects, cluster } = synth();
    expect(cluster.metricsPort).toBe(9404);
    expect(cluster.metricsPath).toBe('/metrics');
    for (const sts of all(objects, 'StatefulSet')) {
      const pod = sts.spec.template.spec;
      const init = pod.initContainers.find((c: any) => c.name === 'fetch-jmx-exporter');
      expect(init.image).toBe('curlimages/curl:8.11.1');
      const script = init.command[2];
      expect(script).toContain(JMX_EXPORTER_AGENT.url);
      expect(script).toContain(`echo "${JMX_EXPORTER_AGENT.sha256}  /opt/jmx-exporter/jmx_prometheus_javaagent.jar.download" | sha256sum -c -`);
      expect(script.indexOf('sha256sum -c')).toBeLessThan(script.indexOf('mv '));
      const env = envOf(pod.containers[0]);
      expect(env.KP_JMX_EXPORTER_JAR).toBe('/opt/jmx-exporter/jmx_prometheus_javaagent.jar');
      expect(env.KP_METRICS_PORT).toBe('9404');
      expect(pod.containers[0].ports).toContainEqual({ name: 'metrics', containerPort: 9404, protocol: 'TCP' });
    }
    expect(JMX_EXPORTER_AGENT.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JMX_EXPORTER_AGENT.url).toBe(`https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/${JMX_EXPORTER_AGENT.version}/jmx_prometheus_javaagent-${JMX_EXPORTER_AGENT.version}.jar`);
  });

  test('the exporter config is valid YAML with lower-cased output and the rules in order', () => {
    const cfg = YAML.parse(renderJmxExporterConfig());
    expect(cfg.lowercaseOutputName).toBe(true);
    expect(cfg.rules).toHaveLength(JMX_EXPORTER_RULES.length);
    const { objects } = synth();
    expect(find(objects, 'ConfigMap', 'kafka-broker-config').data['jmx-exporter.yaml']).toBe(renderJmxExporterConfig());
  });

  test('every alert metric is produced by exactly one exporter rule, with a Prometheus-valid lower-case name', () => {
    const names = JMX_EXPORTER_RULES.map(r => r.name);
    for (const metric of Object.values(KAFKA_ALERT_METRICS)) {
      expect(metric).toMatch(/^[a-z_][a-z0-9_]*$/);
      expect(names.filter(n => n === metric)).toHaveLength(1);
    }
  });

  test('exporter patterns are valid Java-compatible regular expressions', () => {
    for (const r of JMX_EXPORTER_RULES) expect(() => new RegExp(r.pattern)).not.toThrow();
  });
});
