import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KafkaMetadataMode, synthWarnings } from '../../lib/kafka';
import { runNodeTlsJob } from '../../lib/verify/harness/node-tls';
import { all, envOf, find, parseProperties, synth } from './helpers';

const brokerProps = (objects: any[]) => parseProperties(find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties']);
const controllerProps = (objects: any[]) => parseProperties(find(objects, 'ConfigMap', 'kafka-controller-config').data['server.properties']);
const tlsJob = (objects: any[]) => all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-tls-'));
const podSpecs = (objects: any[]) => [...all(objects, 'StatefulSet'), ...all(objects, 'Job')].map(w => ({ name: w.metadata.name, spec: w.spec.template.spec }));

describe('TLS on the controller, replication and in-cluster client listeners (default)', () => {
  const { objects } = synth();

  test('the controller listener is SASL_SSL and requires the node certificate; TLS 1.3/1.2 only', () => {
    const c = controllerProps(objects);
    expect(c['listener.security.protocol.map']).toBe('CONTROLLER:SASL_SSL');
    expect(c['listener.name.controller.ssl.client.auth']).toBe('required');
    expect(c['listener.name.controller.ssl.enabled.protocols']).toBe('TLSv1.3,TLSv1.2');
    expect(c['listener.name.controller.ssl.truststore.type']).toBe('PEM');
    expect(c['listener.name.controller.ssl.truststore.location']).toBe('/etc/kafka-tls/node/ca.crt');
    expect(c['listener.name.controller.ssl.keystore.type']).toBe('PEM');
    // Hostname verification stays at Kafka's default (https): nothing turns it off.
    expect(Object.keys(c).filter(k => k.endsWith('endpoint.identification.algorithm'))).toEqual([]);
  });

  test('brokers: INTERNAL (replication and in-cluster clients) is SASL_SSL and only requests a client certificate', () => {
    const b = brokerProps(objects);
    expect(b['listener.security.protocol.map']).toBe('CONTROLLER:SASL_SSL,INTERNAL:SASL_SSL');
    expect(b['listener.name.internal.ssl.client.auth']).toBe('requested');
    expect(b['listener.name.internal.ssl.enabled.protocols']).toBe('TLSv1.3,TLSv1.2');
    expect(b['listener.name.internal.ssl.truststore.location']).toBe('/etc/kafka-tls/node/ca.crt');
    // The broker is a client of the controller listener: it presents the node certificate there.
    expect(b['listener.name.controller.ssl.client.auth']).toBe('required');
    expect(Object.keys(b).filter(k => k.endsWith('endpoint.identification.algorithm'))).toEqual([]);
  });

  test('only brokers and controllers mount the node certificate Secret; every other Kafka client mounts the CA bundle', () => {
    for (const { name, spec } of podSpecs(objects)) {
      const secretVolumes = spec.volumes.filter((v: any) => v.secret?.secretName === 'kafka-node-tls');
      const isNode = /^kafka-(broker|controller)-\d+$/.test(name);
      expect({ name, mountsNodeSecret: secretVolumes.length > 0 }).toEqual({ name, mountsNodeSecret: isNode });
    }
    for (const sts of [...all(objects, 'StatefulSet')]) {
      const container = sts.spec.template.spec.containers[0];
      expect(container.volumeMounts).toContainEqual({ name: 'node-tls', mountPath: '/etc/kafka-tls/node', readOnly: true });
      expect(envOf(container).KP_NODE_TLS_DIR).toBe('/etc/kafka-tls/node');
      expect(sts.spec.template.spec.volumes).toContainEqual({ name: 'node-tls', secret: { secretName: 'kafka-node-tls', defaultMode: 0o440 } });
    }
    const clients = all(objects, 'Job').filter(j => /^kafka-(users|topics|roll)-/.test(j.metadata.name));
    expect(clients).toHaveLength(3);
    for (const job of clients) {
      const spec = job.spec.template.spec;
      expect(spec.volumes).toContainEqual({ name: 'ca-bundle', configMap: { name: 'kafka-ca-bundle', defaultMode: 0o444 } });
      const container = spec.containers[0];
      expect(container.volumeMounts).toContainEqual({ name: 'ca-bundle', mountPath: '/etc/kafka-platform/ca', readOnly: true });
      expect(envOf(container).KP_CLIENT_TLS_PROPERTIES).toBe('security.protocol=SASL_SSL ssl.truststore.type=PEM ssl.truststore.location=/etc/kafka-platform/ca/ca.crt');
    }
  });

  test('the certificate bootstrap Job: its own ServiceAccount, reads only the CA and node Secrets, writes only the CA bundle', () => {
    const job = tlsJob(objects);
    expect(job.metadata.name).toMatch(/^kafka-tls-[0-9a-f]{8}$/);
    const pod = job.spec.template.spec;
    expect(pod.serviceAccountName).toBe('kafka-tls-bootstrap');
    expect(pod.containers[0].image).toBe('alpine/k8s:1.33.5');
    expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } });
    const env = envOf(pod.containers[0]);
    expect(env).toMatchObject({
      KP_TLS_MODE: 'issue', KP_TLS_CA_SECRET: 'kafka-ca', KP_TLS_NODE_SECRET: 'kafka-node-tls',
      KP_TLS_CA_BUNDLE_CONFIGMAP: 'kafka-ca-bundle', KP_TLS_CA_BUNDLE_KEY: 'ca.crt', KP_TLS_CA_DAYS: '3650', KP_TLS_NODE_DAYS: '730',
    });
    expect(env.KP_TLS_SANS.split(',')).toEqual([
      'DNS:*.kafka-broker-headless.kafka.svc.cluster.local', 'DNS:*.kafka-controller-headless.kafka.svc.cluster.local',
      'DNS:kafka-bootstrap.kafka.svc.cluster.local', 'DNS:kafka-bootstrap.kafka.svc', 'DNS:kafka-bootstrap.kafka', 'DNS:kafka-bootstrap',
    ]);
    expect(find(objects, 'Role', 'kafka-tls-bootstrap').rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['kafka-ca', 'kafka-node-tls'], verbs: ['get'] },
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['kafka-ca-bundle'], verbs: ['get', 'update'] },
      { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['create'] },
    ]);
    expect(find(objects, 'ConfigMap', 'kafka-tls-bootstrap').data['create-node-tls.sh']).toContain('issue_node_secret');
  });

  test('no manifest carries a key or a certificate; synth is deterministic', () => {
    const text = JSON.stringify(objects);
    // A PEM block: the header, then base64 (the scripts name the headers only in their checks).
    expect(/-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----\\n[A-Za-z0-9+/=]{16}/.test(text)).toBe(false);
    expect(all(objects, 'Secret')).toEqual([]);
    expect(JSON.stringify(synth().objects)).toBe(text);
  });

  test('the cluster reports SASL_SSL as its internal protocol', () => {
    const { cluster } = synth();
    expect(cluster.internalSecurityProtocol).toBe('SASL_SSL');
    expect(cluster.spec.tls.enabled).toBe(true);
  });
});

