import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaClusterSpec } from '../model/cluster-spec';

/** PodDisruptionBudgets: voluntary evictions (node drains, upgrades) never cost more than the cluster tolerates. */
export class ClusterDisruptionBudgets extends Construct {
  constructor(scope: Construct, id: string, spec: KafkaClusterSpec) {
    super(scope, id);
    const { naming } = spec;
    new ApiObject(this, 'broker-pdb', {
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
      metadata: naming.meta(naming.name('broker'), 'broker'),
      // Evict one broker at a time: with RF 3 / min ISR 2 every partition keeps accepting acks=all writes.
      spec: { maxUnavailable: 1, selector: { matchLabels: spec.brokerSelector } },
    });
    const component = spec.kraft ? 'controller' : 'zookeeper';
    new ApiObject(this, `${component}-pdb`, {
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
      metadata: naming.meta(naming.name(component), component),
      // Never evict below a majority: the quorum keeps electing leaders.
      spec: { minAvailable: Math.floor(spec.metadataQuorumSize / 2) + 1, selector: { matchLabels: naming.selectorFor(component) } },
    });
  }
}
