import { KafkaMetadataMode } from '../../lib/kafka';
import { all, envOf, find, synth, STUB_FLAVOUR } from './helpers';

function podSpecs(objects: any[]): Array<[string, any]> {
  return [...all(objects, 'StatefulSet'), ...all(objects, 'Job')].map(o => [`${o.kind}/${o.metadata.name}`, o.spec.template.spec]);
}

const variants: Array<[string, any]> = [
  ['KRaft', { externalListener: { domain: 'k.example.com', loadBalancer: { flavour: STUB_FLAVOUR }, tls: { secretName: 't' } } }],
  ['ZooKeeper', { metadataMode: KafkaMetadataMode.ZOOKEEPER }],
];

describe.each(variants)('security defaults (%s)', (_name, props) => {
  const { objects } = synth(props, c => { c.addUser('connect'); });

  test('the start-script and Job contract has its own KP_ prefix: only Kafka\'s launcher variables start with KAFKA_', () => {
    // The apache/kafka image turns KAFKA_* variables into server.properties entries; a password must never look like one.
    const launcher = new Set(['KAFKA_HOME', 'KAFKA_HEAP_OPTS', 'KAFKA_LOG4J_OPTS', 'KAFKA_OPTS']);
    const names = podSpecs(objects).flatMap(([, spec]) => [...spec.containers, ...(spec.initContainers ?? [])].flatMap((c: any) => (c.env ?? []).map((e: any) => e.name)));
    expect(names.filter((n: string) => n.startsWith('KAFKA_') && !launcher.has(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['KP_ADMIN_PASSWORD']));
  });

  test('every pod: non-root, RuntimeDefault seccomp, fsGroup', () => {
    for (const [, spec] of podSpecs(objects)) {
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, fsGroup: 1000 });
      expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
    }
  });

  test('every container: read-only root, no privilege escalation, all capabilities dropped, requests and limits', () => {
    for (const [, spec] of podSpecs(objects)) {
      for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
        expect(c.securityContext.capabilities.add).toBeUndefined();
        expect(c.resources.requests.cpu).toBeDefined();
        expect(c.resources.requests.memory).toBeDefined();
        expect(c.resources.limits.cpu).toBeDefined();
        expect(c.resources.limits.memory).toBeDefined();
      }
    }
  });

  test('Kafka pods run as uid 1000 (appuser of apache/kafka) and never get a service account token', () => {
    for (const sts of all(objects, 'StatefulSet')) {
      expect(sts.spec.template.spec.securityContext.runAsUser).toBe(1000);
      expect(sts.spec.template.spec.automountServiceAccountToken).toBe(false);
      expect(sts.spec.template.spec.enableServiceLinks).toBe(false);
    }
  });

  test('JVM heap is derived from the memory limit (50%), memory request = limit', () => {
    for (const sts of all(objects, 'StatefulSet')) {
      const c = sts.spec.template.spec.containers[0];
      expect(c.resources.requests.memory).toBe(c.resources.limits.memory);
      const limitMi = parseInt(c.resources.limits.memory, 10) * (c.resources.limits.memory.endsWith('Gi') ? 1024 : 1);
      const env = envOf(c);
      const heap = env.KAFKA_HEAP_OPTS ?? `-Xmx${env.ZK_SERVER_HEAP}m`;
      expect(heap).toContain(`-Xmx${limitMi / 2}m`);
    }
  });

  test('no password or JAAS secret appears in any manifest; Kafka passwords come from secretKeyRef', () => {
    const text = JSON.stringify(objects);
    expect(text).not.toMatch(/password="[^"$]/);
    expect(all(objects, 'Secret')).toHaveLength(0);
    for (const [, spec] of podSpecs(objects)) {
      for (const c of spec.containers) {
        for (const e of c.env ?? []) {
          if (/PASSWORD/.test(e.name)) {
            expect(e.value).toBeUndefined();
            // The admin's second identity's password (KRaft controllers, during an admin password rotation) has its own key.
            expect(e.valueFrom.secretKeyRef.key).toBe(e.name === 'KP_ADMIN_ALSO_ACCEPTED_PASSWORD' ? 'also-accepted-password' : 'password');
          }
        }
      }
    }
  });

  test('the internal listener authenticates with SASL/SCRAM-SHA-512 over TLS', () => {
    const cm = find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties'];
    expect(cm).toMatch(/listener\.security\.protocol\.map=.*INTERNAL:SASL_SSL/);
    expect(cm).toContain('sasl.enabled.mechanisms=SCRAM-SHA-512,SCRAM-SHA-256\n');
    expect(cm).not.toMatch(/PLAINTEXT:PLAINTEXT|INTERNAL:PLAINTEXT/);
  });
});

