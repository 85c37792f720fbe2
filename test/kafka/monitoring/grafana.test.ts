import { envMap, EVERYTHING, find, podSpec, synthEcosystem } from '../ecosystem/support';

describe('Grafana', () => {
  const { objects, ecosystem } = synthEcosystem(EVERYTHING);
  const deployment = find(objects, 'Deployment', 'kafka-grafana');
  const container = podSpec(deployment).containers[0];

  test('provisions the Prometheus datasource', () => {
    const provisioning = find(objects, 'ConfigMap', 'kafka-grafana-provisioning').data;
    expect(provisioning['datasources.yaml']).toContain(`url: ${ecosystem.monitoring!.prometheus.url}`);
    expect(provisioning['datasources.yaml']).toContain('uid: prometheus');
    expect(container.volumeMounts).toContainEqual({ name: 'provisioning', mountPath: '/etc/grafana/provisioning-kafka/datasources/datasources.yaml', subPath: 'datasources.yaml', readOnly: true });
  });

  test('provisions the three Kafka dashboards, querying metrics that the rules and exporters use', () => {
    const dashboards = find(objects, 'ConfigMap', 'kafka-grafana-dashboards').data;
    expect(Object.keys(dashboards).sort()).toEqual(['kafka-broker-throughput.json', 'kafka-cluster-health.json', 'kafka-consumer-lag.json']);
    const health = JSON.parse(dashboards['kafka-cluster-health.json']);
    const exprs = (d: any) => d.panels.flatMap((p: any) => p.targets.map((t: any) => t.expr)).join('\n');
    expect(exprs(health)).toContain('kafka_controller_kafkacontroller_activecontrollercount{job="kafka-controllers"}');
    expect(exprs(JSON.parse(dashboards['kafka-broker-throughput.json']))).toContain('rate(kafka_server_brokertopicmetrics_bytesinpersec_total{job="kafka-brokers"}[5m])');
    expect(exprs(JSON.parse(dashboards['kafka-consumer-lag.json']))).toContain('kafka_consumergroup_lag_sum{job="kafka-kafka-exporter"}');
    for (const d of Object.values(dashboards as Record<string, string>).map(t => JSON.parse(t))) {
      expect(d.uid.length).toBeLessThanOrEqual(40);
      for (const p of d.panels) expect(p.datasource).toEqual({ type: 'prometheus', uid: 'prometheus' });
    }
  });

  test('admin credentials come from a Secret; sign-up and anonymous access are off', () => {
    const env = envMap(container);
    expect(env.GF_SECURITY_ADMIN_PASSWORD).toEqual({ secretKeyRef: { name: 'kafka-grafana-admin', key: 'admin-password' } });
    expect(env.GF_USERS_ALLOW_SIGN_UP).toBe('false');
    expect(env.GF_AUTH_ANONYMOUS_ENABLED).toBe('false');
  });
});