describe('TLS in ZooKeeper mode', () => {
  test('INTERNAL is SASL_SSL; no controller listener, and the certificate names no controller host', () => {
    const { objects } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const b = brokerProps(objects);
    expect(b['listener.security.protocol.map']).toBe('INTERNAL:SASL_SSL');
    expect(b['listener.name.internal.ssl.client.auth']).toBe('requested');
    expect(Object.keys(b).filter(k => k.startsWith('listener.name.controller.'))).toEqual([]);
    expect(envOf(tlsJob(objects).spec.template.spec.containers[0]).KP_TLS_SANS).not.toContain('controller');
  });
});

describe('tls.certManager', () => {
  test('self-signed Issuer -> CA Certificate -> CA Issuer -> node Certificate (PKCS#8), and the Job only publishes the CA bundle', () => {
    const { objects } = synth({ tls: { certManager: {} } });
    const certs = all(objects, 'Certificate');
    expect(certs.every(c => c.apiVersion === 'cert-manager.io/v1')).toBe(true);
    expect(find(objects, 'Issuer', 'kafka-selfsigned').spec).toEqual({ selfSigned: {} });
    const ca = find(objects, 'Certificate', 'kafka-ca');
    expect(ca.spec).toMatchObject({ isCA: true, secretName: 'kafka-ca', duration: '87600h', issuerRef: { name: 'kafka-selfsigned', kind: 'Issuer', group: 'cert-manager.io' } });
    expect(find(objects, 'Issuer', 'kafka-ca').spec).toEqual({ ca: { secretName: 'kafka-ca' } });
    const node = find(objects, 'Certificate', 'kafka-node-tls');
    expect(node.spec).toMatchObject({
      secretName: 'kafka-node-tls',
      issuerRef: { name: 'kafka-ca', kind: 'Issuer', group: 'cert-manager.io' },
      privateKey: { algorithm: 'RSA', size: 2048, encoding: 'PKCS8', rotationPolicy: 'Always' },
      usages: ['server auth', 'client auth', 'digital signature', 'key encipherment'],
    });
    expect(node.spec.dnsNames).toContain('*.kafka-broker-headless.kafka.svc.cluster.local');
    expect(node.spec.dnsNames).toContain('kafka-bootstrap.kafka.svc.cluster.local');
    const env = envOf(tlsJob(objects).spec.template.spec.containers[0]);
    expect(env.KP_TLS_MODE).toBe('ca-bundle');
    expect(env.KP_TLS_CA_SECRET).toBeUndefined();
    // It never reads the CA's Secret and creates no Secret.
    expect(find(objects, 'Role', 'kafka-tls-bootstrap').rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['kafka-node-tls'], verbs: ['get'] },
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['kafka-ca-bundle'], verbs: ['get', 'update'] },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['create'] },
    ]);
  });

  test('with the user\'s issuerRef no CA is created here (kind defaults to ClusterIssuer)', () => {
    const { objects } = synth({ tls: { certManager: { issuerRef: { name: 'corp-ca' } } } });
    expect(all(objects, 'Issuer')).toEqual([]);
    expect(all(objects, 'Certificate').map(c => c.metadata.name)).toEqual(['kafka-node-tls']);
    expect(find(objects, 'Certificate', 'kafka-node-tls').spec.issuerRef).toEqual({ name: 'corp-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
  });
});

