import { parse, stringify } from 'yaml';
import { KafkaConnect, SchemaRegistry } from '../../../lib/kafka/ecosystem';
import { KafkaMonitoring, renderAlertmanagerConfig, withStaticDiscoveryForCheck } from '../../../lib/kafka/monitoring';
import { validateManifests } from '../../support/k8s-validate';
import { find, ofKind, podSpec, synthWith } from '../ecosystem/support';
import { runTool, tempDir, writeFiles } from './promtool';

function build(props: Partial<ConstructorParameters<typeof KafkaMonitoring>[2]> = {}) {
  return synthWith((cluster, chart) => {
    const sr = new SchemaRegistry(chart, 'sr', { cluster });
    const connect = new KafkaConnect(chart, 'connect', { cluster });
    const monitoring = new KafkaMonitoring(chart, 'monitoring', {
      cluster, schemaRegistryTargets: [sr.scrapeTarget], connectTargets: [connect.scrapeTarget], ...props,
    });
    return { monitoring, sr, connect };
  });
}

describe('Prometheus server', () => {
  const { objects, cluster, result } = build({ prometheus: { retention: '30d', retentionSize: '90GB', storage: { size: '100Gi', storageClassName: 'fast' } } });
  const sts = find(objects, 'StatefulSet', 'kafka-prometheus');
  const spec = podSpec(sts);
  const config = parse(find(objects, 'ConfigMap', 'kafka-prometheus-config').data['prometheus.yml']);

  test('all objects pass schema validation with unknown-field detection', () => {
    expect(validateManifests(objects)).toEqual([]);
  });

  test('is a 2-replica StatefulSet with a persistent volume per replica and the retention props', () => {
    expect(sts.spec.replicas).toBe(2);
    expect(sts.spec.volumeClaimTemplates).toEqual([{ metadata: { name: 'data', labels: sts.spec.selector.matchLabels }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '100Gi' } } } }]);
    expect(spec.containers[0].args).toEqual(expect.arrayContaining(['--storage.tsdb.retention.time=30d', '--storage.tsdb.retention.size=90GB', '--storage.tsdb.path=/prometheus']));
    expect(spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/prometheus' });
    expect(spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
    expect(find(objects, 'PodDisruptionBudget', 'kafka-prometheus').spec.maxUnavailable).toBe(1);
  });

  test('has RBAC for Kubernetes discovery: ServiceAccount, Role (pods, services, endpoints: get/list/watch) and kubelet ClusterRole', () => {
    expect(spec.serviceAccountName).toBe('kafka-prometheus');
    expect(find(objects, 'ServiceAccount', 'kafka-prometheus')).toBeDefined();
    // Prometheus runs in `monitoring`; it discovers pods in its own and the Kafka namespace only.
    expect(find(objects, 'ServiceAccount', 'kafka-prometheus').metadata.namespace).toBe('monitoring');
    const roles = ofKind(objects, 'Role').filter(r => r.metadata.name === 'kafka-prometheus-discovery');
    expect(roles.map(r => r.metadata.namespace).sort()).toEqual(['kafka', 'monitoring']);
    const role = roles.find(r => r.metadata.namespace === 'kafka');
    expect(role.rules[0]).toEqual({ apiGroups: [''], resources: ['pods', 'services', 'endpoints'], verbs: ['get', 'list', 'watch'] });
    const binding = ofKind(objects, 'RoleBinding').find(b => b.metadata.name === 'kafka-prometheus-discovery' && b.metadata.namespace === 'kafka');
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'kafka-prometheus', namespace: 'monitoring' }]);
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kafka-prometheus-discovery' });
    const clusterRole = ofKind(objects, 'ClusterRole')[0];
    expect(clusterRole.rules[0].resources).toEqual(['nodes', 'nodes/metrics', 'nodes/proxy']);
    expect(clusterRole.rules[0].verbs).toEqual(['get', 'list', 'watch']);
  });

  test('runs where the brokers\' and controllers\' NetworkPolicies admit the metrics scraper', () => {
    for (const name of ['kafka-broker-ingress', 'kafka-controller-ingress']) {
      const policy = find(objects, 'NetworkPolicy', name);
      const metricsRule = policy.spec.ingress.find((r: any) => r.ports.some((p: any) => p.port === cluster.metricsPort));
      const admitted = metricsRule.from.map((f: any) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']);
      expect({ name, admitted }).toEqual({ name, admitted: expect.arrayContaining([sts.metadata.namespace]) });
      // The peer's pod selector (the scraper label, by default) must match the Prometheus pods' labels.
      const podLabels = sts.spec.template.metadata.labels;
      const peer = metricsRule.from.find((f: any) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === sts.metadata.namespace);
      expect(peer.podSelector?.matchLabels).toEqual({ 'kafka-platform.io/metrics-scraper': 'true' });
      for (const [key, value] of Object.entries(peer.podSelector.matchLabels)) expect({ key, value: podLabels[key] }).toEqual({ key, value });
    }
  });

  test('a namespace the cluster does not admit to the metrics port fails synth, naming the prop and both ways out', () => {
    expect(() => build({ namespace: 'observability' })).toThrow(/\[test\/monitoring\] namespace: Prometheus in namespace "observability" could not scrape the brokers: cluster "kafka" admits the metrics scraper from namespace "monitoring" only\. Fix: set the cluster's networkPolicy\.monitoringNamespace to "observability"/);
    const { result } = synthWith((cluster, chart) => new KafkaMonitoring(chart, 'monitoring', { cluster, namespace: 'observability' }), { networkPolicy: { monitoringNamespace: 'observability' } } as any);
    expect(result.namespace).toBe('observability');
  });

  test('scrapes every component with pod discovery, keeping only its pods and metrics port', () => {
    const jobs = Object.fromEntries(config.scrape_configs.map((j: any) => [j.job_name, j]));
    expect(Object.keys(jobs).sort()).toEqual(['kafka-brokers', 'kafka-certificates', 'kafka-connect', 'kafka-controller-certificates', 'kafka-controllers', 'kafka-kafka-exporter', 'kafka-schema-registry', 'kubelet']);
    const brokers = jobs['kafka-brokers'];
    expect(brokers.kubernetes_sd_configs).toEqual([{ role: 'pod', namespaces: { names: ['kafka'] } }]);
    expect(brokers.metrics_path).toBe(cluster.metricsPath);
    for (const [label, value] of Object.entries(cluster.brokerSelector)) {
      expect(brokers.relabel_configs).toContainEqual({ source_labels: [`__meta_kubernetes_pod_label_${label.replace(/[^a-zA-Z0-9_]/g, '_')}`], regex: value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), action: 'keep' });
    }
    expect(brokers.relabel_configs).toContainEqual({ source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: String(cluster.metricsPort), action: 'keep' });
    expect(jobs['kafka-schema-registry'].relabel_configs).toContainEqual({ source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: String(result.sr.scrapeTarget.port), action: 'keep' });
    expect(jobs['kafka-kafka-exporter'].relabel_configs).toContainEqual({ source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: '9308', action: 'keep' });
    expect(config.rule_files).toEqual(['/etc/prometheus/rules/*.yaml']);
    expect(Object.keys(find(objects, 'ConfigMap', 'kafka-prometheus-rules').data)).toEqual(['kafka-kafka.rules.yaml']);
  });

  test('passes promtool check config after replacing Kubernetes discovery with static targets (Debian promtool lacks it)', () => {
    const dir = tempDir('prometheus-config-');
    writeFiles(dir, { 'sa/token': 'test-token\n', 'sa/ca.crt': '', [`rules/${result.monitoring.ruleFileName}`]: result.monitoring.alertRulesYaml });
    const checked = withStaticDiscoveryForCheck(config, `${dir}/sa`);
    checked.rule_files = [`${dir}/rules/*.yaml`];
    // Only discovery was replaced: every job keeps its relabelling, path, TLS and auth.
    expect(checked.scrape_configs.map((j: any) => j.relabel_configs)).toEqual(config.scrape_configs.map((j: any) => j.relabel_configs));
    expect(checked.scrape_configs.every((j: any) => j.kubernetes_sd_configs === undefined && j.static_configs.length === 1)).toBe(true);
    writeFiles(dir, { 'prometheus.yml': stringify(checked) });
    const ok = runTool('promtool', ['check', 'config', 'prometheus.yml'], dir);
    expect(ok.output).toContain('SUCCESS');
    expect(ok.status).toBe(0);
    // The same check does catch a broken config.
    writeFiles(dir, { 'broken.yml': stringify({ ...checked, scrape_configs: [{ ...checked.scrape_configs[0], scrape_interval: 'often' }] }) });
    expect(runTool('promtool', ['check', 'config', 'broken.yml'], dir).status).not.toBe(0);
  });

  test('the unmodified config is rejected by Debian promtool only for kubernetes_sd_configs', () => {
    const dir = tempDir('prometheus-raw-');
    writeFiles(dir, { 'prometheus.yml': find(objects, 'ConfigMap', 'kafka-prometheus-config').data['prometheus.yml'] });
    const raw = runTool('promtool', ['check', 'config', 'prometheus.yml'], dir);
    const problems = raw.output.split('\n').filter(l => /field .* not found/.test(l));
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) expect(line).toMatch(/field kubernetes_sd_configs not found/);
  });

  test('a config change rolls the pods (checksum annotation)', () => {
    const other = build({ prometheus: { retention: '30d', scrapeInterval: '15s' } }).objects;
    const a = sts.spec.template.metadata.annotations['kafka-platform.io/config-checksum'];
    const b = find(other, 'StatefulSet', 'kafka-prometheus').spec.template.metadata.annotations['kafka-platform.io/config-checksum'];
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).not.toBe(a);
  });

  test.each([
    [{ prometheus: { retention: '2 weeks' } }, /prometheus.retention: "2 weeks" is not a Prometheus duration/],
    [{ prometheus: { retentionSize: '90G' } }, /prometheus.retentionSize/],
    [{ prometheus: { image: 'prom/prometheus' } }, /prometheus.image: image "prom\/prometheus" has no tag/],
  ])('%j fails synth', (props, message) => {
    expect(() => build(props as any)).toThrow(message);
  });
});

