import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KAFKA_PORTS } from '../constants';
import { KafkaClusterSpec } from '../model/cluster-spec';

/** The in-cluster Services: headless ones that give each pod its DNS name, and the clients' bootstrap Service. */
export class ClusterServices extends Construct {
  constructor(scope: Construct, id: string, spec: KafkaClusterSpec) {
    super(scope, id);
    const { naming } = spec;
    const brokerPorts = [
      { name: 'internal', port: KAFKA_PORTS.internal, targetPort: KAFKA_PORTS.internal, protocol: 'TCP' },
      { name: 'metrics', port: KAFKA_PORTS.metrics, targetPort: KAFKA_PORTS.metrics, protocol: 'TCP' },
    ];
    new ApiObject(this, 'broker-headless', {
      apiVersion: 'v1', kind: 'Service',
      metadata: naming.meta(naming.headlessServiceName('broker'), 'broker'),
      spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector: spec.brokerSelector, ports: brokerPorts },
    });
    new ApiObject(this, 'bootstrap', {
      apiVersion: 'v1', kind: 'Service',
      metadata: naming.meta(naming.name('bootstrap'), 'broker'),
      spec: { type: 'ClusterIP', selector: spec.brokerSelector, ports: [brokerPorts[0]] },
    });
    if (spec.kraft) {
      new ApiObject(this, 'controller-headless', {
        apiVersion: 'v1', kind: 'Service',
        metadata: naming.meta(naming.headlessServiceName('controller'), 'controller'),
        // Controllers must find each other before any of them is ready (quorum formation).
        spec: {
          clusterIP: 'None', publishNotReadyAddresses: true, selector: naming.selectorFor('controller'),
          ports: [
            { name: 'controller', port: KAFKA_PORTS.controller, targetPort: KAFKA_PORTS.controller, protocol: 'TCP' },
            { name: 'metrics', port: KAFKA_PORTS.metrics, targetPort: KAFKA_PORTS.metrics, protocol: 'TCP' },
          ],
        },
      });
    }
  }
}
