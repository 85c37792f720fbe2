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
    const cert = { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'c' }, spec: { secretName: 's' } };
    expect(validateManifests([cert])[0]).toContain('unknown kind cert-manager.io/v1/Certificate');
    expect(validateManifests([cert], { allowedKinds: ['cert-manager.io/v1/Certificate'] })).toEqual([]);
    const badMeta = { ...cert, metadata: { name: 'c', lables: {} } };
    expect(validateManifests([badMeta], { allowedKinds: ['cert-manager.io/v1/Certificate'] })[0]).toContain('metadata.lables: unknown field');
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
