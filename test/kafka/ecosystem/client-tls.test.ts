import { CA_BUNDLE_MOUNT_PATH } from '../../../lib/kafka';
import { EVERYTHING, envMap, find, ofKind, podSpec, synthEcosystem } from './support';

/**
 * Every ecosystem client of the internal listener speaks the listener's
 * protocol: SASL_SSL trusting the cluster CA from the mounted CA bundle
 * ConfigMap (never a Secret), or, with the loud plaintext opt-in, exactly
 * what it did before TLS.
 */

const CA_VOLUME = { name: 'kafka-ca-bundle', configMap: { name: 'kafka-ca-bundle', items: [{ key: 'ca.crt', path: 'ca.crt' }], defaultMode: 0o444 } };
const CA_MOUNT = { name: 'kafka-ca-bundle', mountPath: '/etc/kafka-platform/ca', readOnly: true };
const CA_FILE = '/etc/kafka-platform/ca/ca.crt';

function parseProperties(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter(l => l && !l.startsWith('#')).map(l => {
    const i = l.indexOf('=');
    return [l.slice(0, i), l.slice(i + 1).replace(/\\(.)/g, '$1')];
  }));
}

/** Env vars of the component's main container, and the CA-related volume facts of its pod. */
function component(objects: any[], deployment: string) {
  const spec = podSpec(find(objects, 'Deployment', deployment));
  const container = spec.containers[0];
  return {
    env: envMap(container),
    caVolumes: (spec.volumes ?? []).filter((v: any) => v.name === 'kafka-ca-bundle'),
    caMounts: (container.volumeMounts ?? []).filter((m: any) => m.name === 'kafka-ca-bundle'),
    secretVolumes: (spec.volumes ?? []).filter((v: any) => v.secret).map((v: any) => v.secret.secretName),
    args: container.args ?? [],
  };
}

describe('ecosystem clients over TLS (the default)', () => {
  const { objects, cluster } = synthEcosystem(EVERYTHING);

  test('the mount path is the contract one', () => {
    expect(CA_BUNDLE_MOUNT_PATH).toBe('/etc/kafka-platform/ca');
    expect(cluster.internalTls).toMatchObject({ enabled: true, internalProtocol: 'SASL_SSL', caBundleConfigMapName: 'kafka-ca-bundle', caBundleKey: 'ca.crt' });
  });

  test.each([
    ['kafka-schema-registry', 'SCHEMA_REGISTRY_KAFKASTORE_'],
    ['kafka-ksqldb', 'KSQL_'],
    ['kafka-ui', 'KAFKA_CLUSTERS_0_PROPERTIES_'],
  ])('%s: SASL_SSL with a PEM truststore on the mounted CA bundle, SCRAM from its Secret', (name, prefix) => {
    const c = component(objects, name);
    expect(c.env[`${prefix}SECURITY_PROTOCOL`]).toBe('SASL_SSL');
    expect(c.env[`${prefix}SSL_TRUSTSTORE_TYPE`]).toBe('PEM');
    expect(c.env[`${prefix}SSL_TRUSTSTORE_LOCATION`]).toBe(CA_FILE);
    expect(c.env[`${prefix}SASL_MECHANISM`]).toBe('SCRAM-SHA-512');
    // No truststore password (PEM refuses one), and host name verification is left at Kafka's default (https).
    expect(Object.keys(c.env).filter(k => /TRUSTSTORE_PASSWORD|ENDPOINT_IDENTIFICATION/.test(k))).toEqual([]);
    expect(c.caVolumes).toEqual([CA_VOLUME]);
    expect(c.caMounts).toEqual([CA_MOUNT]);
  });

  test('Kafka Connect: the worker and its producer, consumer and admin clients trust the CA; the pod mounts it', () => {
    const props = parseProperties(find(objects, 'ConfigMap', 'kafka-connect-worker-config').data['connect-distributed.properties']);
    for (const prefix of ['', 'producer.', 'consumer.', 'admin.']) {
      expect({ prefix, protocol: props[`${prefix}security.protocol`], type: props[`${prefix}ssl.truststore.type`], location: props[`${prefix}ssl.truststore.location`] })
        .toEqual({ prefix, protocol: 'SASL_SSL', type: 'PEM', location: CA_FILE });
    }
    const c = component(objects, 'kafka-connect');
    expect(c.caVolumes).toEqual([CA_VOLUME]);
    expect(c.caMounts).toEqual([CA_MOUNT]);
  });

  test('Kafka Connect refuses a worker override of the truststore or of host name verification', () => {
    for (const key of ['ssl.truststore.location', 'producer.ssl.truststore.type', 'consumer.ssl.endpoint.identification.algorithm']) {
      expect(() => synthEcosystem({ connect: { workerConfig: { [key]: 'x' } } })).toThrow(new RegExp(`workerConfig.*${key.replace(/\./g, '\\.')}`));
    }
  });

  test('the Kafka exporter: --tls.enabled with the CA file, never --tls.insecure-skip-tls-verify, CA bundle mounted', () => {
    const c = component(objects, 'kafka-kafka-exporter');
    expect(c.args).toEqual(expect.arrayContaining(['--tls.enabled', `--tls.ca-file=${CA_FILE}`, '--sasl.enabled', '--sasl.mechanism=scram-sha512']));
    expect(c.args.filter((a: string) => a.startsWith('--tls.insecure') || a.startsWith('--tls.server-name'))).toEqual([]);
    expect(c.caVolumes).toEqual([CA_VOLUME]);
    expect(c.caMounts).toEqual([CA_MOUNT]);
  });

  test('no client pod mounts the node certificate Secret (the one with the private key)', () => {
    for (const d of ofKind(objects, 'Deployment')) {
      expect({ d: d.metadata.name, secrets: component(objects, d.metadata.name).secretVolumes.filter((s: string) => s === cluster.internalTls.nodeCertificateSecretName) })
        .toEqual({ d: d.metadata.name, secrets: [] });
    }
  });
});

