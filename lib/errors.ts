/**
 * Thrown at synth when a configuration would break a promise this library makes
 * (high availability, security, determinism). The message always names the
 * construct path, the offending prop and how to fix it, so that `cdktf synth`
 * output is enough to act on.
 */
export class KafkaPlatformValidationError extends Error {
  /** Construct path of the construct whose props are wrong (e.g. `platform/kafka`). */
  public readonly constructPath: string;
  /** Dotted prop path that is wrong (e.g. `brokers.replicas`, `brokerConfig["min.insync.replicas"]`). */
  public readonly prop: string;
  /** What is wrong. */
  public readonly problem: string;
  /** What to change to make it valid. */
  public readonly fix: string;

  constructor(constructPath: string, prop: string, problem: string, fix: string) {
    super(`[${constructPath}] ${prop}: ${problem}. Fix: ${fix}`);
    this.name = 'KafkaPlatformValidationError';
    this.constructPath = constructPath;
    this.prop = prop;
    this.problem = problem;
    this.fix = fix;
  }
}