describe('tls.dangerouslyUsePlaintextInternalListeners', () => {
  test('listeners stay SASL_PLAINTEXT, no certificate objects, clients get no truststore, and synth warns naming the risk', () => {
    const { objects, cluster } = synth({ tls: { dangerouslyUsePlaintextInternalListeners: true } });
    expect(brokerProps(objects)['listener.security.protocol.map']).toBe('CONTROLLER:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT');
    expect(controllerProps(objects)['listener.security.protocol.map']).toBe('CONTROLLER:SASL_PLAINTEXT');
    expect(tlsJob(objects)).toBeUndefined();
    expect(JSON.stringify(objects)).not.toMatch(/kafka-node-tls|kafka-ca-bundle/);
    expect(cluster.internalSecurityProtocol).toBe('SASL_PLAINTEXT');
    const users = all(objects, 'Job').find(j => j.metadata.name.startsWith('kafka-users-'));
    expect(envOf(users.spec.template.spec.containers[0]).KP_CLIENT_TLS_PROPERTIES).toBe('security.protocol=SASL_PLAINTEXT');
    const warnings = synthWarnings(cluster).map(w => w.message).join('\n');
    expect(warnings).toMatch(/dangerouslyUsePlaintextInternalListeners.*pod-network traffic/s);
  });
});

describe('create-node-tls.sh (run with openssl and a fake kubectl)', () => {
  const { objects } = synth();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'node-tls-test-'));
  afterAll(() => fs.rmSync(state, { recursive: true, force: true }));

  test('issues the CA and a PKCS#8 node certificate with the SANs, publishes only the CA certificate, and prints no key', () => {
    const run = runNodeTlsJob(objects, { stateDir: state, extraSans: [] });
    expect(run.exitCode).toBe(0);
    expect(run.log).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE/);
    const node = run.secrets['kafka-node-tls'];
    expect(node['tls.key']).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(node['ca.crt']).toBe(run.secrets['kafka-ca']['tls.crt']);
    const bundle = run.objects.find(o => o.kind === 'ConfigMap' && o.metadata.name === 'kafka-ca-bundle')!;
    expect(Object.keys(bundle.data!)).toEqual(['ca.crt']);
    expect(bundle.data!['ca.crt']).toBe(node['ca.crt']);
    const dir = fs.mkdtempSync(path.join(state, 'pem-'));
    fs.writeFileSync(path.join(dir, 'ca.crt'), node['ca.crt']);
    fs.writeFileSync(path.join(dir, 'tls.crt'), node['tls.crt']);
    expect(execFileSync('openssl', ['verify', '-CAfile', path.join(dir, 'ca.crt'), path.join(dir, 'tls.crt')], { encoding: 'utf8' })).toContain('OK');
    const text = execFileSync('openssl', ['x509', '-in', path.join(dir, 'tls.crt'), '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toContain('DNS:*.kafka-broker-headless.kafka.svc.cluster.local');
    expect(text).toContain('DNS:kafka-bootstrap.kafka.svc.cluster.local');
    expect(text).toMatch(/TLS Web Server Authentication, TLS Web Client Authentication/);
    const caText = execFileSync('openssl', ['x509', '-in', path.join(dir, 'ca.crt'), '-noout', '-text'], { encoding: 'utf8' });
    expect(caText).toMatch(/CA:TRUE/);
  });

  test('a second run keeps every Secret; deleting the node Secret re-issues it from the same CA', () => {
    const first = runNodeTlsJob(objects, { stateDir: state, extraSans: [] });
    expect(first.log).toContain('node certificate Secret kafka-node-tls exists, keeping it');
    expect(first.log).toContain('CA bundle ConfigMap kafka-ca-bundle is up to date');
    fs.rmSync(path.join(state, 'secret-kafka-node-tls.json'));
    const renewed = runNodeTlsJob(objects, { stateDir: state, extraSans: [] });
    expect(renewed.exitCode).toBe(0);
    expect(renewed.log).toContain('CA Secret kafka-ca exists, signing with it');
    expect(renewed.secrets['kafka-node-tls']['tls.crt']).not.toBe(first.secrets['kafka-node-tls']['tls.crt']);
    expect(renewed.secrets['kafka-node-tls']['ca.crt']).toBe(first.secrets['kafka-ca']['tls.crt']);
    expect(renewed.log).toContain('CA bundle ConfigMap kafka-ca-bundle is up to date');
  });

  test('ca-bundle mode (cert-manager) waits for the node Secret and fails naming it', () => {
    const certManager = synth({ tls: { certManager: {} } }).objects;
    const run = runNodeTlsJob(certManager, { env: { KP_TLS_WAIT_RETRIES: '2', KP_TLS_WAIT_SECONDS: '0' } });
    expect(run.exitCode).not.toBe(0);
    expect(run.log).toContain('cert-manager did not create Secret kafka-node-tls after 2 attempts');
  });
});