describe('credentials', () => {
  test('addUser returns the Secret, keys, and is idempotent', () => {
    const { cluster } = synth();
    const a = cluster.addUser('schema-registry');
    expect(a).toEqual({ username: 'schema-registry', secretName: 'kafka-user-schema-registry', usernameKey: 'username', passwordKey: 'password', jaasConfigKey: 'sasl.jaas.config', mechanismKey: 'sasl.mechanism' });
    expect(cluster.addUser('schema-registry')).toEqual(a);
    expect(cluster.adminCredentials.secretName).toBe('kafka-user-admin');
  });

  test('the Secret bootstrap Job creates Secrets of users added after construction, with a least-privilege Role', () => {
    const { objects } = synth({}, c => { c.addUser('connect'); });
    const job = all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-secrets-'));
    expect(envOf(job.spec.template.spec.containers[0]).KP_USER_SECRETS).toBe('admin=kafka-user-admin connect=kafka-user-connect');
    expect(job.spec.template.spec.serviceAccountName).toBe('kafka-secrets-bootstrap');
    const role = find(objects, 'Role', 'kafka-secrets-bootstrap');
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['kafka-user-admin', 'kafka-user-connect'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
    ]);
    expect(find(objects, 'RoleBinding', 'kafka-secrets-bootstrap').subjects).toEqual([{ kind: 'ServiceAccount', name: 'kafka-secrets-bootstrap', namespace: 'kafka' }]);
    expect(find(objects, 'ServiceAccount', 'kafka-secrets-bootstrap').automountServiceAccountToken).toBe(false);
  });

  test('the users Job upserts every added user from its Secret', () => {
    const { objects } = synth({}, c => { c.addUser('connect'); c.addUser('ui'); });
    const job = all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-users-'));
    const env = job.spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'KP_USER_COUNT', value: '2' });
    expect(env).toContainEqual({ name: 'KP_USER_0_PASSWORD', valueFrom: { secretKeyRef: { name: 'kafka-user-connect', key: 'password' } } });
    expect(env).toContainEqual({ name: 'KP_USER_1_NAME', value: 'ui' });
    // The Job pod carries the client label, so the NetworkPolicy lets it reach the internal listener.
    expect(job.spec.template.metadata.labels['kafka-platform.io/kafka-client']).toBe('true');
  });

  test('Job names change with their content (Jobs are immutable), and stay stable otherwise', () => {
    const names = (o: any[]) => all(o, 'Job').map(j => j.metadata.name).sort();
    const a = names(synth({}, c => c.addUser('connect')).objects);
    const b = names(synth({}, c => c.addUser('connect')).objects);
    const c2 = names(synth({}, c => { c.addUser('connect'); c.addUser('ui'); }).objects);
    expect(a).toEqual(b);
    expect(c2.filter(n => n.startsWith('kafka-users-'))).not.toEqual(a.filter(n => n.startsWith('kafka-users-')));
  });

  test('existing Secrets replace the generated ones and are not created', () => {
    const { objects, cluster } = synth({ credentials: { existingSecrets: { admin: 'vault-kafka-admin' } } }, c => c.addUser('connect'));
    expect(cluster.adminCredentials.secretName).toBe('vault-kafka-admin');
    const broker = find(objects, 'StatefulSet', 'kafka-broker-0').spec.template.spec.containers[0];
    expect(envOf(broker).KP_ADMIN_PASSWORD).toEqual({ secretKeyRef: { name: 'vault-kafka-admin', key: 'password' } });
    const job = all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-secrets-'));
    expect(envOf(job.spec.template.spec.containers[0]).KP_USER_SECRETS).toBe('connect=kafka-user-connect');
  });

  test('without Secret creation there is no bootstrap Job, ServiceAccount or Role', () => {
    const { objects } = synth({ credentials: { createMissingSecrets: false, existingSecrets: { admin: 'a' } } });
    expect(all(objects, 'Job').some(j => j.metadata.name.startsWith('kafka-secrets-'))).toBe(false);
    // Left: the roll Job's Role, which cannot touch a Secret, the scale Job's (StatefulSets and their scale
    // subresource only), the certificate Job's, which reads only the CA and node Secrets, and the certificate
    // roll's, which reads those two and may update only the node Secret.
    expect(all(objects, 'Role').map(r => r.metadata.name).sort()).toEqual(['kafka-certificate-roll', 'kafka-roll', 'kafka-scale', 'kafka-tls-bootstrap']);
    expect(find(objects, 'Role', 'kafka-roll').rules.flatMap((rule: any) => rule.resources)).toEqual(['pods', 'leases', 'leases']);
    const rollSecrets = find(objects, 'Role', 'kafka-certificate-roll').rules.filter((r: any) => r.resources.includes('secrets'));
    expect(rollSecrets.map((r: any) => [r.verbs.join(','), r.resourceNames.join(',')])).toEqual([['get', 'kafka-ca,kafka-node-tls'], ['update', 'kafka-node-tls']]);
    expect(find(objects, 'Role', 'kafka-scale').rules.flatMap((rule: any) => rule.resources)).toEqual(['statefulsets', 'statefulsets/scale']);
    const secretReads = find(objects, 'Role', 'kafka-tls-bootstrap').rules.filter((r: any) => r.resources.includes('secrets') && r.verbs.includes('get'));
    expect(secretReads.flatMap((r: any) => r.resourceNames)).toEqual(['kafka-ca', 'kafka-node-tls']);
    expect(all(objects, 'ServiceAccount').map(sa => sa.metadata.name).sort()).toEqual(['kafka-certificate-roll', 'kafka-roll', 'kafka-scale', 'kafka-tls-bootstrap']);
  });
});

