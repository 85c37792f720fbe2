import { KafkaPlatformValidationError } from '../../../lib/errors';
import { SchemaRegistry } from '../../../lib/kafka/ecosystem';
import { envMap, find, podSpec, synthWith } from './support';

describe('SchemaRegistry', () => {
  const { objects, cluster, result: sr } = synthWith((c, chart) => new SchemaRegistry(chart, 'sr', { cluster: c }));
  const deployment = find(objects, 'Deployment', 'kafka-schema-registry');
  const spec = podSpec(deployment);
  const container = spec.containers[0];

  test('runs 2 replicas with required hostname anti-affinity, a zone spread and a PDB', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxUnavailable: 0, maxSurge: 1 });
    const selector = deployment.spec.selector.matchLabels;
    expect(spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([{ labelSelector: { matchLabels: selector }, topologyKey: 'kubernetes.io/hostname' }]);
    expect(spec.topologySpreadConstraints).toEqual([{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: selector } }]);
    const pdb = find(objects, 'PodDisruptionBudget', 'kafka-schema-registry');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: selector } });
  });

  test('has HTTP readiness, liveness and startup probes on its API and a Service', () => {
    expect(container.readinessProbe.httpGet).toEqual({ path: '/subjects', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/subjects', port: 'http' });
    expect(container.startupProbe.httpGet.path).toBe('/subjects');
    const svc = find(objects, 'Service', 'kafka-schema-registry');
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 8081, targetPort: 'http', protocol: 'TCP' }]);
    expect(svc.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(sr.url).toBe('http://kafka-schema-registry.kafka.svc:8081');
  });

  test('authenticates with its own SCRAM user through the internal SASL listener; the JAAS line comes from the Secret', () => {
    const env = envMap(container);
    const creds = cluster.declaredUsers.find(u => u.username === 'kafka-schema-registry')!;
    expect(creds).toBeDefined();
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS).toBe(cluster.internalBootstrapServers);
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL).toBe(cluster.internalSecurityProtocol);
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM).toBe('SCRAM-SHA-512');
    expect(env.SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG).toEqual({ secretKeyRef: { name: creds.secretName, key: creds.jaasConfigKey } });
    // The pod carries the label the brokers' NetworkPolicy admits.
    expect(deployment.spec.template.metadata.labels[cluster.clientAccessLabel.key]).toBe(cluster.clientAccessLabel.value);
  });

  test('declares _schemas: 1 partition, RF 3, compacted, min ISR 2', () => {
    const topic = cluster.declaredTopics.find(t => t.name === '_schemas');
    expect(topic).toEqual({ name: '_schemas', partitions: 1, replicationFactor: 3, config: { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' } });
    expect(envMap(container).SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR).toBe('3');
  });

  test('loads the JMX exporter agent verified by checksum and exposes it for scraping', () => {
    const init = spec.initContainers.find((c: any) => c.name === 'fetch-jmx-exporter');
    expect(init.command[2]).toContain('sha256sum -c -');
    expect(envMap(container).SCHEMA_REGISTRY_OPTS).toMatch(/^-javaagent:\/opt\/jmx-exporter\/jmx_prometheus_javaagent\.jar=9404:/);
    expect(container.ports).toContainEqual({ name: 'metrics', containerPort: 9404, protocol: 'TCP' });
    const { allowScraper, ...target } = sr.scrapeTarget;
    expect(target).toEqual({ jobName: 'kafka-schema-registry', namespace: 'kafka', podSelector: deployment.spec.selector.matchLabels, port: 9404 });
    // The metrics port opens to the Prometheus that scrapes it (network-policies.test.ts).
    expect(typeof allowScraper).toBe('function');
  });
});

describe('SchemaRegistry topic validation', () => {
  test('RF above the broker count fails with the prop and the fix', () => {
    const attempt = () => synthWith((c, chart) => new SchemaRegistry(chart, 'sr', { cluster: c, topicReplicationFactor: 4 }));
    expect(attempt).toThrow(KafkaPlatformValidationError);
    expect(attempt).toThrow('[test/sr] topicReplicationFactor: topic "_schemas": replication factor 4 is more than the 3 broker(s). Fix: lower topicReplicationFactor to at most 3, or add brokers');
  });

  test('min ISR equal to RF fails with the prop and the fix', () => {
    const attempt = () => synthWith((c, chart) => new SchemaRegistry(chart, 'sr', { cluster: c, topicMinInsyncReplicas: 3 }));
    expect(attempt).toThrow('[test/sr] topicMinInsyncReplicas: topic "_schemas": min.insync.replicas 3 is not below the replication factor 3: one replica down (a broker restart) blocks acks=all writes. Fix: use replication factor 4, or set topicMinInsyncReplicas to 2 (replication factor - 1)');
  });

  test('RF below 3 in production fails', () => {
    expect(() => synthWith((c, chart) => new SchemaRegistry(chart, 'sr', { cluster: c, topicReplicationFactor: 2, topicMinInsyncReplicas: 1 }))).toThrow(/topicReplicationFactor: .*production needs 3/);
  });

  test('the cluster\'s own checks run too (a topic config Kafka does not know)', () => {
    // Bypass our own checks: a name the cluster rejects.
    expect(() => synthWith((c, chart) => new SchemaRegistry(chart, 'sr', { cluster: c, topicName: 'bad topic name' }))).toThrow(/not a valid topic name/);
  });
});
