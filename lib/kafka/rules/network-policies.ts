import { KafkaRule } from './rule';

/** Without NetworkPolicies, any pod in the cluster reaches the controller port, which is not authenticated. */
export const networkPoliciesRule: KafkaRule = (ctx) => {
  if (!ctx.networkPoliciesEnabled) {
    return [{ ruleId: 'network-policies', prop: 'networkPolicy.enabled', problem: 'turning NetworkPolicies off exposes the unauthenticated controller listener to every pod', fix: 'leave networkPolicy.enabled on', relaxable: true }];
  }
  return [];
};
