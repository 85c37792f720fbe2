import { KafkaMetadataMode, LoadBalancerExposure } from '../../lib/kafka';
import { validateManifests } from '../support/k8s-validate';
import { stubFlavour, synth, STUB_FLAVOUR } from './helpers';

describe('every synthesized object passes the Kubernetes OpenAPI schema and has no unknown field', () => {
  const cases: Array<[string, Parameters<typeof synth>[0]]> = [
    ['KRaft defaults', {}],
    ['KRaft, external listener with cert-manager TLS on AWS NLB', {
      externalListener: { domain: 'kafka.example.com', loadBalancer: { flavour: STUB_FLAVOUR, exposure: LoadBalancerExposure.INTERNET, allowedSourceCidrs: ['10.0.0.0/8'] }, tls: { certManagerIssuer: { name: 'letsencrypt', kind: 'ClusterIssuer' } } },
      storageClassName: 'gp3-encrypted',
      nodePlacement: { nodeLabels: { 'workload': 'kafka' }, tolerations: [{ key: 'dedicated', value: 'kafka', effect: 'NoSchedule' }] },
      topics: [{ name: 'orders', partitions: 12, replicationFactor: 3, config: { 'cleanup.policy': 'compact,delete', 'retention.ms': '604800000' } }],
    }],
    ['KRaft, 5 controllers, 6 brokers, Alibaba NLB with a TLS Secret', {
      controllers: { replicas: 5 }, brokers: { replicas: 6 },
      externalListener: { domain: 'kafka.example.cn', loadBalancer: { flavour: stubFlavour({ loadBalancerClass: 'lb.example.com/nlb' }) }, tls: { secretName: 'kafka-tls' } },
    }],
    ['ZooKeeper mode with Alibaba CLB', {
      metadataMode: KafkaMetadataMode.ZOOKEEPER,
      externalListener: { domain: 'kafka.example.cn', loadBalancer: { flavour: STUB_FLAVOUR }, tls: { secretName: 'kafka-tls' } },
    }],
  ];

  test.each(cases)('%s', (_name, props) => {
    const { objects } = synth(props, c => { c.addUser('schema-registry'); });
    expect(objects.length).toBeGreaterThan(10);
    expect(validateManifests(objects)).toEqual([]);
  });

  test('the validator is not vacuous on our output: a typo in a StatefulSet is caught', () => {
    const { objects } = synth();
    const sts = objects.find(o => o.kind === 'StatefulSet');
    sts.spec.template.spec.containers[0].livenesProbe = sts.spec.template.spec.containers[0].livenessProbe;
    expect(validateManifests(objects).some(e => e.includes('livenesProbe: unknown field'))).toBe(true);
  });

  describe('the cert-manager Certificate is validated against the cert-manager schema, not allow-listed', () => {
    const withCertificate = () => {
      const { objects } = synth({ externalListener: { domain: 'k.example.com', loadBalancer: {}, tls: { certManagerIssuer: { name: 'ca' } } } });
      const cert = objects.find(o => o.apiVersion === 'cert-manager.io/v1' && o.kind === 'Certificate');
      expect(cert).toBeDefined();
      return { objects, cert };
    };

    test('ours passes', () => {
      expect(validateManifests(withCertificate().objects)).toEqual([]);
    });

    test('a misspelled field in it fails', () => {
      const { objects, cert } = withCertificate();
      cert.spec.privateKey.rotationPolicyy = cert.spec.privateKey.rotationPolicy;
      delete cert.spec.privateKey.rotationPolicy;
      expect(validateManifests(objects)).toEqual([expect.stringMatching(/Certificate kafka\/kafka-external-tls: \.spec\.privateKey\.rotationPolicyy: unknown field \(not in the @kubernetes-models\/cert-manager@4\.4\.4 schema\)$/)]);
    });

    test('a value the schema forbids fails', () => {
      const { objects, cert } = withCertificate();
      cert.spec.privateKey.encoding = 'PKCS12';
      expect(validateManifests(objects)).toEqual([expect.stringContaining('schema: /spec/privateKey/encoding must be equal to one of the allowed values')]);
    });
  });
});
