/** The roles of a cluster's pods. */
export type KafkaNodeRole = 'broker' | 'controller';
export type ClusterComponent = KafkaNodeRole | 'zookeeper';

/** Prefix of every label and annotation key this library owns. */
export const LABEL_KEY_PREFIX = 'kafka-platform.io';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/**
 * How every object of one cluster is named and labelled. Object names and host
 * names are part of the cluster's identity (StatefulSet names, advertised
 * listeners, quorum voters): they are derived here only, so no part can drift.
 */
export class ClusterNaming {
  public readonly commonLabels: Readonly<Record<string, string>>;

  constructor(public readonly clusterName: string, public readonly namespace: string, public readonly clusterDomain: string) {
    this.commonLabels = {
      'app.kubernetes.io/name': 'kafka',
      'app.kubernetes.io/instance': clusterName,
      'app.kubernetes.io/managed-by': 'cdktf-kafka-platform',
    };
  }

  /** `<cluster>-<suffix>`. */
  public name(suffix: string): string {
    return `${this.clusterName}-${suffix}`;
  }

  public headlessServiceName(component: ClusterComponent): string {
    return this.name(`${component}-headless`);
  }

  /** DNS domain of the pods behind a headless Service. */
  public serviceDomain(component: ClusterComponent): string {
    return `${this.headlessServiceName(component)}.${this.namespace}.svc.${this.clusterDomain}`;
  }

  public podFqdn(podName: string, component: ClusterComponent): string {
    return `${podName}.${this.serviceDomain(component)}`;
  }

  public labels(component: string, extra: Record<string, string> = {}): Record<string, string> {
    return { ...this.commonLabels, 'app.kubernetes.io/component': component, ...extra };
  }

  public meta(name: string, component: string, extra: Record<string, any> = {}): Record<string, any> {
    return { name, namespace: this.namespace, labels: this.labels(component), ...extra };
  }

  /** The immutable pod selector of a component. */
  public selectorFor(component: ClusterComponent): Record<string, string> {
    return { 'app.kubernetes.io/instance': this.clusterName, 'app.kubernetes.io/component': component };
  }
}
