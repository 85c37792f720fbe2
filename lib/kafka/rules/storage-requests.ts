import { isStorageQuantity } from '../k8s/quantities';
import { VolumeSpec } from '../types';
import { Finding, inputFinding, KafkaInputRule } from './rule';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Volume sizes in binary storage units and StorageClass names the API server accepts. */
export const storageRequestsRule: KafkaInputRule = ({ props }) => {
  const findings: Finding[] = [];
  const volumes: Array<[string, VolumeSpec | undefined]> = [['brokers.storage', props.brokers?.storage], ['controllers.storage', props.controllers?.storage], ['zookeeper.storage', props.zookeeper?.storage]];
  for (const [prop, v] of volumes) {
    if (v?.size !== undefined && !isStorageQuantity(v.size)) findings.push(inputFinding('storage-requests', `${prop}.size`, `${JSON.stringify(v.size)} is not a storage quantity`, 'use e.g. "100Gi"'));
    if (v?.claimTemplateSize !== undefined && !isStorageQuantity(v.claimTemplateSize)) {
      findings.push(inputFinding('storage-requests', `${prop}.claimTemplateSize`, `${JSON.stringify(v.claimTemplateSize)} is not a storage quantity`, 'use the size the volumes were created with, e.g. "100Gi"'));
    }
  }
  const classes: Array<[string, string | undefined]> = [['storageClassName', props.storageClassName], ...volumes.map(([prop, v]): [string, string | undefined] => [`${prop}.storageClassName`, v?.storageClassName])];
  for (const [prop, sc] of classes) {
    if (sc !== undefined && (!DNS_SUBDOMAIN.test(sc) || sc.length > 253)) findings.push(inputFinding('storage-requests', prop, `${JSON.stringify(sc)} is not a StorageClass name`, 'use the name of a StorageClass of the cluster, e.g. "gp3-encrypted"'));
  }
  return findings;
};
