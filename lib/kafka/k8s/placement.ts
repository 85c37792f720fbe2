import { KafkaProfile } from '../types';

/**
 * Anti-affinity on the node (required, so two replicas never share a node)
 * and, separately, a zone spread constraint so replicas land in different
 * zones. In the development profile both are soft so a one-node cluster works.
 */
export function haPlacement(selector: Record<string, string>, profile: KafkaProfile): Record<string, any> {
  const term = { labelSelector: { matchLabels: selector }, topologyKey: 'kubernetes.io/hostname' };
  const production = profile === KafkaProfile.PRODUCTION;
  return {
    affinity: {
      podAntiAffinity: production
        ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
        : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] },
    },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: production ? 'DoNotSchedule' : 'ScheduleAnyway',
        labelSelector: { matchLabels: selector },
      },
    ],
  };
}
