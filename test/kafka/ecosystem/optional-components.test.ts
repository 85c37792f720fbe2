import { KsqlDb } from '../../../lib/kafka/ecosystem';
import { envMap, EVERYTHING, find, podSpec, synthEcosystem, synthWith } from './support';

describe('ksqlDB', () => {
  const { objects, cluster, ecosystem } = synthEcosystem({ ksqlDb: true });
  const deployment = find(objects, 'Deployment', 'kafka-ksqldb');
  const spec = podSpec(deployment);
  const env = envMap(spec.containers[0]);

  test('runs 2 replicas with anti-affinity, zone spread, PDB and probes', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    expect(spec.topologySpreadConstraints[0].topologyKey).toBe('topology.kubernetes.io/zone');
    expect(find(objects, 'PodDisruptionBudget', 'kafka-ksqldb').spec.maxUnavailable).toBe(1);
    expect(spec.containers[0].readinessProbe.httpGet.path).toBe('/info');
  });

  test('internal topics have RF 3: declared command and processing-log topics, and the Streams settings', () => {
    const serviceId = ecosystem.ksqlDb!.serviceId;
    expect(cluster.declaredTopics.find(t => t.name === `_confluent-ksql-${serviceId}_command_topic`)).toEqual({
      name: '_confluent-ksql-kafka_ksqldb__command_topic', partitions: 1, replicationFactor: 3,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'min.insync.replicas': '2' },
    });
    expect(cluster.declaredTopics.find(t => t.name === `${serviceId}ksql_processing_log`)?.replicationFactor).toBe(3);
    expect(env).toMatchObject({
      KSQL_KSQL_INTERNAL_TOPIC_REPLICAS: '3',
      KSQL_KSQL_INTERNAL_TOPIC_MIN_INSYNC_REPLICAS: '2',
      KSQL_KSQL_STREAMS_REPLICATION_FACTOR: '3',
      KSQL_KSQL_LOGGING_PROCESSING_TOPIC_REPLICATION_FACTOR: '3',
      KSQL_KSQL_STREAMS_NUM_STANDBY_REPLICAS: '1',
      KSQL_KSQL_SCHEMA_REGISTRY_URL: 'http://kafka-schema-registry.kafka.svc:8081',
      KSQL_KSQL_ADVERTISED_LISTENER: 'http://$(POD_IP):8088',
    });
  });

  test('authenticates with its own SCRAM user from the Secret', () => {
    const creds = cluster.declaredUsers.find(u => u.username === 'kafka-ksqldb')!;
    expect(env.KSQL_SASL_JAAS_CONFIG).toEqual({ secretKeyRef: { name: creds.secretName, key: creds.jaasConfigKey } });
    expect(env.KSQL_SECURITY_PROTOCOL).toBe(cluster.internalSecurityProtocol);
    expect(env.KSQL_SASL_MECHANISM).toBe('SCRAM-SHA-512');
  });

  test('RF above the broker count fails with the prop name', () => {
    expect(() => synthWith((c, chart) => new KsqlDb(chart, 'ksql', { cluster: c, topicReplicationFactor: 4 }))).toThrow(/\[test\/ksql\] topicReplicationFactor: topic "_confluent-ksql-kafka_ksqldb__command_topic": replication factor 4 is more than the 3 broker/);
  });
});

describe('Kafbat UI', () => {
  const { objects, cluster } = synthEcosystem(EVERYTHING);
  const deployment = find(objects, 'Deployment', 'kafka-ui');
  const env = envMap(podSpec(deployment).containers[0]);

  test('is wired to the cluster, Schema Registry, Connect and ksqlDB with its own SCRAM user', () => {
    const creds = cluster.declaredUsers.find(u => u.username === 'kafka-ui')!;
    expect(env).toMatchObject({
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: cluster.internalBootstrapServers,
      KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: cluster.internalSecurityProtocol,
      KAFKA_CLUSTERS_0_PROPERTIES_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: { secretKeyRef: { name: creds.secretName, key: creds.jaasConfigKey } },
      KAFKA_CLUSTERS_0_SCHEMAREGISTRY: 'http://kafka-schema-registry.kafka.svc:8081',
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: 'kafka-connect',
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: 'http://kafka-connect.kafka.svc:8083',
      KAFKA_CLUSTERS_0_KSQLDBSERVER: 'http://kafka-ksqldb.kafka.svc:8088',
    });
  });

  test('requires a login whose credentials come from a Secret', () => {
    expect(env.AUTH_TYPE).toBe('LOGIN_FORM');
    expect(env.SPRING_SECURITY_USER_NAME).toEqual({ secretKeyRef: { name: 'kafka-ui-login', key: 'username' } });
    expect(env.SPRING_SECURITY_USER_PASSWORD).toEqual({ secretKeyRef: { name: 'kafka-ui-login', key: 'password' } });
  });

  test('carries the label that admits it to the Connect REST API', () => {
    expect(deployment.spec.template.metadata.labels['kafka-platform.io/kafka-connect-rest-client']).toBe('true');
  });

  test('2 replicas, PDB, sticky sessions', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(find(objects, 'PodDisruptionBudget', 'kafka-ui').spec.maxUnavailable).toBe(1);
    expect(find(objects, 'Service', 'kafka-ui').spec.sessionAffinity).toBe('ClientIP');
  });
});
