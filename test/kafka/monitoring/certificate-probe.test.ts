import { parse, stringify } from 'yaml';
import { KafkaMetadataMode } from '../../../lib/kafka';
import { nodeCertificateDnsNames } from '../../../lib/kafka/cluster/node-certificates';
import { KafkaMonitoring, MONITORING_IMAGES, withStaticDiscoveryForCheck } from '../../../lib/kafka/monitoring';
import { find, podSpec, synthWith } from '../ecosystem/support';
import { runTool, tempDir, writeFiles } from './promtool';

/** The blackbox exporter that watches the brokers' and controllers' certificates, and how Prometheus scrapes it. */

function build(monitoring: Record<string, unknown> = {}, clusterProps: Record<string, unknown> = {}) {
  return synthWith((cluster, chart) => new KafkaMonitoring(chart, 'monitoring', { cluster, ...monitoring }), clusterProps as any);
}


/** The target parameter is set from the pod address before the address becomes the exporter's; the pod names the instance. */
function expectProbedThroughExporter(rules: any[]): void {
  const param = rules.findIndex((r: any) => r.target_label === '__param_target');
  const address = rules.findIndex((r: any) => r.target_label === '__address__');
  expect(rules[param]).toEqual({ source_labels: ['__address__'], target_label: '__param_target' });
  expect(rules[address]).toEqual({ target_label: '__address__', replacement: 'kafka-certificate-probe.kafka.svc:9115' });
  expect(param).toBeLessThan(address);
  expect(rules).toContainEqual({ source_labels: ['__meta_kubernetes_pod_name'], target_label: 'instance' });
}
describe('certificate probe (TLS, the default)', () => {
  const { objects, cluster, result } = build();
  const deployment = find(objects, 'Deployment', 'kafka-certificate-probe');
  const spec = podSpec(deployment);
  const container = spec.containers[0];
  const promConfig = parse(find(objects, 'ConfigMap', 'kafka-prometheus-config').data['prometheus.yml']);
  const job = promConfig.scrape_configs.find((j: any) => j.job_name === 'kafka-certificates');

  test("the Prometheus project's blackbox exporter, pinned, in the cluster namespace, with the client label and no credentials", () => {
    expect(MONITORING_IMAGES.blackboxExporter).toBe('prom/blackbox-exporter:v0.27.0');
    expect(container.image).toBe(MONITORING_IMAGES.blackboxExporter);
    expect(deployment.metadata.namespace).toBe(cluster.namespace);
    expect(deployment.spec.template.metadata.labels[cluster.clientAccessLabel.key]).toBe(cluster.clientAccessLabel.value);
    expect(container.args).toEqual(['--config.file=/etc/blackbox-exporter/blackbox.yml', '--web.listen-address=:9115']);
    expect(container.env).toBeUndefined();
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
  });

  test('mounts its config and the CA bundle ConfigMap read-only, no Secret', () => {
    expect(spec.volumes).toEqual([
      { name: 'config', configMap: { name: 'kafka-certificate-probe-config' } },
      { name: 'kafka-ca-bundle', configMap: { name: 'kafka-ca-bundle', items: [{ key: 'ca.crt', path: 'ca.crt' }], defaultMode: 0o444 } },
    ]);
    expect(container.volumeMounts).toEqual([
      { name: 'config', mountPath: '/etc/blackbox-exporter', readOnly: true },
      { name: 'kafka-ca-bundle', mountPath: '/etc/kafka-platform/ca', readOnly: true },
    ]);
  });

  test('the modules: TLS handshakes verified against the cluster CA and a name the node certificate carries, never insecure; TLS 1.3 for controllers', () => {
    const config = parse(find(objects, 'ConfigMap', 'kafka-certificate-probe-config').data['blackbox.yml']);
    const firstVoterHost = cluster.controllerQuorumVoters.split(',')[0].split('@')[1].split(':')[0];
    expect(firstVoterHost).toBe('kafka-controller-0-0.kafka-controller-headless.kafka.svc.cluster.local');
    expect(config).toEqual({
      modules: {
        kafka_internal_tls: {
          prober: 'tcp',
          timeout: '10s',
          tcp: { tls: true, tls_config: { ca_file: '/etc/kafka-platform/ca/ca.crt', server_name: cluster.internalBootstrapServers.split(':')[0] } },
        },
        kafka_controller_tls: {
          prober: 'tcp',
          timeout: '10s',
          tcp: { tls: true, tls_config: { ca_file: '/etc/kafka-platform/ca/ca.crt', server_name: firstVoterHost, min_version: 'TLS13' } },
        },
      },
    });
    // The name the brokers verify for that voter, covered by the node certificate's controller wildcard.
    expect(nodeCertificateDnsNames(cluster.spec)).toContain(firstVoterHost.replace(/^[^.]+/, '*'));
    expect(cluster.controllerTlsListener).toEqual({ port: 9093, tlsServerName: firstVoterHost, probeAccessLabel: { key: 'kafka-platform.io/kafka-tls-probe', value: 'true' } });
    expect(deployment.spec.template.metadata.annotations['kafka-platform.io/config-checksum']).toMatch(/^[0-9a-f]{64}$/);
  });

  test("Prometheus probes every broker pod's internal listener through the exporter", () => {
    expect(job.metrics_path).toBe('/probe');
    expect(job.params).toEqual({ module: ['kafka_internal_tls'] });
    expect(job.kubernetes_sd_configs).toEqual([{ role: 'pod', namespaces: { names: [cluster.namespace] } }]);
    for (const [label, value] of Object.entries(cluster.brokerSelector)) {
      expect(job.relabel_configs).toContainEqual({ source_labels: [`__meta_kubernetes_pod_label_${label.replace(/[^a-zA-Z0-9_]/g, '_')}`], regex: value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), action: 'keep' });
    }
    expect(job.relabel_configs).toContainEqual({ source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: '9092', action: 'keep' });
    expectProbedThroughExporter(job.relabel_configs);
  });

  test("Prometheus probes every KRaft controller pod's controller listener through the exporter, with the controller module", () => {
    const controllerJob = promConfig.scrape_configs.find((j: any) => j.job_name === 'kafka-controller-certificates');
    expect(controllerJob.metrics_path).toBe('/probe');
    expect(controllerJob.params).toEqual({ module: ['kafka_controller_tls'] });
    expect(controllerJob.kubernetes_sd_configs).toEqual([{ role: 'pod', namespaces: { names: [cluster.namespace] } }]);
    expect(cluster.metadataQuorumSelector).toEqual({ 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'controller' });
    const keeps = controllerJob.relabel_configs.filter((r: any) => r.action === 'keep');
    expect(keeps).toEqual([
      { source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_component'], regex: 'controller', action: 'keep' },
      { source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_instance'], regex: 'kafka', action: 'keep' },
      // The controller listener's container port (the controller StatefulSets declare it), not the metrics port.
      { source_labels: ['__meta_kubernetes_pod_container_port_number'], regex: '9093', action: 'keep' },
    ]);
    const controllerSts = objects.filter((o: any) => o.kind === 'StatefulSet' && o.spec.template.metadata.labels['app.kubernetes.io/component'] === 'controller');
    expect(controllerSts.length).toBeGreaterThan(0);
    for (const sts of controllerSts) expect(podSpec(sts).containers[0].ports).toContainEqual({ name: 'controller', containerPort: 9093, protocol: 'TCP' });
    expectProbedThroughExporter(controllerJob.relabel_configs);
    expect(result.certificateProbe?.controllerScrapeTarget?.jobName).toBe('kafka-controller-certificates');
  });

  test("the controllers' NetworkPolicy admits the probe pods to the controller listener (their namespace, the probe label), nothing more", () => {
    const probeLabels = deployment.spec.template.metadata.labels;
    expect(probeLabels['kafka-platform.io/kafka-tls-probe']).toBe('true');
    const policy = find(objects, 'NetworkPolicy', 'kafka-controller-ingress');
    const admitting = policy.spec.ingress.filter((r: any) => r.from.some((peer: any) => !peer.namespaceSelector
      && Object.entries(peer.podSelector.matchLabels).every(([k, v]) => probeLabels[k] === v)));
    expect(admitting.map((r: any) => r.ports)).toEqual([[{ port: 9093, protocol: 'TCP' }]]);
  });

  test('the probe job passes promtool check config', () => {
    const dir = tempDir('probe-config-');
    writeFiles(dir, { 'sa/token': 't\n', 'sa/ca.crt': '', [`rules/${result.ruleFileName}`]: result.alertRulesYaml });
    const checked = withStaticDiscoveryForCheck(promConfig, `${dir}/sa`);
    checked.rule_files = [`${dir}/rules/*.yaml`];
    writeFiles(dir, { 'prometheus.yml': stringify(checked) });
    const out = runTool('promtool', ['check', 'config', 'prometheus.yml'], dir);
    expect(out.output).toContain('SUCCESS');
    expect(out.status).toBe(0);
  });

  test('only the scraping Prometheus reaches the exporter (it would probe any address it is asked to)', () => {
    const policy = find(objects, 'NetworkPolicy', 'kafka-certificate-probe-ingress');
    expect(policy.spec.ingress).toHaveLength(1);
    expect(policy.spec.ingress[0].ports).toEqual([{ port: 9115, protocol: 'TCP' }]);
    const prometheusLabels = find(objects, 'StatefulSet', 'kafka-prometheus').spec.template.metadata.labels;
    for (const peer of policy.spec.ingress[0].from) {
      for (const [k, v] of Object.entries(peer.podSelector.matchLabels)) expect(prometheusLabels[k]).toBe(v);
    }
  });

  test('the brokers\' NetworkPolicy admits the probe to the internal listener (same namespace, client label)', () => {
    const rule = find(objects, 'NetworkPolicy', 'kafka-broker-ingress').spec.ingress.find((r: any) => r.ports.some((p: any) => p.port === 9092));
    const probeLabels = deployment.spec.template.metadata.labels;
    const admits = rule.from.some((peer: any) => peer.podSelector && !peer.namespaceSelector
      && Object.entries(peer.podSelector.matchLabels).every(([k, v]) => probeLabels[k] === v));
    expect(admits).toBe(true);
  });

  test('the alert rules watch both probe jobs', () => {
    const alerts = result.alertRules.filter(r => r.alert.startsWith('KafkaCertificate'));
    expect(alerts.map(r => r.alert)).toEqual(['KafkaCertificateExpiresSoon', 'KafkaCertificateExpiryUnknown']);
    for (const r of alerts) expect(r.expr).toContain('job=~"kafka-certificates|kafka-controller-certificates"');
  });
});

describe('certificate probe in ZooKeeper mode: brokers only', () => {
  const { objects, cluster, result } = build({}, { metadataMode: KafkaMetadataMode.ZOOKEEPER });
  const labels = find(objects, 'Deployment', 'kafka-certificate-probe').spec.template.metadata.labels;

  test('no controller module, scrape job, probe label or controller listener; the rules watch the broker job alone', () => {
    expect(cluster.controllerTlsListener).toBeUndefined();
    expect(Object.keys(parse(find(objects, 'ConfigMap', 'kafka-certificate-probe-config').data['blackbox.yml']).modules)).toEqual(['kafka_internal_tls']);
    expect(result.certificateProbe?.controllerScrapeTarget).toBeUndefined();
    const jobs = parse(find(objects, 'ConfigMap', 'kafka-prometheus-config').data['prometheus.yml']).scrape_configs.map((j: any) => j.job_name);
    expect(jobs).toContain('kafka-certificates');
    expect(jobs).not.toContain('kafka-controller-certificates');
    expect(Object.keys(labels).filter(k => k.endsWith('-tls-probe'))).toEqual([]);
    for (const r of result.alertRules.filter(a => a.alert.startsWith('KafkaCertificate'))) {
      expect(r.expr).toContain('job="kafka-certificates"');
      expect(r.summary).toContain('Kafka broker {{ $labels.instance }}');
    }
  });
});

describe('no certificate probe', () => {
  test.each([
    ['without TLS', {}, { tls: { dangerouslyUsePlaintextInternalListeners: true } }],
    ['with certificateProbe: false', { certificateProbe: false }, {}],
  ])('%s: no exporter, no scrape job, no certificate rules', (_name, monitoring, clusterProps) => {
    const { objects, result } = build(monitoring, clusterProps);
    expect(objects.filter((o: any) => o.metadata?.name?.startsWith('kafka-certificate-probe'))).toEqual([]);
    expect(result.certificateProbe).toBeUndefined();
    const jobs = parse(find(objects, 'ConfigMap', 'kafka-prometheus-config').data['prometheus.yml']).scrape_configs.map((j: any) => j.job_name);
    expect(jobs).not.toContain('kafka-certificates');
    expect(jobs).not.toContain('kafka-controller-certificates');
    expect(result.alertRules.filter(r => r.alert.startsWith('KafkaCertificate'))).toEqual([]);
  });
});
