import { loadCrdModel } from './crd-fields';
import { validateManifests } from './k8s-validate';

function statefulSet(): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'ns', labels: { app: 'web' } },
    spec: {
      serviceName: 'web',
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{
            name: 'web',
            image: 'nginx:1.27.2',
            ports: [{ containerPort: 80, name: 'http' }],
            resources: { limits: { memory: '1Gi', cpu: '1' }, requests: { memory: '1Gi' } },
            readinessProbe: { tcpSocket: { port: 'http' } },
          }],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
    },
  };
}

describe('validateManifests', () => {
  test('accepts a valid object', () => {
    expect(validateManifests([statefulSet(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }])).toEqual([]);
  });

  test('reports a misspelled field (unknown-field check)', () => {
    const obj = statefulSet();
    obj.spec.template.spec.containers[0].imagePullPolice = 'Always';
    const errors = validateManifests([obj]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('spec.template.spec.containers[0].imagePullPolice: unknown field');
  });

  test('reports an unknown field at the top level and in metadata', () => {
    const obj = statefulSet();
    obj.specs = {};
    obj.metadata.label = { a: 'b' };
    const errors = validateManifests([obj]);
    expect(errors.some(e => e.includes('.specs: unknown field'))).toBe(true);
    expect(errors.some(e => e.includes('.metadata.label: unknown field'))).toBe(true);
  });

  test('reports a wrong type (OpenAPI schema check)', () => {
    const obj = statefulSet();
    obj.spec.replicas = '3';
    const errors = validateManifests([obj]);
    expect(errors.some(e => e.includes('schema: /spec/replicas must be integer'))).toBe(true);
  });

  test('reports a missing required field (OpenAPI schema check)', () => {
    const obj = statefulSet();
    delete obj.spec.selector;
    expect(validateManifests([obj]).some(e => e.includes('must have required property') && e.includes('selector'))).toBe(true);
  });

  test('reports a non-string label value', () => {
    const obj = statefulSet();
    obj.metadata.labels.zone = 3;
    expect(validateManifests([obj]).length).toBeGreaterThan(0);
  });

  test('accepts int-or-string but not objects there', () => {
    const obj = statefulSet();
    obj.spec.template.spec.containers[0].readinessProbe.tcpSocket.port = 8080;
    expect(validateManifests([obj])).toEqual([]);
    obj.spec.template.spec.containers[0].readinessProbe.tcpSocket.port = { n: 1 };
    expect(validateManifests([obj]).length).toBeGreaterThan(0);
  });

  test('reports unknown kinds unless allow-listed, and still checks their metadata', () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { anything: 1 } };
    expect(validateManifests([widget])[0]).toContain('unknown kind example.com/v1/Widget');
    expect(validateManifests([widget], { allowedKinds: ['example.com/v1/Widget'] })).toEqual([]);
    const badMeta = { ...widget, metadata: { name: 'w', lables: {} } };
    expect(validateManifests([badMeta], { allowedKinds: ['example.com/v1/Widget'] })[0]).toContain('metadata.lables: unknown field');
  });

  test('validates other groups: PDB, NetworkPolicy, Role, Job', () => {
    const objs = [
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: { maxUnavailable: 1, selector: { matchLabels: { a: 'b' } } } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 9092, protocol: 'TCP' }] }] } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }] },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x:1' }] } } } },
    ];
    expect(validateManifests(objs)).toEqual([]);
    (objs[1] as any).spec.ingress[0].port = 1;
    expect(validateManifests(objs)).toEqual([expect.stringContaining('spec.ingress[0].port: unknown field')]);
  });
});

function certificate(): any {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'kafka-external-tls', namespace: 'kafka', labels: { app: 'kafka' } },
    spec: {
      secretName: 'kafka-external-tls',
      dnsNames: ['bootstrap.kafka.example.com', 'broker-0.kafka.example.com'],
      issuerRef: { name: 'corp-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      privateKey: { algorithm: 'RSA', size: 2048, encoding: 'PKCS8', rotationPolicy: 'Always' },
      duration: '2160h',
      renewBefore: '720h',
      usages: ['server auth', 'digital signature', 'key encipherment'],
      secretTemplate: { labels: { team: 'streaming' }, annotations: { 'example.com/any-key': 'v' } },
      additionalOutputFormats: [{ type: 'CombinedPEM' }],
    },
  };
}

const CM_SCHEMA = '(not in the @kubernetes-models/cert-manager@4.4.4 schema)';

