import { brokerProp, KafkaRule } from './rule';

const RACK_AWARE_SELECTOR = 'org.apache.kafka.common.replica.RackAwareReplicaSelector';

/** broker.rack is always the zone (set by the start script); the replica selector must stay rack-aware. */
export const rackAwarenessRule: KafkaRule = (ctx) => {
  const selector = ctx.brokerConfig['replica.selector.class'];
  if (selector !== RACK_AWARE_SELECTOR) {
    return [{ ruleId: 'rack-awareness', prop: brokerProp('replica.selector.class'), problem: `${JSON.stringify(selector)} ignores zones when consumers fetch`, fix: `set it to ${RACK_AWARE_SELECTOR} (remove the override)`, relaxable: true }];
  }
  return [];
};
