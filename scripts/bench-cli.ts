/**
 * The first half of `npm run bench`: `npx cdktf synth` of the default example
 * (root cdktf.json) against the same CLI synthesizing a trivial one-output app,
 * side by side in one run, so machine load affects both alike. The figure that
 * matters is the ratio: the CLI's own start-up is the same for both, so the
 * ratio shows what our app adds to a user's `cdktf synth`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
/** Target for the default example's synth time relative to the trivial app's. */
export const CLI_RATIO_TARGET = 1.3;

export interface CliComparison {
  readonly runs: number;
  readonly defaultMs: number;
  readonly trivialMs: number;
  /** Median of the per-pair ratios (each pair ran back to back). */
  readonly ratio: number;
  readonly pairs: ReadonlyArray<{ readonly defaultMs: number; readonly trivialMs: number }>;
}

/**
 * A trivial cdktf app: one stack, one output, plain JavaScript. It lives under
 * the repository's node_modules so `npx cdktf` and `require('cdktf')` resolve
 * the same CLI and library as the example.
 */
function trivialApp(): string {
  const dir = path.join(ROOT, 'node_modules', '.cache', 'kafka-platform-bench-trivial-app');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({
    language: 'javascript', app: 'node app.js', projectId: 'bench-trivial-app', sendCrashReports: 'false',
    terraformProviders: [], terraformModules: [], context: {},
  }, undefined, 2));
  fs.writeFileSync(path.join(dir, 'app.js'), [
    "const { App, TerraformOutput, TerraformStack } = require('cdktf');",
    'const app = new App();',
    "new TerraformOutput(new TerraformStack(app, 'trivial'), 'hello', { value: 'world' });",
    'app.synth();',
    '',
  ].join('\n'));
  return dir;
}

/** Wall time of one `npx cdktf synth` in `cwd`, output to a fresh directory. */
function timeSynth(cwd: string): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cli-'));
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('npx', ['cdktf', 'synth', '--output', outdir], {
      cwd,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1', CI: 'true' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`npx cdktf synth failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
    return ms;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One warm-up synth of each (not counted: it fills the OS file cache and, on a
 * fresh clone without `npm ci`, scripts/example-app.js's compile cache), then
 * `runs` pairs, alternating which of the two goes first.
 */
export function compareCliSynth(runs: number): CliComparison {
  const trivial = trivialApp();
  timeSynth(trivial);
  timeSynth(ROOT);
  const pairs: Array<{ defaultMs: number; trivialMs: number }> = [];
  for (let i = 0; i < runs; i++) {
    let d: number;
    let t: number;
    if (i % 2 === 0) {
      t = timeSynth(trivial);
      d = timeSynth(ROOT);
    } else {
      d = timeSynth(ROOT);
      t = timeSynth(trivial);
    }
    pairs.push({ defaultMs: d, trivialMs: t });
  }
  return {
    runs,
    defaultMs: median(pairs.map((p) => p.defaultMs)),
    trivialMs: median(pairs.map((p) => p.trivialMs)),
    ratio: median(pairs.map((p) => p.defaultMs / p.trivialMs)),
    pairs,
  };
}