describe('validateManifests on cert-manager.io kinds (schema from @kubernetes-models/cert-manager)', () => {
  test('accepts a valid Certificate without any allow-list', () => {
    expect(validateManifests([certificate()])).toEqual([]);
  });

  test('reports a misspelled Certificate field', () => {
    const cert = certificate();
    cert.spec.dnsName = cert.spec.dnsNames;
    delete cert.spec.dnsNames;
    expect(validateManifests([cert])).toEqual([`#0 cert-manager.io/v1 Certificate kafka/kafka-external-tls: .spec.dnsName: unknown field ${CM_SCHEMA}`]);
  });

  test('reports misspellings at any depth, in array items, at the top level and in metadata', () => {
    const cert = certificate();
    cert.spec.privateKey.rotationPolice = 'Always';
    cert.spec.issuerRef.nmae = 'x';
    cert.spec.additionalOutputFormats[0].typ = 'DER';
    cert.spec.secretTemplate.annotation = {};
    cert.specs = {};
    cert.metadata.lables = {};
    const errors = validateManifests([cert]);
    for (const field of ['.spec.privateKey.rotationPolice', '.spec.issuerRef.nmae', '.spec.additionalOutputFormats[0].typ', '.spec.secretTemplate.annotation', '.specs']) {
      expect(errors).toContainEqual(expect.stringContaining(`${field}: unknown field ${CM_SCHEMA}`));
    }
    expect(errors).toContainEqual(expect.stringContaining('.metadata.lables: unknown field (not in V1ObjectMeta)'));
    expect(errors).toHaveLength(6);
  });

  test('admits any key where the schema has additionalProperties (secretTemplate.annotations), but checks the value type', () => {
    const cert = certificate();
    cert.spec.secretTemplate.annotations = { 'a.example.com/x': 'y', 'b': 'z' };
    expect(validateManifests([cert])).toEqual([]);
    cert.spec.secretTemplate.annotations.b = 3;
    expect(validateManifests([cert])).toEqual([expect.stringContaining('schema: /spec/secretTemplate/annotations/b must be string')]);
  });

  test('reports wrong types, bad enum values and missing required fields (schema check)', () => {
    const cert = certificate();
    cert.spec.privateKey.size = '2048';
    cert.spec.privateKey.encoding = 'PKCS12';
    delete cert.spec.issuerRef;
    const errors = validateManifests([cert]);
    expect(errors).toContainEqual(expect.stringContaining('schema: /spec/privateKey/size must be integer'));
    expect(errors).toContainEqual(expect.stringContaining('schema: /spec/privateKey/encoding must be equal to one of the allowed values'));
    expect(errors).toContainEqual(expect.stringMatching(/schema: \/spec must have required property .*issuerRef/));
  });

  test('allow-listing a cert-manager kind does not turn its checks off', () => {
    const cert = certificate();
    cert.spec.comonName = 'x';
    expect(validateManifests([cert], { allowedKinds: ['cert-manager.io/v1/Certificate'] })).toEqual([expect.stringContaining(`.spec.comonName: unknown field ${CM_SCHEMA}`)]);
  });

  test('other cert-manager kinds are covered too; an unknown version is still an unknown kind', () => {
    const issuer = { apiVersion: 'cert-manager.io/v1', kind: 'Issuer', metadata: { name: 'ca' }, spec: { ca: { secretName: 'ca-key-pair' } } };
    expect(validateManifests([issuer])).toEqual([]);
    (issuer.spec.ca as any).secretNam = 'x';
    expect(validateManifests([issuer])).toEqual([expect.stringContaining(`.spec.ca.secretNam: unknown field ${CM_SCHEMA}`)]);
    expect(validateManifests([{ ...certificate(), apiVersion: 'cert-manager.io/v9' }])).toEqual([expect.stringContaining('unknown kind cert-manager.io/v9/Certificate')]);
  });

  test('the field tree is the CRD schema\'s property list, not a hand-written subset', () => {
    const model = loadCrdModel('cert-manager.io/v1', 'Certificate')!;
    expect(model.source).toBe('@kubernetes-models/cert-manager@4.4.4');
    const root = model.fields as any;
    expect(Object.keys(root.props).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(root.props.metadata).toEqual({ t: 'objectMeta' });
    const spec = root.props.spec;
    // cert-manager v1.11 Certificate spec, as documented in its API reference.
    expect(Object.keys(spec.props).sort()).toEqual([
      'additionalOutputFormats', 'commonName', 'dnsNames', 'duration', 'emailAddresses', 'encodeUsagesInRequest', 'ipAddresses', 'isCA', 'issuerRef',
      'keystores', 'literalSubject', 'privateKey', 'renewBefore', 'revisionHistoryLimit', 'secretName', 'secretTemplate', 'subject', 'uris', 'usages',
    ]);
    expect(spec.props).toEqual(expect.objectContaining({ secretName: { t: 'any' }, dnsNames: { t: 'array', items: { t: 'any' } } }));
    expect(spec.additional).toBeUndefined();
    expect(spec.props.secretTemplate.props.annotations).toEqual({ t: 'object', props: {}, additional: { t: 'any' } });
    expect(loadCrdModel('cert-manager.io/v1', 'NoSuchKind')).toBeUndefined();
    expect(loadCrdModel('example.com/v1', 'Certificate')).toBeUndefined();
  });
});
