import { ClusterFacts } from '../gitops/cluster-facts';
import { UsageError } from '../errors';
import { CONTROLLER_FAILOVER } from './controller-failover';
import { FORM } from './form';
import { REFUSE } from './refuse';
import { VerifyScenario } from './scenario';
import { ZONE_LOSS } from './zone-loss';

/**
 * Every scenario `verify` knows, in the order they run. Open: a later scenario
 * (rolling restart, authorization) is one more `registerScenario` call.
 */
const REGISTRY: VerifyScenario[] = [FORM, ZONE_LOSS, REFUSE, CONTROLLER_FAILOVER];

export function registerScenario(scenario: VerifyScenario): void {
  if (REGISTRY.some((s) => s.name === scenario.name)) throw new Error(`a scenario named ${scenario.name} is already registered`);
  REGISTRY.push(scenario);
}

export function allScenarios(): readonly VerifyScenario[] {
  return REGISTRY;
}

/**
 * The scenarios to run: the requested ones (in registry order), or every one
 * that applies to the configuration. Asking for an unknown scenario, or one
 * that does not apply (controller-failover in ZooKeeper mode), is an error,
 * never a silent skip.
 */
export function selectScenarios(requested: readonly string[] | undefined, facts: ClusterFacts): VerifyScenario[] {
  if (!requested) return REGISTRY.filter((s) => s.appliesTo(facts));
  const unknown = requested.filter((n) => !REGISTRY.some((s) => s.name === n));
  if (unknown.length > 0) throw new UsageError(`unknown scenario ${unknown.join(', ')}`, `choose from: ${REGISTRY.map((s) => s.name).join(', ')}`);
  const picked = REGISTRY.filter((s) => requested.includes(s.name));
  const inapplicable = picked.filter((s) => !s.appliesTo(facts));
  if (inapplicable.length > 0) {
    throw new UsageError(`${inapplicable.map((s) => s.name).join(', ')} does not apply to this configuration (${facts.mode} mode)`,
      `choose from: ${REGISTRY.filter((s) => s.appliesTo(facts)).map((s) => s.name).join(', ')}`);
  }
  return picked;
}