describe('IKafkaCluster contract', () => {
  test('KafkaCluster is usable wherever IKafkaCluster is expected', () => {
    const { cluster } = synth();
    const contract: import('../../lib/kafka').IKafkaCluster = cluster;
    expect(contract.internalBootstrapServers).toBe('kafka-bootstrap.kafka.svc.cluster.local:9092');
    expect(contract.internalSecurityProtocol).toBe('SASL_SSL');
    expect(contract.saslMechanism).toBe('SCRAM-SHA-512');
    expect(contract.defaultReplicationFactor).toBe(3);
    expect(contract.minInsyncReplicas).toBe(2);
    expect(contract.brokerCount).toBe(3);
    expect(contract.zones).toEqual(['zone-a', 'zone-b', 'zone-c']);
    expect(contract.constructPath).toBe('test/kafka');
    expect(contract.metadataQuorumSize).toBe(3);
    // By default only the labelled scraper in the monitoring namespace reaches the metrics port.
    expect(contract.metricsScraper).toEqual({ namespace: 'monitoring', podLabels: { 'kafka-platform.io/metrics-scraper': 'true' } });
  });

  test('metadataQuorumSize and metricsScraper follow the props (monitoring builds quorum alerts and its placement from them)', () => {
    const zk: import('../../lib/kafka').IKafkaCluster = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER, zookeeper: { replicas: 5 } }).cluster;
    expect(zk.metadataQuorumSize).toBe(5);
    const { cluster, objects } = synth({ controllers: { replicas: 5 }, networkPolicy: { monitoringNamespace: 'observability', monitoringPodSelector: { app: 'prometheus' } } });
    expect(cluster.metadataQuorumSize).toBe(5);
    expect(cluster.metricsScraper).toEqual({ namespace: 'observability', podLabels: { app: 'prometheus' } });
    // ... which is exactly the peer the NetworkPolicies admit to the metrics port.
    const metricsRule = find(objects, 'NetworkPolicy', 'kafka-broker-ingress').spec.ingress.find((r: any) => r.ports[0].port === cluster.metricsPort);
    expect(metricsRule.from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } }, podSelector: { matchLabels: { app: 'prometheus' } } }]);
  });
});
