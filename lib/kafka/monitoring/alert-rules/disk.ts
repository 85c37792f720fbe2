import { KUBELET_METRICS } from '../../observability/metric-names';
import { AlertRuleContext, KafkaAlertRule } from './model';
import { sample, str } from './promql';

/** Persistent volume usage, from kubelet volume stats. */
export function diskRules(c: AlertRuleContext): KafkaAlertRule[] {
  const { topology, diskPercent } = c;
  const rules: KafkaAlertRule[] = [];

  if (topology.kubeletJob) {
    const used = KUBELET_METRICS.volumeUsedBytes;
    const cap = KUBELET_METRICS.volumeCapacityBytes;
    const sel = `{job=${str(topology.kubeletJob)},namespace=${str(topology.namespace)}}`;
    const pvc = { job: topology.kubeletJob, namespace: topology.namespace, persistentvolumeclaim: `data-${topology.clusterName}-broker-0`, node: 'node-a' };
    rules.push({
      alert: 'KafkaDiskUsageHigh',
      expr: `100 * ${used}${sel} / ${cap}${sel} > ${diskPercent}`,
      for: '10m',
      severity: 'warning',
      summary: `Volume {{ $labels.persistentvolumeclaim }} is more than ${diskPercent}% full`,
      description: `A persistent volume in namespace ${topology.namespace} is above ${diskPercent}% usage; a full log volume takes its broker offline.`,
      runbook: 'Find the topics that grow fastest (kafka-log-dirs.sh --describe); lower their retention.ms/retention.bytes if the owners agree, or expand the PVC (the StorageClass allows volume expansion). Add brokers and reassign partitions for lasting growth.',
      metrics: [used, cap],
      firing: { series: [sample(used, pvc, `${diskPercent + 5}x40`), sample(cap, pvc, '100x40')], alerts: [{ ...pvc }] },
      healthy: { series: [sample(used, pvc, `${diskPercent - 20}x40`), sample(cap, pvc, '100x40')] },
    });
  }
  return rules;
}
