import { KafkaMetadataMode } from '../types';
import { KafkaRule } from './rule';

/** An odd quorum of 3 or 5: an even count adds a failure point without adding fault tolerance. */
export const controllerQuorumRule: KafkaRule = (ctx) => {
  if (ctx.metadataMode !== KafkaMetadataMode.KRAFT) return [];
  const n = ctx.controllerCount;
  if (!Number.isInteger(n) || n < 1 || n % 2 === 0) {
    return [{ ruleId: 'controller-quorum', prop: 'controllers.replicas', problem: `${n} controllers is not an odd quorum size`, fix: 'use 3 (tolerates 1 failure) or 5 (tolerates 2)', relaxable: false }];
  }
  if (n !== 3 && n !== 5) {
    return [{ ruleId: 'controller-quorum', prop: 'controllers.replicas', problem: `${n} controller(s) ${n < 3 ? 'cannot tolerate a failure' : 'only slow down metadata commits'}`, fix: 'use 3 or 5 controllers', relaxable: n < 3 }];
  }
  return [];
};