describe('kafka-exporter', () => {
  const { objects, cluster } = build();
  const deployment = find(objects, 'Deployment', 'kafka-kafka-exporter');
  const c = podSpec(deployment).containers[0];

  test('authenticates with its own SCRAM user; the password comes from the Secret via $(VAR) expansion', () => {
    const creds = cluster.declaredUsers.find(u => u.username === 'kafka-kafka-exporter')!;
    expect(c.env).toEqual([{ name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: creds.secretName, key: creds.passwordKey } } }]);
    expect(c.args).toEqual(expect.arrayContaining([
      `--kafka.server=${cluster.internalBootstrapServers.split(',')[0]}`, '--sasl.enabled', '--sasl.mechanism=scram-sha512',
      '--sasl.username=kafka-kafka-exporter', '--sasl.password=$(KAFKA_SASL_PASSWORD)',
    ]));
    expect(deployment.spec.template.metadata.labels[cluster.clientAccessLabel.key]).toBe(cluster.clientAccessLabel.value);
  });
});

describe('Alertmanager', () => {
  test('webhook receiver: passes amtool check-config and Prometheus sends alerts to every replica', () => {
    const { objects } = build({ alertmanager: { receiver: { webhook: { url: 'http://alert-relay.ops.svc:8080/alerts' } } } });
    const yaml = find(objects, 'ConfigMap', 'kafka-alertmanager-config').data['alertmanager.yml'];
    const dir = tempDir('alertmanager-');
    writeFiles(dir, { 'alertmanager.yml': yaml });
    const result = runTool('amtool', ['check-config', 'alertmanager.yml'], dir);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
    const config = parse(find(objects, 'ConfigMap', 'kafka-prometheus-config').data['prometheus.yml']);
    expect(config.alerting.alertmanagers[0].static_configs[0].targets).toEqual([
      'kafka-alertmanager-0.kafka-alertmanager-headless.monitoring.svc:9093',
      'kafka-alertmanager-1.kafka-alertmanager-headless.monitoring.svc:9093',
    ]);
    const sts = find(objects, 'StatefulSet', 'kafka-alertmanager');
    expect(sts.spec.replicas).toBe(2);
    expect(podSpec(sts).containers[0].args).toEqual(expect.arrayContaining(['--cluster.peer=kafka-alertmanager-1.kafka-alertmanager-headless.monitoring.svc:9094']));
    expect(validateManifests(objects)).toEqual([]);
  });

  test('both Prometheus replicas send the same alert: the replica label is dropped from alerts only, and promtool accepts the config', () => {
    const { objects } = build({ alertmanager: { receiver: { webhook: { url: 'http://alert-relay.ops.svc:8080/alerts' } } } });
    const config = parse(find(objects, 'ConfigMap', 'kafka-prometheus-config').data['prometheus.yml']);
    // Series keep the replica label (queries can tell the replicas apart) ...
    expect(config.global.external_labels).toEqual({ kafka_cluster: 'kafka', prometheus_replica: '${POD_NAME}' });
    // ... alerts lose it, or Alertmanager would see two different alerts and notify twice.
    expect(config.alerting.alert_relabel_configs).toEqual([{ action: 'labeldrop', regex: 'prometheus_replica' }]);
    const dir = tempDir('prometheus-alerting-');
    const checked = withStaticDiscoveryForCheck(config, `${dir}/sa`);
    checked.rule_files = [];
    writeFiles(dir, { 'sa/token': 'test-token\n', 'sa/ca.crt': '', 'prometheus.yml': stringify(checked) });
    const ok = runTool('promtool', ['check', 'config', 'prometheus.yml'], dir);
    expect(ok.output).toContain('SUCCESS');
    expect(ok.status).toBe(0);
  });

  test('email receiver: the SMTP password is a mounted Secret file; passes amtool check-config', () => {
    const { objects } = build({ alertmanager: { receiver: { email: { to: 'oncall@example.com', from: 'kafka@example.com', smarthost: 'smtp.example.com:587', authUsername: 'kafka', authPasswordSecret: { secretName: 'smtp', key: 'password' } } } } });
    const yaml = find(objects, 'ConfigMap', 'kafka-alertmanager-config').data['alertmanager.yml'];
    expect(parse(yaml).receivers[0].email_configs[0]).toMatchObject({ auth_password_file: '/etc/alertmanager/secrets/password' });
    expect(yaml).not.toMatch(/auth_password:/);
    const dir = tempDir('alertmanager-email-');
    writeFiles(dir, { 'alertmanager.yml': yaml });
    expect(runTool('amtool', ['check-config', 'alertmanager.yml'], dir).status).toBe(0);
    const spec = podSpec(find(objects, 'StatefulSet', 'kafka-alertmanager'));
    expect(spec.volumes).toContainEqual({ name: 'smtp-password', secret: { secretName: 'smtp', items: [{ key: 'password', path: 'password' }], defaultMode: 0o440 } });
    expect(validateManifests(objects)).toEqual([]);
  });

  test('amtool does reject a broken config (the check can fail)', () => {
    const dir = tempDir('alertmanager-broken-');
    writeFiles(dir, { 'alertmanager.yml': renderAlertmanagerConfig({ webhook: { url: 'http://x:1/a' } }).replace('receiver: default', 'receiver: nobody') });
    expect(runTool('amtool', ['check-config', 'alertmanager.yml'], dir).status).not.toBe(0);
  });

  test.each([
    [{}, /alertmanager.receiver: must set exactly one of webhook or email/],
    [{ webhook: { url: 'alert-relay:8080' } }, /alertmanager.receiver.webhook.url/],
    [{ email: { to: 'nobody', from: 'a@b.c', smarthost: 'smtp:25' } }, /alertmanager.receiver.email.to/],
    [{ email: { to: 'a@b.c', from: 'a@b.c', smarthost: 'smtp' } }, /alertmanager.receiver.email.smarthost/],
  ])('receiver %j is rejected', (receiver, message) => {
    expect(() => renderAlertmanagerConfig(receiver as any)).toThrow(message);
  });
});
