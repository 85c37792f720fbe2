import { ClusterComponent, HOSTNAME_LABEL, ZONE_LABEL } from '../model/cluster-naming';
import { KafkaClusterSpec } from '../model/cluster-spec';

/**
 * Zone pinning and node exclusivity of a cluster's pods: required node
 * affinity to the given zones (and the Kafka node pool's labels), and
 * required anti-affinity on the host name.
 */
export function clusterPodAffinity(spec: KafkaClusterSpec, component: ClusterComponent, zones: string[]): Record<string, any> {
  const nodeLabels = spec.nodePlacement.nodeLabels ?? {};
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{
          matchExpressions: [
            { key: ZONE_LABEL, operator: 'In', values: zones },
            ...Object.keys(nodeLabels).sort().map(k => ({ key: k, operator: 'In', values: [nodeLabels[k]] })),
          ],
        }],
      },
    },
    podAntiAffinity: {
      // Two pods of the same role never share a node: a node failure costs at most one broker / one voter.
      requiredDuringSchedulingIgnoredDuringExecution: [{
        labelSelector: { matchLabels: spec.naming.selectorFor(component) },
        topologyKey: HOSTNAME_LABEL,
      }],
    },
  };
}

/** Tolerations of the dedicated Kafka node pools' taints. */
export function clusterTolerations(spec: KafkaClusterSpec): Array<Record<string, any>> {
  return (spec.nodePlacement.tolerations ?? []).map(t => ({
    key: t.key,
    operator: t.value === undefined ? 'Exists' : 'Equal',
    ...(t.value === undefined ? {} : { value: t.value }),
    effect: t.effect,
  }));
}
