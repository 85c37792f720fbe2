import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { LABEL_KEY_PREFIX } from '../model/cluster-naming';
import { ExternalListenerSpec, KafkaClusterSpec } from '../model/cluster-spec';
import { LoadBalancerExposure } from '../types';

export interface ExternalListenerProps {
  readonly spec: KafkaClusterSpec;
  readonly listener: ExternalListenerSpec;
  /** Risks the user accepted for this listener, written onto its Services for GitOps readers. @default [] */
  readonly acceptedRisks?: string[];
}

/**
 * The SASL_SSL listener for clients outside Kubernetes: a bootstrap
 * LoadBalancer Service and one per broker (each broker advertises its own
 * host name), and optionally the cert-manager Certificate for all of them.
 */
export class ExternalListener extends Construct {
  constructor(scope: Construct, id: string, props: ExternalListenerProps) {
    super(scope, id);
    const { spec, listener } = props;
    const { naming } = spec;
    const lb = listener.options.loadBalancer ?? {};
    const fields = lb.flavour?.serviceFields(lb.exposure ?? LoadBalancerExposure.INTERNAL) ?? { annotations: {} };
    const sourceRanges = lb.allowedSourceCidrs && lb.allowedSourceCidrs.length > 0 ? [...lb.allowedSourceCidrs] : undefined;
    const risks = props.acceptedRisks ?? [];
    const annotations = risks.length === 0 ? fields.annotations : { ...fields.annotations, [`${LABEL_KEY_PREFIX}/security-warning`]: risks.join('; ') };
    const service = (objectId: string, name: string, selector: Record<string, string>) => new ApiObject(this, objectId, {
      apiVersion: 'v1', kind: 'Service',
      metadata: naming.meta(name, 'broker', { annotations }),
      spec: {
        type: 'LoadBalancer',
        ...(fields.loadBalancerClass ? { loadBalancerClass: fields.loadBalancerClass } : {}),
        ...(sourceRanges ? { loadBalancerSourceRanges: sourceRanges } : {}),
        selector,
        ports: [{ name: 'external', port: listener.port, targetPort: listener.port, protocol: 'TCP' }],
      },
    });
    service('external-bootstrap', naming.name('external-bootstrap'), spec.brokerSelector);
    for (const zonePool of spec.brokers.zonePools) {
      zonePool.nodeIds.forEach((nodeId, ordinal) => {
        service(`broker-${nodeId}-external`, naming.name(`broker-${nodeId}-external`), { 'statefulset.kubernetes.io/pod-name': `${zonePool.statefulSetName}-${ordinal}` });
      });
    }
    const issuer = listener.options.tls?.certManagerIssuer;
    if (issuer) {
      new ApiObject(this, 'external-certificate', {
        apiVersion: 'cert-manager.io/v1', kind: 'Certificate',
        metadata: naming.meta(naming.name('external-tls'), 'broker'),
        spec: {
          secretName: naming.name('external-tls'),
          dnsNames: listener.endpoints.map(e => e.hostname),
          issuerRef: { name: issuer.name, kind: issuer.kind ?? 'ClusterIssuer', group: 'cert-manager.io' },
          // Kafka's PEM keystore needs an unencrypted PKCS#8 key.
          privateKey: { algorithm: 'RSA', size: 2048, encoding: 'PKCS8', rotationPolicy: 'Always' },
          duration: '2160h',
          renewBefore: '720h',
          usages: ['server auth', 'digital signature', 'key encipherment'],
        },
      });
    }
  }
}
