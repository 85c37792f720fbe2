import { KafkaMetadataMode } from '../../lib/kafka';
import { find, synth, STUB_FLAVOUR } from './helpers';

const brokers = { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'broker' } } };
const controllers = { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'controller' } } };
// By default only pods labelled as the metrics scraper, in the monitoring namespace, reach the metrics port.
const monitoring = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
  podSelector: { matchLabels: { 'kafka-platform.io/metrics-scraper': 'true' } },
};

describe('NetworkPolicies', () => {
  test('controller port only from brokers, controllers and the certificate probe (its namespace only); metrics only from monitoring', () => {
    const { objects, cluster } = synth();
    const np = find(objects, 'NetworkPolicy', 'kafka-controller-ingress');
    expect(np.spec.podSelector).toEqual(controllers.podSelector);
    expect(np.spec.policyTypes).toEqual(['Ingress']);
    expect(cluster.controllerTlsListener?.probeAccessLabel).toEqual({ key: 'kafka-platform.io/kafka-tls-probe', value: 'true' });
    // No namespaceSelector: the probe label counts in the cluster's own namespace only.
    const probe = { podSelector: { matchLabels: { 'kafka-platform.io/kafka-tls-probe': 'true' } } };
    expect(np.spec.ingress).toEqual([
      { from: [brokers, controllers, probe], ports: [{ port: 9093, protocol: 'TCP' }] },
      { from: [monitoring], ports: [{ port: 9404, protocol: 'TCP' }] },
    ]);
  });

  test('without TLS the controller listener admits no probe (nothing to probe)', () => {
    const { objects, cluster } = synth({ tls: { dangerouslyUsePlaintextInternalListeners: true } });
    expect(cluster.controllerTlsListener).toBeUndefined();
    expect(find(objects, 'NetworkPolicy', 'kafka-controller-ingress').spec.ingress[0].from).toEqual([brokers, controllers]);
  });

  test('internal listener only from brokers and labelled client pods/namespaces; no external rule without an external listener', () => {
    const { objects, cluster } = synth();
    const np = find(objects, 'NetworkPolicy', 'kafka-broker-ingress');
    const client = { [cluster.clientAccessLabel.key]: cluster.clientAccessLabel.value };
    expect(cluster.clientAccessLabel).toEqual({ key: 'kafka-platform.io/kafka-client', value: 'true' });
    expect(np.spec.ingress).toEqual([
      // Labelled pods of the cluster's own namespace (no namespaceSelector), or any pod of a labelled namespace.
      // The scraper reaches only the metrics port.
      { from: [brokers, { podSelector: { matchLabels: client } }, { namespaceSelector: { matchLabels: client } }], ports: [{ port: 9092, protocol: 'TCP' }] },
      { from: [monitoring], ports: [{ port: 9404, protocol: 'TCP' }] },
    ]);
  });

  test('no rule admits a pod from an arbitrary namespace just because it carries a label it chose itself', () => {
    for (const mode of [KafkaMetadataMode.KRAFT, KafkaMetadataMode.ZOOKEEPER]) {
      const { objects } = synth({ metadataMode: mode });
      for (const np of objects.filter(o => o.kind === 'NetworkPolicy')) {
        for (const rule of np.spec.ingress) {
          for (const peer of rule.from ?? []) {
            // An empty namespaceSelector means "every namespace".
            expect([np.metadata.name, peer.namespaceSelector]).not.toEqual([np.metadata.name, {}]);
          }
        }
      }
    }
  });

  test('the external port is open to any source (the LoadBalancer restricts it), only with an external listener', () => {
    const { objects } = synth({ externalListener: { domain: 'k.example.com', loadBalancer: { flavour: STUB_FLAVOUR }, tls: { secretName: 's' } } });
    const np = find(objects, 'NetworkPolicy', 'kafka-broker-ingress');
    expect(np.spec.ingress[2]).toEqual({ ports: [{ port: 9094, protocol: 'TCP' }] });
  });

  test('monitoring namespace and scraper pods are configurable', () => {
    const { objects } = synth({ networkPolicy: { monitoringNamespace: 'observability', monitoringPodSelector: { 'app.kubernetes.io/name': 'prometheus' } } });
    const np = find(objects, 'NetworkPolicy', 'kafka-broker-ingress');
    expect(np.spec.ingress[1].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }]);
  });

  test('an empty scraper selector admits every pod of the monitoring namespace (explicit opt-out)', () => {
    const { objects, cluster } = synth({ networkPolicy: { monitoringPodSelector: {} } });
    const np = find(objects, 'NetworkPolicy', 'kafka-broker-ingress');
    expect(np.spec.ingress[1].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
    expect(cluster.metricsScraper).toEqual({ namespace: 'monitoring' });
  });

  test('ZooKeeper: client port only from brokers, quorum ports only among ZooKeeper pods', () => {
    const { objects } = synth({ metadataMode: KafkaMetadataMode.ZOOKEEPER });
    const np = find(objects, 'NetworkPolicy', 'kafka-zookeeper-ingress');
    const zk = { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'kafka', 'app.kubernetes.io/component': 'zookeeper' } } };
    expect(np.spec.ingress).toEqual([
      { from: [brokers], ports: [{ port: 2181, protocol: 'TCP' }] },
      { from: [zk], ports: [{ port: 2888, protocol: 'TCP' }, { port: 3888, protocol: 'TCP' }, { port: 2181, protocol: 'TCP' }] },
      { from: [monitoring], ports: [{ port: 9404, protocol: 'TCP' }] },
    ]);
  });

  test('policy selectors match the pods they protect', () => {
    const { objects } = synth();
    for (const sts of objects.filter(o => o.kind === 'StatefulSet')) {
      const component = sts.metadata.labels['app.kubernetes.io/component'];
      const np = find(objects, 'NetworkPolicy', `kafka-${component}-ingress`);
      expect(sts.spec.template.metadata.labels).toMatchObject(np.spec.podSelector.matchLabels);
    }
  });
});
