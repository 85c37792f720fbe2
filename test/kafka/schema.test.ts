import { KafkaMetadataMode, LoadBalancerExposure, LoadBalancerProvider } from '../../lib/kafka';
import { validateManifests } from '../support/k8s-validate';
import { synth } from './helpers';

const CERT_MANAGER = ['cert-manager.io/v1/Certificate'];

describe('every synthesized object passes the Kubernetes OpenAPI schema and has no unknown field', () => {
  const cases: Array<[string, Parameters<typeof synth>[0]]> = [
    ['KRaft defaults', {}],
    ['KRaft, external listener with cert-manager TLS on AWS NLB', {
      externalListener: { domain: 'kafka.example.com', loadBalancer: { provider: LoadBalancerProvider.AWS_NLB, exposure: LoadBalancerExposure.INTERNET, allowedSourceCidrs: ['10.0.0.0/8'] }, tls: { certManagerIssuer: { name: 'letsencrypt', kind: 'ClusterIssuer' } } },
      storageClassName: 'gp3-encrypted',
      nodePlacement: { nodeLabels: { 'workload': 'kafka' }, tolerations: [{ key: 'dedicated', value: 'kafka', effect: 'NoSchedule' }] },
      topics: [{ name: 'orders', partitions: 12, replicationFactor: 3, config: { 'cleanup.policy': 'compact,delete', 'retention.ms': '604800000' } }],
    }],
    ['KRaft, 5 controllers, 6 brokers, Alibaba NLB with a TLS Secret', {
      controllers: { replicas: 5 }, brokers: { replicas: 6 },
      externalListener: { domain: 'kafka.example.cn', loadBalancer: { provider: LoadBalancerProvider.ALIBABA_NLB, zoneMappings: { 'cn-hangzhou-j': 'vsw-1', 'cn-hangzhou-k': 'vsw-2' } }, tls: { secretName: 'kafka-tls' } },
    }],
    ['ZooKeeper mode with Alibaba CLB', {
      metadataMode: KafkaMetadataMode.ZOOKEEPER,
      externalListener: { domain: 'kafka.example.cn', loadBalancer: { provider: LoadBalancerProvider.ALIBABA_CLB, spec: 'slb.s2.small' }, tls: { secretName: 'kafka-tls' } },
    }],
  ];

  test.each(cases)('%s', (_name, props) => {
    const { objects } = synth(props, c => { c.addUser('schema-registry'); });
    expect(objects.length).toBeGreaterThan(10);
    expect(validateManifests(objects, { allowedKinds: CERT_MANAGER })).toEqual([]);
  });

  test('the validator is not vacuous on our output: a typo in a StatefulSet is caught', () => {
    const { objects } = synth();
    const sts = objects.find(o => o.kind === 'StatefulSet');
    sts.spec.template.spec.containers[0].livenesProbe = sts.spec.template.spec.containers[0].livenessProbe;
    expect(validateManifests(objects).some(e => e.includes('livenesProbe: unknown field'))).toBe(true);
  });

  test('cert-manager Certificates are reported unless allow-listed', () => {
    const { objects } = synth({ externalListener: { domain: 'k.example.com', loadBalancer: { provider: LoadBalancerProvider.GENERIC }, tls: { certManagerIssuer: { name: 'ca' } } } });
    expect(validateManifests(objects).some(e => e.includes('unknown kind cert-manager.io/v1/Certificate'))).toBe(true);
  });
});
