import { storageBytes } from '../k8s/quantities';
import { Finding, inputFinding, KafkaInputRule } from './rule';

/**
 * Volumes grow, never shrink: Kubernetes refuses a smaller PersistentVolumeClaim
 * request, and a smaller disk would not hold the data anyway. `size` below
 * `claimTemplateSize` (the size the volumes were created with) is the shrink
 * synth can see; the growth Job refuses the ones it cannot (a `size` lowered
 * after an earlier growth) before it patches anything.
 */
export const volumeGrowthRule: KafkaInputRule = ({ spec }) => {
  const findings: Finding[] = [];
  const volumes: Array<[string, { storageSize: string; claimTemplateSize: string } | undefined]> = [
    ['brokers.storage', spec.brokers], ['controllers.storage', spec.controllers], ['zookeeper.storage', spec.zookeeper],
  ];
  for (const [prop, v] of volumes) {
    if (!v) continue;
    const size = storageBytes(v.storageSize);
    const template = storageBytes(v.claimTemplateSize);
    // Unparseable quantities are named by the storage-requests rule.
    if (size === undefined || template === undefined || size >= template) continue;
    findings.push(inputFinding('volume-growth', `${prop}.size`, `${v.storageSize} is smaller than claimTemplateSize ${v.claimTemplateSize}: volumes cannot shrink`,
      `keep size at least ${v.claimTemplateSize}; smaller disks need a new cluster and a data migration`));
  }
  return findings;
};
