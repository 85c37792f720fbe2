/**
 * Progress lines of a run: one when a step starts, one with its outcome and
 * duration, each stamped with the time since the run began, so a slow step is
 * visible in a CI log without a report.
 */
export class Progress {
  private readonly t0 = Date.now();

  constructor(private readonly write: (text: string) => void) {}

  /** Seconds since the run began, one decimal. */
  public elapsed(): number {
    return Math.round((Date.now() - this.t0) / 100) / 10;
  }

  public info(text: string): void {
    this.write(`[${this.elapsed().toFixed(1).padStart(6)}s] ${text}\n`);
  }

  /** Runs `body` between a "label…" line and a line saying how it went (`done` phrases the outcome). */
  public async step<T>(label: string, body: () => Promise<T> | T, done: (value: T, seconds: string) => string = (_v, s) => `done in ${s} s`): Promise<T> {
    this.info(`${label}…`);
    const t = Date.now();
    try {
      const value = await body();
      this.info(`  ${done(value, seconds(Date.now() - t))}`);
      return value;
    } catch (e) {
      this.info(`  failed after ${seconds(Date.now() - t)} s`);
      throw e;
    }
  }
}

/** Milliseconds as seconds with one decimal, e.g. `4.1`. */
export function seconds(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1);
}
