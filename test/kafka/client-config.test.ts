import { Chart, Testing } from 'cdk8s';
import { KafkaPlatformValidationError } from '../../lib/errors';
import { AclOperation, acl, KafkaCluster, KafkaClusterProps, KafkaTenant } from '../../lib/kafka';

/** `cluster.clientConfig(user)`: the typed, password-free client configuration of a declared user. */

function cluster(props: Partial<KafkaClusterProps> = {}): KafkaCluster {
  const chart = new Chart(Testing.app(), 'test');
  const c = new KafkaCluster(chart, 'kafka', { zones: ['a', 'b', 'c'], clusterName: 'events', namespace: 'streaming', ...props });
  c.addUser('orders-app', { acls: [acl.topic('orders', AclOperation.READ)] });
  new KafkaTenant(chart, 'payments', { cluster: c, name: 'payments', users: [{ name: 'payments-app' }] });
  return c;
}

function parseProperties(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter(l => l && !l.startsWith('#')).map(l => {
    const i = l.indexOf('=');
    return [l.slice(0, i), l.slice(i + 1).replace(/\\(.)/g, '$1')];
  }));
}

describe('clientConfig with TLS (the default)', () => {
  const c = cluster();
  const config = c.clientConfig('orders-app');
  const creds = c.declaredUsers.find(u => u.username === 'orders-app')!;

  test('the typed facts: bootstrap servers, SASL_SSL, SCRAM-SHA-512, the Secret and the CA bundle', () => {
    expect({ ...config, toProperties: undefined, toPropertiesFile: undefined }).toEqual({
      username: 'orders-app',
      bootstrapServers: 'events-bootstrap.streaming.svc.cluster.local:9092',
      securityProtocol: 'SASL_SSL',
      saslMechanism: 'SCRAM-SHA-512',
      namespace: 'streaming',
      credentials: { secretName: creds.secretName, passwordKey: creds.passwordKey, jaasConfigKey: creds.jaasConfigKey },
      caBundle: { configMapName: 'events-ca-bundle', key: 'ca.crt' },
      toProperties: undefined,
      toPropertiesFile: undefined,
    });
    expect(config.bootstrapServers).toBe(c.internalBootstrapServers);
  });

  test('Java properties: PEM truststore on the mounted CA bundle, the password a placeholder naming its Secret', () => {
    expect(config.toProperties()).toEqual({
      'bootstrap.servers': c.internalBootstrapServers,
      'security.protocol': 'SASL_SSL',
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': '/etc/kafka-platform/ca/ca.crt',
      'sasl.mechanism': 'SCRAM-SHA-512',
      'sasl.jaas.config': `org.apache.kafka.common.security.scram.ScramLoginModule required username="orders-app" password="<key ${creds.passwordKey} of Secret ${creds.secretName}>";`,
    });
    expect(config.toProperties({ caFile: '/certs/kafka-ca.pem' })['ssl.truststore.location']).toBe('/certs/kafka-ca.pem');
  });

  test('the properties file parses back to the same properties and says where the JAAS line lives', () => {
    const text = config.toPropertiesFile();
    expect(parseProperties(text)).toEqual(config.toProperties());
    expect(text).toContain(`key ${creds.jaasConfigKey} of Secret ${creds.secretName}`);
  });

  test('no external listener, no external bootstrap servers; with one, its address', () => {
    expect(config.externalBootstrapServers).toBeUndefined();
    const external = cluster({ externalListener: { domain: 'kafka.example.internal', tls: { secretName: 'kafka-tls' } } } as any);
    expect(external.clientConfig('orders-app').externalBootstrapServers).toBe(external.externalBootstrapServers);
    expect(external.externalBootstrapServers).toBe('bootstrap.kafka.example.internal:9094');
  });

  test('tenant users and the admin have one too', () => {
    expect(c.clientConfig('payments-app').credentials.secretName).toBe(c.declaredUsers.find(u => u.username === 'payments-app')!.secretName);
    expect(c.clientConfig(c.adminCredentials.username).credentials.secretName).toBe(c.adminCredentials.secretName);
  });

  test('an undeclared user is refused, naming the call and the fix', () => {
    let error: unknown;
    try { c.clientConfig('nobody'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(KafkaPlatformValidationError);
    const e = error as KafkaPlatformValidationError;
    expect(e.prop).toBe('clientConfig("nobody")');
    expect(e.problem).toContain('"nobody" is not a declared user');
    expect(e.problem).toContain('orders-app');
    expect(e.fix).toContain('addUser("nobody"');
  });
});

describe('clientConfig with tls.dangerouslyUsePlaintextInternalListeners', () => {
  const config = cluster({ tls: { dangerouslyUsePlaintextInternalListeners: true } }).clientConfig('orders-app');

  test('SASL_PLAINTEXT, no CA bundle, no ssl.* property', () => {
    expect(config.securityProtocol).toBe('SASL_PLAINTEXT');
    expect(config.caBundle).toBeUndefined();
    expect(Object.keys(config.toProperties()).sort()).toEqual(['bootstrap.servers', 'sasl.jaas.config', 'sasl.mechanism', 'security.protocol']);
    expect(config.toProperties({ caFile: '/x.pem' })['ssl.truststore.location']).toBeUndefined();
  });
});
