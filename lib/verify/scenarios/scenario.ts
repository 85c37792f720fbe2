import { ClusterFacts } from '../gitops/cluster-facts';
import { Progress } from '../run/progress';
import { LocalPlatform } from '../run/local-platform';

/** Figures a scenario reports (the table and `--json`): counts, seconds, ids. */
export type Figures = Record<string, number | string | boolean>;

/** What a scenario gets: the running platform, the topic it may write to, progress output. */
export interface ScenarioContext {
  readonly platform: LocalPlatform;
  /** A topic created for the run with the cluster's defaults (no per-topic overrides), what a new application topic gets. */
  readonly verifyTopic: string;
  readonly progress: Progress;
}

/**
 * One check of a configuration against live Kafka. A scenario throws
 * `ScenarioFailure` (or any error) when the configuration does not keep its
 * promise, records its figures as it goes, and leaves the cluster as it found
 * it (every pod running, every partition in sync) for the next one.
 */
export interface VerifyScenario {
  /** The name `--scenarios` takes, e.g. `zone-loss`. */
  readonly name: string;
  /** One line for `--help` and the report. */
  readonly summary: string;
  /** True when it checks what the synthesized users and topics Jobs create (they run before the scenarios only then: a topics Job calls three tools per topic). @default false */
  readonly needsAdminJobs?: boolean;
  /** False when the scenario has no meaning for this configuration (e.g. controller failover in ZooKeeper mode). */
  appliesTo(facts: ClusterFacts): boolean;
  run(ctx: ScenarioContext, figures: Figures): Promise<void>;
}

/** The configuration broke a promise (as opposed to the run breaking). */
export class ScenarioFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFailure';
  }
}

/** Throws a ScenarioFailure with `message` unless `condition` holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ScenarioFailure(message);
}
