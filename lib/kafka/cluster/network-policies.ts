import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KAFKA_PORTS } from '../constants';
import { SynthTimeApiObject } from '../k8s/synth-time-object';
import { KafkaClusterSpec } from '../model/cluster-spec';

/**
 * Who may reach which port: brokers and labelled clients the internal
 * listener, brokers and controllers the controller (or ZooKeeper) ports (and
 * the certificate probe the TLS controller listener), the metrics scraper the
 * metrics port, and the load balancer the external one.
 */
export class ClusterNetworkPolicies extends Construct {
  /**
   * @param clientNamespaces namespaces (tenants') whose every pod may reach the
   *   client listener; read when the chart is synthesized, so tenants declared
   *   later are included.
   */
  constructor(scope: Construct, id: string, spec: KafkaClusterSpec, clientNamespaces: () => string[] = () => []) {
    super(scope, id);
    const { naming } = spec;
    const scraper = spec.metricsScraper;
    const monitoringPeer = {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': scraper.namespace } },
      ...(scraper.podLabels ? { podSelector: { matchLabels: scraper.podLabels } } : {}),
    };
    // A pod label is trusted only inside the cluster's own namespace: in other namespaces anyone who can
    // create a pod could set it. Clients elsewhere need their namespace labelled.
    const access = { [spec.clientAccessLabel.key]: spec.clientAccessLabel.value };
    const clientPeers = [{ podSelector: { matchLabels: access } }, { namespaceSelector: { matchLabels: access } }];
    const tcp = (port: number) => [{ port, protocol: 'TCP' }];
    const brokers = { podSelector: { matchLabels: spec.brokerSelector } };
    const policy = (policyId: string, component: string, podSelector: Record<string, string>, ingress: any[]) => new ApiObject(this, policyId, {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: naming.meta(naming.name(policyId), component),
      spec: { podSelector: { matchLabels: podSelector }, policyTypes: ['Ingress'], ingress },
    });

    const ext = spec.externalListener;
    new SynthTimeApiObject(this, 'broker-ingress', 'networking.k8s.io/v1', 'NetworkPolicy', () => {
      const tenantPeers = [...new Set(clientNamespaces())].sort().map(ns => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } }));
      return {
        name: naming.name('broker-ingress'),
        body: {
          metadata: naming.meta(naming.name('broker-ingress'), 'broker'),
          spec: {
            podSelector: { matchLabels: spec.brokerSelector },
            policyTypes: ['Ingress'],
            ingress: [
              // The scraper only needs the metrics port; exporters that talk Kafka run as labelled clients.
              { from: [brokers, ...clientPeers, ...tenantPeers], ports: tcp(KAFKA_PORTS.internal) },
              { from: [monitoringPeer], ports: tcp(KAFKA_PORTS.metrics) },
              // The LoadBalancer decides who reaches the external listener (exposure, allowedSourceCidrs); SASL_SSL authenticates.
              ...(ext ? [{ ports: tcp(ext.port) }] : []),
            ],
          },
        },
      };
    });
    if (spec.kraft) {
      const controllers = { podSelector: { matchLabels: naming.selectorFor('controller') } };
      // The certificate probe (KafkaMonitoring) and the certificate roll only complete the TLS handshake: the listener
      // still requires the node certificate and SASL. The probe label counts in the cluster's namespace only, where a
      // pod could carry the broker labels anyway.
      const probeLabel = spec.controllerTlsListener?.probeAccessLabel;
      const probe = probeLabel ? [{ podSelector: { matchLabels: { [probeLabel.key]: probeLabel.value } } }] : [];
      policy('controller-ingress', 'controller', naming.selectorFor('controller'), [
        { from: [brokers, controllers, ...probe], ports: tcp(KAFKA_PORTS.controller) },
        { from: [monitoringPeer], ports: tcp(KAFKA_PORTS.metrics) },
      ]);
    } else {
      const zk = { podSelector: { matchLabels: naming.selectorFor('zookeeper') } };
      policy('zookeeper-ingress', 'zookeeper', naming.selectorFor('zookeeper'), [
        { from: [brokers], ports: tcp(KAFKA_PORTS.zookeeperClient) },
        { from: [zk], ports: [...tcp(KAFKA_PORTS.zookeeperPeer), ...tcp(KAFKA_PORTS.zookeeperElection), ...tcp(KAFKA_PORTS.zookeeperClient)] },
        { from: [monitoringPeer], ports: tcp(KAFKA_PORTS.metrics) },
      ]);
    }
  }
}
