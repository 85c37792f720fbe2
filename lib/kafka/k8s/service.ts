import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

export interface ServicePort {
  readonly name: string;
  readonly port: number;
  /** @default - `port` */
  readonly targetPort?: number | string;
}

export interface ServiceProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly selector: Record<string, string>;
  readonly ports: ServicePort[];
  /** Headless, publishing not-ready pods (StatefulSet peer discovery). @default false */
  readonly headless?: boolean;
  /** Keep a client on the same pod (`ClientIP`). @default false */
  readonly sessionAffinity?: boolean;
}

/** ClusterIP (or headless) Service in front of a component. */
export function addService(scope: Construct, id: string, props: ServiceProps): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
    spec: {
      ...(props.headless ? { clusterIP: 'None', publishNotReadyAddresses: true } : {}),
      ...(props.sessionAffinity ? { sessionAffinity: 'ClientIP' } : {}),
      selector: props.selector,
      ports: props.ports.map(p => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port, protocol: 'TCP' })),
    },
  });
}
