import * as fs from 'fs';
import * as path from 'path';
import { CACHE_DIR } from './jars';
import { BREAK } from './platform';

/**
 * The suite's report: every scenario's result, duration and figures (acked
 * and consumed counts, election times). Each test file writes its part to
 * `.cache/report/<suite>.json`; the parts of this run are merged into
 * `.cache/report.json` and printed after each file.
 */
export interface ScenarioResult {
  readonly scenario: string;
  passed: boolean;
  seconds: number;
  error?: string;
  figures: Record<string, number | string | boolean>;
}

const PROCESS_START = Date.now() - process.uptime() * 1000;

export class SuiteReport {
  private readonly results: ScenarioResult[] = [];
  private readonly started = Date.now();
  public readonly facts: Record<string, number | string> = {};

  constructor(private readonly suite: string) {}

  /**
   * Wraps a scenario body: records pass/fail, duration and the figures the
   * body stores in `figures`. The body's failure is rethrown (the test fails).
   */
  public scenario(name: string, body: (figures: Record<string, number | string | boolean>) => Promise<void>): () => Promise<void> {
    return async () => {
      const figures: Record<string, number | string | boolean> = {};
      const result: ScenarioResult = { scenario: name, passed: false, seconds: 0, figures };
      this.results.push(result);
      const t0 = Date.now();
      try {
        await body(figures);
        result.passed = true;
      } catch (e) {
        result.error = String((e as Error).message ?? e).split('\n').slice(0, 6).join('\n');
        throw e;
      } finally {
        result.seconds = Math.round((Date.now() - t0) / 100) / 10;
      }
    };
  }

  /** Writes this suite's part and prints the merged report of the run so far. */
  public write(): void {
    const dir = path.join(CACHE_DIR, 'report');
    fs.mkdirSync(dir, { recursive: true });
    const part = { suite: this.suite, break: BREAK || 'none', seconds: Math.round((Date.now() - this.started) / 1000), facts: this.facts, scenarios: this.results };
    // Written whole (temp file, then rename): CI's parallel lanes read each other's parts.
    const writeWhole = (file: string, data: unknown) => {
      fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(data, undefined, 2));
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
    };
    writeWhole(path.join(dir, `${this.suite}.json`), part);
    const parts = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f))
      .filter((f) => fs.statSync(f).mtimeMs >= PROCESS_START).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
    const all = parts.flatMap((p) => p.scenarios as ScenarioResult[]);
    const merged = {
      generatedAt: new Date().toISOString(),
      break: BREAK || 'none',
      passed: all.filter((r) => r.passed).length,
      failed: all.filter((r) => !r.passed).length,
      suites: parts,
    };
    writeWhole(path.join(CACHE_DIR, 'report.json'), merged);
    const lines = [`\nIntegration report (${this.suite}${BREAK ? `, KAFKA_IT_BREAK=${BREAK}` : ''}), ${part.seconds}s:`];
    for (const [k, v] of Object.entries(this.facts)) lines.push(`  ${k}: ${v}`);
    for (const r of this.results) {
      const figs = Object.entries(r.figures).map(([k, v]) => `${k}=${v}`).join(' ');
      lines.push(`  ${r.passed ? 'PASS' : 'FAIL'} ${r.scenario} (${r.seconds}s)${figs ? `  ${figs}` : ''}${r.error ? `\n       ${r.error.split('\n')[0]}` : ''}`);
    }
    lines.push(`  written to ${path.relative(process.cwd(), path.join(CACHE_DIR, 'report.json'))}`);
    // eslint-disable-next-line no-console
    console.log(lines.join('\n'));
  }
}
