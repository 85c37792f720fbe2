import { LoadBalancerExposure } from '../../lib/kafka';
import { all, find, stubFlavour, synth, STUB_FLAVOUR, warningsOf } from './helpers';

const base = { domain: 'kafka.example.com', tls: { secretName: 'kafka-tls' } };

describe('external listener', () => {
  test('one LoadBalancer Service per broker plus bootstrap; endpoints for the platform DNS', () => {
    const { objects, cluster } = synth({ brokers: { replicas: 6 }, externalListener: { ...base, loadBalancer: {} } });
    const lbs = all(objects, 'Service').filter(s => s.spec.type === 'LoadBalancer');
    expect(lbs.map(s => s.metadata.name)).toEqual(['kafka-external-bootstrap', ...cluster.brokerNodeIds.map(id => `kafka-broker-${id}-external`)]);
    expect(find(objects, 'Service', 'kafka-broker-1101-external').spec.selector).toEqual({ 'statefulset.kubernetes.io/pod-name': 'kafka-broker-1-1' });
    expect(find(objects, 'Service', 'kafka-external-bootstrap').spec.selector).toEqual(cluster.brokerSelector);
    expect(cluster.externalBootstrapServers).toBe('bootstrap.kafka.example.com:9094');
    expect(cluster.externalEndpoints[0]).toEqual({ hostname: 'bootstrap.kafka.example.com', serviceNamespace: 'kafka', serviceName: 'kafka-external-bootstrap', port: 9094 });
    expect(cluster.externalEndpoints.slice(1).map(e => [e.hostname, e.serviceName])).toEqual(cluster.brokerNodeIds.map(id => [`broker-${id}.kafka.example.com`, `kafka-broker-${id}-external`]));
    for (const s of lbs) expect(s.metadata.annotations ?? {}).toEqual({});
  });

  test('no external listener: no LoadBalancer, no endpoints', () => {
    const { objects, cluster } = synth();
    expect(all(objects, 'Service').filter(s => s.spec.type === 'LoadBalancer')).toHaveLength(0);
    expect(cluster.externalEndpoints).toEqual([]);
    expect(cluster.externalBootstrapServers).toBeUndefined();
  });

  test.each([LoadBalancerExposure.INTERNAL, LoadBalancerExposure.INTERNET])('the flavour decides the Services\' annotations and class for exposure %s; source CIDRs pass through', (exposure) => {
    const flavour = stubFlavour({ loadBalancerClass: 'lb.example.com/nlb' });
    const { objects } = synth({ externalListener: { ...base, loadBalancer: { flavour, exposure, allowedSourceCidrs: ['203.0.113.0/24'] } } });
    const lbs = all(objects, 'Service').filter(x => x.spec.type === 'LoadBalancer');
    expect(lbs).toHaveLength(4);
    for (const s of lbs) {
      expect(s.metadata.annotations).toEqual({ 'lb.example.com/exposure': exposure });
      expect(s.spec.loadBalancerClass).toBe('lb.example.com/nlb');
      expect(s.spec.loadBalancerSourceRanges).toEqual(['203.0.113.0/24']);
    }
  });

  test('internal is the default exposure; without a flavour the Services carry no cloud annotations', () => {
    const flavoured = find(synth({ externalListener: { ...base, loadBalancer: { flavour: STUB_FLAVOUR, allowedSourceCidrs: ['10.0.0.0/8'] } } }).objects, 'Service', 'kafka-external-bootstrap');
    expect(flavoured.metadata.annotations).toEqual({ 'lb.example.com/exposure': 'internal' });
    expect(flavoured.spec.loadBalancerSourceRanges).toEqual(['10.0.0.0/8']);
    const bare = find(synth({ externalListener: base }).objects, 'Service', 'kafka-external-bootstrap');
    expect(bare.metadata.annotations).toBeUndefined();
    expect(bare.spec.loadBalancerClass).toBeUndefined();
  });

  describe('internet exposure and source ranges', () => {
    afterEach(() => jest.restoreAllMocks());
    const internet = (extra: Record<string, unknown>) => ({ ...base, loadBalancer: { flavour: STUB_FLAVOUR, exposure: LoadBalancerExposure.INTERNET, ...extra } });

    test('allowedSourceCidrs become loadBalancerSourceRanges on the bootstrap and every per-broker Service, and nowhere else', () => {
      const cidrs = ['198.51.100.0/24', '2001:db8::/32'];
      const { objects, cluster } = synth({ brokers: { replicas: 6 }, externalListener: internet({ allowedSourceCidrs: cidrs }) });
      const services = all(objects, 'Service');
      const lbs = services.filter(s => s.spec.type === 'LoadBalancer');
      expect(lbs.map(s => s.metadata.name).sort()).toEqual(cluster.externalEndpoints.map(e => e.serviceName).sort());
      expect(lbs).toHaveLength(7);
      for (const s of lbs) {
        expect(s.spec.loadBalancerSourceRanges).toEqual(cidrs);
        expect(s.metadata.annotations['lb.example.com/exposure']).toBe('internet');
        expect(s.metadata.annotations['kafka-platform.io/security-warning']).toBeUndefined();
      }
      for (const s of services.filter(x => x.spec.type !== 'LoadBalancer')) expect(s.spec.loadBalancerSourceRanges).toBeUndefined();
    });

    test('an internal listener needs no CIDRs and warns of nothing', () => {
      const { objects, chart } = synth({ externalListener: { ...base, loadBalancer: { flavour: STUB_FLAVOUR } } });
      expect(find(objects, 'Service', 'kafka-external-bootstrap').spec.loadBalancerSourceRanges).toBeUndefined();
      expect(warningsOf(chart)).toEqual([]);
    });

    test('dangerouslyAllowAnySource lets it synthesize open, with a loud warning and a mark on every external Service', () => {
      const { objects, chart } = synth({ brokers: { replicas: 6 }, externalListener: internet({ dangerouslyAllowAnySource: true }) });
      const warnings = warningsOf(chart);
      expect(warnings).toHaveLength(1);
      const text = warnings[0];
      expect(text).toMatch(/^test\/kafka: 1 security check\(s\) explicitly overridden/);
      expect(text).toContain('- externalListener.loadBalancer.allowedSourceCidrs: an internet-facing external listener without source CIDRs is open to every address on the internet');
      expect(text).toContain('accepted by externalListener.loadBalancer.dangerouslyAllowAnySource');
      const lbs = all(objects, 'Service').filter(s => s.spec.type === 'LoadBalancer');
      expect(lbs).toHaveLength(7);
      for (const s of lbs) {
        expect(s.spec.loadBalancerSourceRanges).toBeUndefined();
        expect(s.metadata.annotations['kafka-platform.io/security-warning']).toMatch(/^an internet-facing external listener without source CIDRs is open to every address on the internet \(accepted by externalListener\.loadBalancer\.dangerouslyAllowAnySource\)$/);
      }
      // Only the exposed Services are marked; the StatefulSets are not relaxed (this is not an HA relaxation).
      for (const o of objects.filter(x => !(x.kind === 'Service' && x.spec.type === 'LoadBalancer'))) {
        expect(JSON.stringify(o.metadata)).not.toContain('security-warning');
        expect(JSON.stringify(o.metadata)).not.toContain('ha-warning');
      }
    });

    test('dangerouslyAllowAnySource also admits a /0 block, keeping it as the source range', () => {
      const { objects, chart } = synth({ externalListener: internet({ allowedSourceCidrs: ['0.0.0.0/0'], dangerouslyAllowAnySource: true }) });
      const warnings = warningsOf(chart);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('0.0.0.0/0 opens the internet-facing external listener to every address');
      expect(find(objects, 'Service', 'kafka-external-bootstrap').spec.loadBalancerSourceRanges).toEqual(['0.0.0.0/0']);
    });

    test('dangerouslyAllowAnySource is inert when the CIDRs restrict the sources or the listener is internal', () => {
      const restricted = synth({ externalListener: internet({ allowedSourceCidrs: ['198.51.100.0/24'], dangerouslyAllowAnySource: true }) });
      const internal = synth({ externalListener: { ...base, loadBalancer: { flavour: STUB_FLAVOUR, dangerouslyAllowAnySource: true } } });
      expect([...warningsOf(restricted.chart), ...warningsOf(internal.chart)]).toEqual([]);
      expect(JSON.stringify([...restricted.objects, ...internal.objects])).not.toContain('security-warning');
    });
  });

  test('TLS from a named Secret is mounted into brokers', () => {
    const { objects } = synth({ externalListener: { ...base, loadBalancer: {} } });
    const pod = find(objects, 'StatefulSet', 'kafka-broker-0').spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'external-tls', secret: { secretName: 'kafka-tls', defaultMode: 0o440 } });
    expect(pod.containers[0].ports).toContainEqual({ name: 'external', containerPort: 9094, protocol: 'TCP' });
    expect(all(objects, 'Certificate')).toHaveLength(0);
  });

  test('cert-manager: one Certificate covering bootstrap and every broker name, PKCS#8 key for Kafka', () => {
    const { objects, cluster } = synth({ externalListener: { domain: 'kafka.example.com', loadBalancer: {}, tls: { certManagerIssuer: { name: 'corp-ca', kind: 'Issuer' } } } });
    const cert = find(objects, 'Certificate', 'kafka-external-tls');
    expect(cert.apiVersion).toBe('cert-manager.io/v1');
    expect(cert.spec.secretName).toBe('kafka-external-tls');
    expect(cert.spec.dnsNames).toEqual(cluster.externalEndpoints.map(e => e.hostname));
    expect(cert.spec.issuerRef).toEqual({ name: 'corp-ca', kind: 'Issuer', group: 'cert-manager.io' });
    expect(cert.spec.privateKey.encoding).toBe('PKCS8');
    const pod = find(objects, 'StatefulSet', 'kafka-broker-0').spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'external-tls', secret: { secretName: 'kafka-external-tls', defaultMode: 0o440 } });
  });

  test('the external listener is SASL_SSL with SCRAM', () => {
    const { objects } = synth({ externalListener: { ...base, loadBalancer: {} } });
    const props = find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties'];
    expect(props).toContain('EXTERNAL:SASL_SSL');
    expect(props).toContain('listener.name.external.sasl.enabled.mechanisms=SCRAM-SHA-512');
  });
});