describe('ecosystem clients with tls.dangerouslyUsePlaintextInternalListeners', () => {
  const { objects } = synthEcosystem(EVERYTHING, { tls: { dangerouslyUsePlaintextInternalListeners: true } });

  test.each([
    ['kafka-schema-registry', 'SCHEMA_REGISTRY_KAFKASTORE_'],
    ['kafka-ksqldb', 'KSQL_'],
    ['kafka-ui', 'KAFKA_CLUSTERS_0_PROPERTIES_'],
  ])('%s: SASL_PLAINTEXT, no truststore, no CA bundle volume (as before TLS)', (name, prefix) => {
    const c = component(objects, name);
    expect(c.env[`${prefix}SECURITY_PROTOCOL`]).toBe('SASL_PLAINTEXT');
    expect(Object.keys(c.env).filter(k => k.includes('SSL_'))).toEqual([]);
    expect(c.caVolumes).toEqual([]);
    expect(c.caMounts).toEqual([]);
  });

  test('Kafka Connect: SASL_PLAINTEXT everywhere, no ssl.* property, no CA bundle volume', () => {
    const props = parseProperties(find(objects, 'ConfigMap', 'kafka-connect-worker-config').data['connect-distributed.properties']);
    for (const prefix of ['', 'producer.', 'consumer.', 'admin.']) expect(props[`${prefix}security.protocol`]).toBe('SASL_PLAINTEXT');
    expect(Object.keys(props).filter(k => k.includes('ssl.'))).toEqual([]);
    expect(component(objects, 'kafka-connect').caVolumes).toEqual([]);
  });

  test('the Kafka exporter: no --tls.* flag, no volume', () => {
    const c = component(objects, 'kafka-kafka-exporter');
    expect(c.args.filter((a: string) => a.startsWith('--tls'))).toEqual([]);
    const spec = podSpec(find(objects, 'Deployment', 'kafka-kafka-exporter'));
    expect(spec.volumes).toBeUndefined();
    expect(spec.containers[0].volumeMounts).toBeUndefined();
  });
});
