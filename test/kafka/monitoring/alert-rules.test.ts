import { parse } from 'yaml';
import { KafkaMetadataMode, KafkaProfile } from '../../../lib/kafka';
import { KAFKA_ALERT_METRICS, JMX_EXPORTER_RULES } from '../../../lib/kafka/observability/kafka-jmx-rules';
import {
  alertMetricSources, BLACKBOX_EXPORTER_METRICS, buildKafkaAlertRules, CONNECT_METRICS, KAFKA_EXPORTER_METRICS, KafkaMonitoring, KUBELET_METRICS, renderAlertRulesYaml, renderRuleTestsYaml,
  SCHEMA_REGISTRY_METRICS,
} from '../../../lib/kafka/monitoring';
import { KafkaConnect, SchemaRegistry } from '../../../lib/kafka/ecosystem';
import { synthWith } from '../ecosystem/support';
import { runTool, tempDir, writeFiles } from './promtool';

function monitoringFor(clusterProps: any = {}) {
  return synthWith((cluster, chart) => {
    const sr = new SchemaRegistry(chart, 'sr', { cluster });
    const connect = new KafkaConnect(chart, 'connect', { cluster });
    return new KafkaMonitoring(chart, 'monitoring', {
      cluster,
      schemaRegistryTargets: [sr.scrapeTarget],
      connectTargets: [connect.scrapeTarget],
      alertThresholds: { diskUsagePercent: 75, consumerLag: 5000, consumerLagPerGroup: { 'orders-processor': 200000, 'audit.v1': 100 } },
    });
  }, clusterProps).result;
}

const REQUIRED_ALERTS = [
  'KafkaUnderReplicatedPartitions', 'KafkaOfflinePartitions', 'KafkaActiveControllerCountInvalid', 'KafkaUnderMinIsrPartitions',
  'KafkaIsrShrinking', 'KafkaBrokerDown', 'KafkaBrokersMissing', 'KafkaDiskUsageHigh', 'KafkaConsumerGroupLagHigh',
  'KafkaConnectTaskFailed', 'SchemaRegistryDown', 'SchemaRegistryNoPrimary', 'KafkaCertificateExpiresSoon', 'KafkaCertificateExpiryUnknown',
];

