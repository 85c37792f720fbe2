import { KafkaMetadataMode } from '../types';
import { KafkaRule } from './rule';

/** ZooKeeper ensembles are odd-sized (3 or 5) for the same reason as KRaft quorums. */
export const zookeeperEnsembleRule: KafkaRule = (ctx) => {
  if (ctx.metadataMode !== KafkaMetadataMode.ZOOKEEPER) return [];
  const n = ctx.zookeeperCount;
  if (!Number.isInteger(n) || n < 1 || n % 2 === 0) {
    return [{ ruleId: 'zookeeper-ensemble', prop: 'zookeeper.replicas', problem: `${n} ZooKeeper nodes is not an odd ensemble size`, fix: 'use 3 (tolerates 1 failure) or 5 (tolerates 2)', relaxable: false }];
  }
  if (n !== 3 && n !== 5) {
    return [{ ruleId: 'zookeeper-ensemble', prop: 'zookeeper.replicas', problem: `${n} ZooKeeper node(s) ${n < 3 ? 'cannot tolerate a failure' : 'only slow down writes'}`, fix: 'use 3 or 5 ZooKeeper nodes', relaxable: n < 3 }];
  }
  return [];
};
