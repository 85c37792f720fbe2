import { LoadBalancerExposure, LoadBalancerProvider } from '../../lib/kafka';
import { all, find, synth } from './helpers';

const base = { domain: 'kafka.example.com', tls: { secretName: 'kafka-tls' } };

describe('external listener', () => {
  test('one LoadBalancer Service per broker plus bootstrap; endpoints for the platform DNS', () => {
    const { objects, cluster } = synth({ brokers: { replicas: 6 }, externalListener: { ...base, loadBalancer: { provider: LoadBalancerProvider.GENERIC } } });
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

  test.each([
    [LoadBalancerProvider.AWS_NLB, LoadBalancerExposure.INTERNAL, { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external', 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' }, undefined],
    [LoadBalancerProvider.AWS_NLB, LoadBalancerExposure.INTERNET, { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external', 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' }, undefined],
    [LoadBalancerProvider.ALIBABA_CLB, LoadBalancerExposure.INTERNAL, { 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': 'intranet' }, undefined],
    [LoadBalancerProvider.ALIBABA_CLB, LoadBalancerExposure.INTERNET, { 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': 'internet' }, undefined],
    [LoadBalancerProvider.ALIBABA_NLB, LoadBalancerExposure.INTERNAL, { 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': 'intranet', 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-zone-maps': 'zone-a:vsw-a,zone-b:vsw-b' }, 'alibabacloud.com/nlb'],
  ])('%s %s annotations', (provider, exposure, annotations, lbClass) => {
    const { objects } = synth({ externalListener: { ...base, loadBalancer: { provider, exposure, allowedSourceCidrs: ['203.0.113.0/24'], zoneMappings: { 'zone-b': 'vsw-b', 'zone-a': 'vsw-a' } } } });
    const lbs = all(objects, 'Service').filter(x => x.spec.type === 'LoadBalancer');
    expect(lbs).toHaveLength(4);
    for (const s of lbs) {
      expect(s.metadata.annotations).toEqual(annotations);
      expect(s.spec.loadBalancerClass).toBe(lbClass);
      expect(s.spec.loadBalancerSourceRanges).toEqual(['203.0.113.0/24']);
    }
  });

  test('internal is the default exposure; source CIDRs and CLB spec are passed through', () => {
    const { objects } = synth({ externalListener: { ...base, loadBalancer: { provider: LoadBalancerProvider.ALIBABA_CLB, spec: 'slb.s2.small', allowedSourceCidrs: ['10.0.0.0/8'] } } });
    const s = find(objects, 'Service', 'kafka-external-bootstrap');
    expect(s.metadata.annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type']).toBe('intranet');
    expect(s.metadata.annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec']).toBe('slb.s2.small');
    expect(s.spec.loadBalancerSourceRanges).toEqual(['10.0.0.0/8']);
  });

  describe('internet exposure and source ranges', () => {
    afterEach(() => jest.restoreAllMocks());
    const internet = (extra: Record<string, unknown>) => ({ ...base, loadBalancer: { provider: LoadBalancerProvider.AWS_NLB, exposure: LoadBalancerExposure.INTERNET, ...extra } });

    test('allowedSourceCidrs become loadBalancerSourceRanges on the bootstrap and every per-broker Service, and nowhere else', () => {
      const cidrs = ['198.51.100.0/24', '2001:db8::/32'];
      const { objects, cluster } = synth({ brokers: { replicas: 6 }, externalListener: internet({ allowedSourceCidrs: cidrs }) });
      const services = all(objects, 'Service');
      const lbs = services.filter(s => s.spec.type === 'LoadBalancer');
      expect(lbs.map(s => s.metadata.name).sort()).toEqual(cluster.externalEndpoints.map(e => e.serviceName).sort());
      expect(lbs).toHaveLength(7);
      for (const s of lbs) {
        expect(s.spec.loadBalancerSourceRanges).toEqual(cidrs);
        expect(s.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe('internet-facing');
        expect(s.metadata.annotations['kafka-platform.io/security-warning']).toBeUndefined();
      }
      for (const s of services.filter(x => x.spec.type !== 'LoadBalancer')) expect(s.spec.loadBalancerSourceRanges).toBeUndefined();
    });

    test('an internal listener needs no CIDRs and prints nothing', () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { objects } = synth({ externalListener: { ...base, loadBalancer: { provider: LoadBalancerProvider.AWS_NLB } } });
      expect(find(objects, 'Service', 'kafka-external-bootstrap').spec.loadBalancerSourceRanges).toBeUndefined();
      expect(warn).not.toHaveBeenCalled();
    });

    test('dangerouslyAllowAnySource lets it synthesize open, with a loud warning and a mark on every external Service', () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { objects } = synth({ brokers: { replicas: 6 }, externalListener: internet({ dangerouslyAllowAnySource: true }) });
      expect(warn).toHaveBeenCalledTimes(1);
      const text = String(warn.mock.calls[0][0]);
      expect(text).toContain('WARNING [test/kafka]');
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
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { objects } = synth({ externalListener: internet({ allowedSourceCidrs: ['0.0.0.0/0'], dangerouslyAllowAnySource: true }) });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain('0.0.0.0/0 opens the internet-facing external listener to every address');
      expect(find(objects, 'Service', 'kafka-external-bootstrap').spec.loadBalancerSourceRanges).toEqual(['0.0.0.0/0']);
    });

    test('dangerouslyAllowAnySource is inert when the CIDRs restrict the sources or the listener is internal', () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const restricted = synth({ externalListener: internet({ allowedSourceCidrs: ['198.51.100.0/24'], dangerouslyAllowAnySource: true }) }).objects;
      const internal = synth({ externalListener: { ...base, loadBalancer: { provider: LoadBalancerProvider.AWS_NLB, dangerouslyAllowAnySource: true } } }).objects;
      expect(warn).not.toHaveBeenCalled();
      expect(JSON.stringify([...restricted, ...internal])).not.toContain('security-warning');
    });
  });

  test('TLS from a named Secret is mounted into brokers', () => {
    const { objects } = synth({ externalListener: { ...base, loadBalancer: { provider: LoadBalancerProvider.GENERIC } } });
    const pod = find(objects, 'StatefulSet', 'kafka-broker-0').spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'external-tls', secret: { secretName: 'kafka-tls', defaultMode: 0o440 } });
    expect(pod.containers[0].ports).toContainEqual({ name: 'external', containerPort: 9094, protocol: 'TCP' });
    expect(all(objects, 'Certificate')).toHaveLength(0);
  });

  test('cert-manager: one Certificate covering bootstrap and every broker name, PKCS#8 key for Kafka', () => {
    const { objects, cluster } = synth({ externalListener: { domain: 'kafka.example.com', loadBalancer: { provider: LoadBalancerProvider.GENERIC }, tls: { certManagerIssuer: { name: 'corp-ca', kind: 'Issuer' } } } });
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
    const { objects } = synth({ externalListener: { ...base, loadBalancer: { provider: LoadBalancerProvider.GENERIC } } });
    const props = find(objects, 'ConfigMap', 'kafka-broker-config').data['server.properties'];
    expect(props).toContain('EXTERNAL:SASL_SSL');
    expect(props).toContain('listener.name.external.sasl.enabled.mechanisms=SCRAM-SHA-512');
  });
});
