/**
 * Errors of `kafka-platform verify` that are the user's to fix (a missing
 * tool, an unreadable GitOps directory, a bad argument). Each says what is
 * wrong and what to do; the CLI prints them without a stack trace and exits 2,
 * which keeps them apart from a scenario that ran and failed (exit 1).
 */
export class VerifyError extends Error {
  /** What is wrong. */
  public readonly problem: string;
  /** What to do about it. */
  public readonly fix: string;

  constructor(problem: string, fix: string) {
    super(`${problem}\nFix: ${fix}`);
    this.name = 'VerifyError';
    this.problem = problem;
    this.fix = fix;
  }
}

/** A command-line argument is wrong. */
export class UsageError extends VerifyError {
  constructor(problem: string, fix = 'run `kafka-platform --help` for the usage') {
    super(problem, fix);
    this.name = 'UsageError';
  }
}

/** Something the run needs on this machine is missing (Java 17+, Maven, openssl). */
export class PrerequisiteError extends VerifyError {
  constructor(problem: string, fix: string) {
    super(problem, fix);
    this.name = 'PrerequisiteError';
  }
}

/** The Kafka (or ZooKeeper, or JMX agent) jars could not be had: no cache and no Maven Central. */
export class JarsUnavailableError extends VerifyError {
  constructor(problem: string, fix: string) {
    super(problem, fix);
    this.name = 'JarsUnavailableError';
  }
}

/** The GitOps directory is missing or does not hold a cluster this tool can run. */
export class GitopsInputError extends VerifyError {
  constructor(problem: string, fix: string) {
    super(problem, fix);
    this.name = 'GitopsInputError';
  }
}
