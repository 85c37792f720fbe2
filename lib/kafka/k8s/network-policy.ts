import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';

/**
 * Pods allowed to reach a port of a component: the pods carrying `podLabels`,
 * in `namespace`, in every namespace (`anyNamespace`), or, with neither, in
 * the component's own namespace.
 */
export interface IngressPeer {
  readonly podLabels: Record<string, string>;
  /** @default - the namespace of the component */
  readonly namespace?: string;
  /** Match the labelled pods in every namespace. @default false */
  readonly anyNamespace?: boolean;
}

export interface PolicyPort {
  readonly port: number;
  /** @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP';
}

export interface ComponentIngressPolicyProps {
  /** Name of the component; the policy is `<name>-ingress`. */
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  /** The component's pods. */
  readonly podSelector: Record<string, string>;
  /** The component's ports, by role (`http`, `metrics`, ...). A role no peer is allowed to stays closed. */
  readonly ports: Record<string, PolicyPort[]>;
}

function peerJson(peer: IngressPeer, ownNamespace: string): Record<string, any> {
  const podSelector = { matchLabels: { ...peer.podLabels } };
  if (peer.anyNamespace) return { podSelector, namespaceSelector: {} };
  if (peer.namespace && peer.namespace !== ownNamespace) {
    return { podSelector, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': peer.namespace } } };
  }
  return { podSelector };
}

/**
 * Least-privilege ingress for one component: once a NetworkPolicy selects
 * the pods, only the listed peers reach the listed ports and everything else
 * is dropped. Peers are added while the program is built (the scraping
 * Prometheus, the components that call this one) and rendered at synth, in
 * the order they were added.
 */
export class ComponentIngressPolicy extends Construct {
  private readonly allowed = new Map<string, Map<string, Record<string, any>>>();

  constructor(scope: Construct, id: string, private readonly props: ComponentIngressPolicyProps) {
    super(scope, id);
    for (const role of Object.keys(props.ports)) this.allowed.set(role, new Map());
    new ApiObject(this, 'resource', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `${props.name}-ingress`, namespace: props.namespace, labels: props.labels },
      spec: {
        podSelector: { matchLabels: props.podSelector },
        policyTypes: ['Ingress'],
        ingress: Lazy.any({ produce: () => this.renderIngress() }),
      },
    });
  }

  /** Lets `peer` reach the ports of `role`. */
  public allow(role: string, peer: IngressPeer): void {
    const peers = this.allowed.get(role);
    if (!peers) throw new Error(`${this.node.path}: no port role "${role}" (known: ${[...this.allowed.keys()].join(', ')})`);
    const json = peerJson(peer, this.props.namespace);
    peers.set(JSON.stringify(json), json);
  }

  /** The peers allowed to `role`, as NetworkPolicy peers. */
  public peersOf(role: string): Record<string, any>[] {
    return [...(this.allowed.get(role)?.values() ?? [])];
  }

  private renderIngress(): Record<string, any>[] {
    const rules: Record<string, any>[] = [];
    for (const [role, ports] of Object.entries(this.props.ports)) {
      const from = this.peersOf(role);
      if (from.length === 0) continue;
      rules.push({ from, ports: ports.map(p => ({ port: p.port, protocol: p.protocol ?? 'TCP' })) });
    }
    return rules;
  }
}

/** Label a pod (in any namespace) carries to be let in to a component's HTTP API: `kafka-platform.io/<name>-<suffix>=true`. */
export function clientLabelFor(name: string, suffix = 'client'): { readonly key: string; readonly value: string } {
  return { key: `kafka-platform.io/${name}-${suffix}`, value: 'true' };
}