describe.each([
  ['KRaft', {}, 'KafkaControllerDown'],
  ['ZooKeeper', { metadataMode: KafkaMetadataMode.ZOOKEEPER }, 'ZooKeeperDown'],
])('alert rules for a %s cluster', (_mode, clusterProps, quorumDownAlert) => {
  const monitoring = monitoringFor(clusterProps);
  const dir = tempDir('kafka-rules-');
  writeFiles(dir, { [monitoring.ruleFileName]: monitoring.alertRulesYaml, 'rules.test.yaml': monitoring.ruleTestsYaml });

  test('cover every required condition, each with severity, summary, description and runbook', () => {
    const names = monitoring.alertRules.map(r => r.alert);
    expect(names).toEqual(expect.arrayContaining([...REQUIRED_ALERTS, quorumDownAlert]));
    const file = parse(monitoring.alertRulesYaml);
    for (const rule of file.groups[0].rules) {
      expect(['critical', 'warning']).toContain(rule.labels.severity);
      expect(rule.labels.kafka_cluster).toBe('kafka');
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      expect(rule.annotations.description.length).toBeGreaterThan(10);
      expect(rule.annotations.runbook.length).toBeGreaterThan(40);
    }
  });

  test('pass promtool check rules', () => {
    const result = runTool('promtool', ['check', 'rules', monitoring.ruleFileName], dir);
    expect(result.output).toContain(`SUCCESS: ${monitoring.alertRules.length} rules found`);
    expect(result.status).toBe(0);
  });

  test('promtool unit tests: each alert fires on its sample series and stays quiet on a healthy one', () => {
    const tests = parse(monitoring.ruleTestsYaml).tests;
    expect(tests).toHaveLength(monitoring.alertRules.length * 2);
    for (const alert of new Set(monitoring.alertRules.map(r => r.alert))) {
      expect(tests.some((t: any) => t.alert_rule_test[0].alertname === alert && t.alert_rule_test[0].exp_alerts.length > 0)).toBe(true);
      expect(tests.some((t: any) => t.alert_rule_test[0].alertname === alert && t.alert_rule_test[0].exp_alerts.length === 0)).toBe(true);
    }
    const result = runTool('promtool', ['test', 'rules', 'rules.test.yaml'], dir);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('the quorum alerts follow the declared topology', () => {
    const active = monitoring.alertRules.find(r => r.alert === 'KafkaActiveControllerCountInvalid')!;
    expect(active.expr).toBe(`(sum(${KAFKA_ALERT_METRICS.activeControllerCount}{job="${_mode === 'KRaft' ? 'kafka-controllers' : 'kafka-brokers'}"}) or vector(0)) != 1`);
    expect(monitoring.alertRules.find(r => r.alert === 'KafkaBrokersMissing')!.expr).toBe('(count(up{job="kafka-brokers"} == 1) or vector(0)) < 3');
  });
});

describe('alert rule unit tests can fail', () => {
  test('a rule whose threshold is wrong makes promtool test rules fail', () => {
    const monitoring = monitoringFor();
    const dir = tempDir('kafka-rules-broken-');
    // Same tests, but the under-replicated rule now needs > 5: its firing test must fail.
    const broken = monitoring.alertRulesYaml.replace(/(kafka_server_replicamanager_underreplicatedpartitions\{job="kafka-brokers"\}\)) > 0/, '$1 > 5');
    expect(broken).not.toBe(monitoring.alertRulesYaml);
    writeFiles(dir, { [monitoring.ruleFileName]: broken, 'rules.test.yaml': monitoring.ruleTestsYaml });
    const result = runTool('promtool', ['test', 'rules', 'rules.test.yaml'], dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/KafkaUnderReplicatedPartitions/);
  });

  test('an alert that would fire on healthy data makes promtool test rules fail', () => {
    const monitoring = monitoringFor();
    const dir = tempDir('kafka-rules-noisy-');
    const noisy = monitoring.alertRulesYaml.replace('up{job="kafka-brokers"} == 0', 'up{job="kafka-brokers"} >= 0');
    expect(noisy).not.toBe(monitoring.alertRulesYaml);
    writeFiles(dir, { [monitoring.ruleFileName]: noisy, 'rules.test.yaml': monitoring.ruleTestsYaml });
    expect(runTool('promtool', ['test', 'rules', 'rules.test.yaml'], dir).status).not.toBe(0);
  });
});

describe('metric names', () => {
  const monitoring = monitoringFor();
  const used = new Set(monitoring.alertRules.flatMap(r => r.metrics));

  test('broker and controller metrics are exactly names the core JMX exporter config produces', () => {
    const core = new Set<string>(Object.values(KAFKA_ALERT_METRICS));
    const produced = new Set(JMX_EXPORTER_RULES.map(r => r.name));
    const others = new Set<string>(['up', ...Object.values(BLACKBOX_EXPORTER_METRICS), ...Object.values(KAFKA_EXPORTER_METRICS), ...Object.values(CONNECT_METRICS), ...Object.values(SCHEMA_REGISTRY_METRICS), ...Object.values(KUBELET_METRICS)]);
    for (const name of used) {
      if (others.has(name)) continue;
      expect({ name, inCore: core.has(name), produced: produced.has(name) }).toEqual({ name, inCore: true, produced: true });
    }
  });

  test('alertMetricSources splits the names by exporter', () => {
    expect(alertMetricSources(monitoring.alertRules)).toEqual({
      kafkaJmx: [
        KAFKA_ALERT_METRICS.activeControllerCount, KAFKA_ALERT_METRICS.offlinePartitionsCount, KAFKA_ALERT_METRICS.isrShrinksTotal,
        KAFKA_ALERT_METRICS.underMinIsrPartitions, KAFKA_ALERT_METRICS.underReplicatedPartitions,
      ].sort(),
      kafkaExporter: ['kafka_consumergroup_lag_sum'],
      connect: ['kafka_connect_worker_connector_failed_task_count'],
      schemaRegistry: ['kafka_schema_registry_primary_role'],
      blackboxExporter: ['probe_ssl_earliest_cert_expiry', 'probe_ssl_last_chain_expiry_timestamp_seconds', 'probe_success'],
      kubelet: ['kubelet_volume_stats_capacity_bytes', 'kubelet_volume_stats_used_bytes'],
      prometheus: ['up'],
    });
  });

  test('lag alerts use kafka-exporter\'s documented metric and labels, with per-group thresholds', () => {
    const lagRules = monitoring.alertRules.filter(r => r.alert === 'KafkaConsumerGroupLagHigh');
    expect(lagRules.map(r => r.expr)).toEqual([
      'max by (consumergroup, topic) (kafka_consumergroup_lag_sum{job="kafka-kafka-exporter",consumergroup="audit.v1"}) > 100',
      'max by (consumergroup, topic) (kafka_consumergroup_lag_sum{job="kafka-kafka-exporter",consumergroup="orders-processor"}) > 200000',
      'max by (consumergroup, topic) (kafka_consumergroup_lag_sum{job="kafka-kafka-exporter",consumergroup!~"audit\\\\.v1|orders-processor"}) > 5000',
    ]);
  });

  test('Schema Registry without a primary: replicas summed per job, critical after 5 minutes, quiet across a failover', () => {
    const rule = monitoring.alertRules.find(r => r.alert === 'SchemaRegistryNoPrimary')!;
    expect(rule.expr).toBe('sum by (job) (kafka_schema_registry_primary_role{job="kafka-schema-registry"}) == 0');
    expect(SCHEMA_REGISTRY_METRICS.primaryRole).toBe('kafka_schema_registry_primary_role');
    expect({ for: rule.for, severity: rule.severity, metrics: rule.metrics }).toEqual({ for: '5m', severity: 'critical', metrics: ['kafka_schema_registry_primary_role'] });
    expect(rule.summary).toBe('Schema Registry kafka-schema-registry has no primary');
    const tests = parse(monitoring.ruleTestsYaml).tests.filter((t: any) => t.alert_rule_test[0].alertname === 'SchemaRegistryNoPrimary');
    expect(tests.map((t: any) => t.alert_rule_test[0].exp_alerts.map((a: any) => a.exp_labels))).toEqual([
      [{ job: 'kafka-schema-registry', severity: 'critical', kafka_cluster: 'kafka' }],
      [],
    ]);
    // The healthy sample hands the primary role from one replica to the other; the firing one loses it on both.
    expect(tests[1].input_series.map((s: any) => s.values)).toEqual(['1 0x40', '0 1x40']);
    expect(tests[0].input_series.map((s: any) => s.values)).toEqual(['1 0x40', '0x40']);
  });

  test('the Connect failed-task metric is produced by the Connect JMX exporter rules', () => {
    const { objects } = synthWith((cluster, chart) => new KafkaConnect(chart, 'connect', { cluster }));
    const config = parse(objects.find(o => o.kind === 'ConfigMap' && o.metadata.name === 'kafka-connect-jmx-exporter').data['config.yaml']);
    const rule = config.rules.find((r: any) => r.pattern.includes('connect-worker-metrics, connector='));
    // The exporter turns `$2` = connector-failed-task-count into connector_failed_task_count.
    expect(rule.name.replace('$2', 'connector-failed-task-count').replace(/-/g, '_')).toBe(CONNECT_METRICS.connectorFailedTaskCount);
  });
});

describe('certificate expiry alerts', () => {
  const topology = { clusterName: 'k', namespace: 'k', metadataMode: KafkaMetadataMode.KRAFT, brokerCount: 3, brokerJob: 'b', metadataQuorumJob: 'c', certificateProbeJob: 'k-certificates' };

  test('expires soon: the earlier of the node certificate and the verified chain (the CA), per broker, under 21 days, warning', () => {
    const rule = buildKafkaAlertRules(topology).find(r => r.alert === 'KafkaCertificateExpiresSoon')!;
    expect(rule.expr).toBe('min by (instance) ({__name__=~"probe_ssl_earliest_cert_expiry|probe_ssl_last_chain_expiry_timestamp_seconds", job="k-certificates"}) - time() < 21 * 86400');
    expect(rule.severity).toBe('warning');
    expect(buildKafkaAlertRules(topology, { certificateExpiryDays: 30 }).find(r => r.alert === 'KafkaCertificateExpiresSoon')!.expr).toContain('< 30 * 86400');
  });

  test('expiry unknown: a failed verified handshake or an unreachable probe, critical', () => {
    const rule = buildKafkaAlertRules(topology).find(r => r.alert === 'KafkaCertificateExpiryUnknown')!;
    expect(rule.expr).toBe('probe_success{job="k-certificates"} == 0 or up{job="k-certificates"} == 0');
    expect(rule.severity).toBe('critical');
  });

  test.each([[{}], [{ certificateExpiryDays: 45 }]])('promtool: fire on a certificate or CA inside the window, quiet outside it (%j)', (thresholds) => {
    const rules = buildKafkaAlertRules(topology, thresholds).filter(r => r.alert.startsWith('KafkaCertificate'));
    expect(rules).toHaveLength(2);
    const dir = tempDir('kafka-cert-rules-');
    writeFiles(dir, { 'r.yaml': renderAlertRulesYaml('k', rules), 't.yaml': renderRuleTestsYaml('k', rules, 'r.yaml') });
    const result = runTool('promtool', ['test', 'rules', 't.yaml'], dir);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('promtool: a window one day too short misses the expiring certificate (the tests can fail)', () => {
    const rules = buildKafkaAlertRules(topology).filter(r => r.alert === 'KafkaCertificateExpiresSoon');
    const shorter = rules.map(r => ({ ...r, expr: r.expr.replace('< 21 * 86400', '< 20 * 86400') }));
    const dir = tempDir('kafka-cert-rules-broken-');
    writeFiles(dir, { 'r.yaml': renderAlertRulesYaml('k', shorter), 't.yaml': renderRuleTestsYaml('k', rules, 'r.yaml') });
    expect(runTool('promtool', ['test', 'rules', 't.yaml'], dir).status).not.toBe(0);
  });

  test('no probe job, no certificate rules; a bad window is refused', () => {
    const { certificateProbeJob: _omitted, ...withoutProbe } = topology;
    expect(buildKafkaAlertRules(withoutProbe).filter(r => r.alert.startsWith('KafkaCertificate'))).toEqual([]);
    expect(() => buildKafkaAlertRules(topology, { certificateExpiryDays: 0 })).toThrow(/alertThresholds.certificateExpiryDays: must be a whole number of days from 1 to 365, got 0/);
  });
});

describe('certificate expiry alerts with the KRaft controllers probed too', () => {
  const topology = {
    clusterName: 'k', namespace: 'k', metadataMode: KafkaMetadataMode.KRAFT, brokerCount: 3, brokerJob: 'b', metadataQuorumJob: 'c',
    certificateProbeJob: 'k-certificates', controllerCertificateProbeJob: 'k-controller-certificates',
  };
  const certificateRules = (thresholds = {}) => buildKafkaAlertRules(topology, thresholds).filter(r => r.alert.startsWith('KafkaCertificate'));
  const promtool = (rules: ReturnType<typeof certificateRules>, testedRules = rules) => {
    const dir = tempDir('kafka-cert-rules-controllers-');
    writeFiles(dir, { 'r.yaml': renderAlertRulesYaml('k', rules), 't.yaml': renderRuleTestsYaml('k', testedRules, 'r.yaml') });
    return runTool('promtool', ['test', 'rules', 't.yaml'], dir);
  };

  test('both rules select the broker and the controller probe jobs', () => {
    const [soon, unknown] = certificateRules();
    expect(soon.expr).toBe('min by (instance) ({__name__=~"probe_ssl_earliest_cert_expiry|probe_ssl_last_chain_expiry_timestamp_seconds", job=~"k-certificates|k-controller-certificates"}) - time() < 21 * 86400');
    expect(unknown.expr).toBe('probe_success{job=~"k-certificates|k-controller-certificates"} == 0 or up{job=~"k-certificates|k-controller-certificates"} == 0');
    expect(soon.summary).toBe('A certificate of Kafka broker or controller {{ $labels.instance }} expires in less than 21 days');
    expect(unknown.runbook).toContain('/probe?module=kafka_controller_tls&target=<pod IP>:9093&debug=true');
  });

  test('the samples: a controller with an expiring certificate fires, a failing controller probe fires, a healthy one (probe_success 1) stays quiet', () => {
    const [soon, unknown] = certificateRules();
    expect(soon.firing.alerts).toContainEqual({ instance: 'kafka-controller-a-0' });
    expect(unknown.firing.alerts).toContainEqual({ job: 'k-controller-certificates', instance: 'kafka-controller-a-0' });
    expect(unknown.healthy.series).toContainEqual({ series: 'probe_success{job="k-controller-certificates",instance="kafka-controller-a-0"}', values: '1x40' });
    expect(unknown.healthy.series).toContainEqual({ series: 'up{job="k-controller-certificates",instance="kafka-controller-a-0"}', values: '1x40' });
  });

  test.each([[{}], [{ certificateExpiryDays: 45 }]])('promtool: the generated tests pass (%j)', (thresholds) => {
    const result = promtool(certificateRules(thresholds));
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test.each([['KafkaCertificateExpiresSoon'], ['KafkaCertificateExpiryUnknown']])('promtool: %s on the broker job alone misses the controller (the tests can fail)', (alert) => {
    const rules = certificateRules().filter(r => r.alert === alert);
    const brokerOnly = rules.map(r => ({ ...r, expr: r.expr.split('job=~"k-certificates|k-controller-certificates"').join('job="k-certificates"') }));
    expect(brokerOnly[0].expr).not.toContain('controller');
    const result = promtool(brokerOnly, rules);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('kafka-controller-a-0');
  });
});

describe('alert thresholds validation', () => {
  const topology = { clusterName: 'k', namespace: 'k', metadataMode: KafkaMetadataMode.KRAFT, brokerCount: 3, brokerJob: 'b', metadataQuorumJob: 'c', kafkaExporterJob: 'e', kubeletJob: 'kubelet' };
  test.each([
    [{ diskUsagePercent: 120 }, /alertThresholds.diskUsagePercent: must be between 0 and 100/],
    [{ consumerLag: 0 }, /alertThresholds.consumerLag: must be a positive number/],
    [{ consumerLagPerGroup: { g: -1 } }, /alertThresholds.consumerLagPerGroup\["g"\]/],
  ])('%j is rejected', (thresholds, message) => {
    expect(() => buildKafkaAlertRules(topology, thresholds)).toThrow(message);
  });

  test('without Connect or Schema Registry there are no rules for them', () => {
    const rules = buildKafkaAlertRules(topology);
    expect(rules.map(r => r.alert)).not.toContain('KafkaConnectTaskFailed');
    expect(rules.map(r => r.alert)).not.toContain('SchemaRegistryDown');
    expect(rules.map(r => r.alert)).not.toContain('SchemaRegistryNoPrimary');
    const dir = tempDir('kafka-rules-min-');
    writeFiles(dir, { 'r.yaml': renderAlertRulesYaml('k', rules), 't.yaml': renderRuleTestsYaml('k', rules, 'r.yaml') });
    expect(runTool('promtool', ['test', 'rules', 't.yaml'], dir).status).toBe(0);
  });

  test('a development cluster of one broker gets a matching missing-broker rule', () => {
    const rules = buildKafkaAlertRules({ ...topology, brokerCount: 1 });
    expect(rules.find(r => r.alert === 'KafkaBrokersMissing')!.expr).toBe('(count(up{job="b"} == 1) or vector(0)) < 1');
    expect(KafkaProfile.DEVELOPMENT).toBe('development');
  });
});
