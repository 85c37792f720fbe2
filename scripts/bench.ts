/**
 * `npm run bench`: first `npx cdktf synth` of the default example against the
 * same CLI on a trivial one-output app (scripts/bench-cli.ts, the ratio a user
 * feels); then wall time and peak memory of synthesizing each example
 * in-process (no cdktf CLI), each measurement in a fresh node process, and how
 * they grow with brokers and topics.
 *
 * Add a target to BENCH_TARGETS to bench another example: the module must
 * export a function that takes `{ brokers, topics, outdir }` and returns a cdktf App.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI_RATIO_TARGET, compareCliSynth } from './bench-cli';

interface BenchTarget {
  readonly name: string;
  /** Module path relative to the repository root, without extension. */
  readonly module: string;
  /** Exported builder: `(options: { brokers?: number; topics?: number; outdir?: string }) => App`. */
  readonly builder: string;
}

export const BENCH_TARGETS: BenchTarget[] = [
  { name: 'aws-eks', module: 'examples/aws-eks/main', builder: 'buildAwsExample' },
  { name: 'alicloud-ack', module: 'examples/alicloud-ack/main', builder: 'buildAlicloudExample' },
];

/** Budget for the default example (3 brokers, 10 topics). */
const BUDGET = { wallMs: 1500, maxRssMb: 250 };
const SCALES = [
  { brokers: 3, topics: 10 },
  { brokers: 30, topics: 10 },
  { brokers: 90, topics: 10 },
  { brokers: 3, topics: 1000 },
  { brokers: 90, topics: 1000 },
];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const CLI_REPEAT = Number(process.env.BENCH_CLI_REPEAT ?? 5);
const ROOT = path.resolve(__dirname, '..');

interface Measurement { loadMs: number; buildMs: number; synthMs: number; totalMs: number; cpuMs: number; maxRssMb: number; resources: number; objects: number }

function child(args: string[]): void {
  const [targetName, brokers, topics, outdir] = args;
  const target = BENCH_TARGETS.find((t) => t.name === targetName)!;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(process.env.BENCH_COMPILED_ROOT ?? ROOT, target.module));
  const t1 = process.hrtime.bigint();
  const app = mod[target.builder]({ brokers: Number(brokers), topics: Number(topics), outdir });
  const t2 = process.hrtime.bigint();
  app.synth();
  const t3 = process.hrtime.bigint();
  let resources = 0;
  let objects = 0;
  const stacksDir = path.join(outdir, 'stacks');
  for (const stack of fs.readdirSync(stacksDir)) {
    const json = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8'));
    for (const byName of Object.values<any>(json.resource ?? {})) resources += Object.keys(byName).length;
    objects += Object.keys(json.resource?.kubernetes_manifest ?? {}).length;
  }
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  const m: Measurement = {
    loadMs: ms(t0, t1), buildMs: ms(t1, t2), synthMs: ms(t2, t3), totalMs: ms(t0, t3),
    cpuMs: ((cpu => cpu.user + cpu.system)(process.cpuUsage(cpu0))) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024, resources, objects,
  };
  process.stdout.write(`BENCH ${JSON.stringify(m)}\n`);
}

/**
 * Compiles lib/, examples/ and this script to CommonJS with swc once, so the
 * measured processes run plain JavaScript (as users of the published package
 * do) instead of paying for a TypeScript loader.
 */
function compile(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const swc = require('@swc/core');
  // Inside the repository so the compiled files resolve node_modules.
  const out = path.join(ROOT, 'node_modules', '.cache', 'kafka-platform-bench');
  fs.rmSync(out, { recursive: true, force: true });
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'cdktf.out' ? [] : walk(p);
    return [p];
  });
  const isSource = (f: string) => f.endsWith('.ts') && !f.endsWith('.d.ts');
  // Assets the library reads at synth time (shell scripts, JSON) are copied as they are.
  for (const asset of walk(path.join(ROOT, 'lib')).filter((f) => !isSource(f))) {
    const target = path.join(out, path.relative(ROOT, asset));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(asset, target);
  }
  for (const file of [...walk(path.join(ROOT, 'lib')), ...walk(path.join(ROOT, 'examples')), path.join(ROOT, 'scripts', 'bench.ts'), path.join(ROOT, 'scripts', 'bench-cli.ts')].filter(isSource)) {
    const { code } = swc.transformFileSync(file, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
      sourceMaps: false,
    });
    const target = path.join(out, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, code);
  }
  return out;
}

let compiledRoot: string | undefined;

function measure(target: BenchTarget, brokers: number, topics: number): Measurement {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${target.name}-`));
  compiledRoot ??= compile();
  try {
    const r = spawnSync(process.execPath, [path.join(compiledRoot, 'scripts', 'bench.js'), '--child', target.name, String(brokers), String(topics), outdir], {
      cwd: ROOT,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', BENCH_COMPILED_ROOT: compiledRoot },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH '));
    if (r.status !== 0 || !line) throw new Error(`bench child failed for ${target.name} ${brokers}/${topics}:\n${r.stdout}\n${r.stderr}`);
    return JSON.parse(line.slice('BENCH '.length));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function median(ms: Measurement[]): Measurement {
  const sorted = [...ms].sort((a, b) => a.totalMs - b.totalMs);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): number {
  console.log(`node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('\n## npx cdktf synth: default example (cdktf.json) vs a trivial one-output app, same CLI, side by side');
  const cli = compareCliSynth(CLI_REPEAT);
  const cliOk = cli.ratio <= CLI_RATIO_TARGET;
  console.log('| app | wall ms (median) |\n|---|--:|');
  console.log(`| default example (examples/alicloud-ack) | ${cli.defaultMs.toFixed(0)} |`);
  console.log(`| trivial app (1 stack, 1 output) | ${cli.trivialMs.toFixed(0)} |`);
  console.log(`\npairs (default / trivial ms): ${cli.pairs.map((p) => `${p.defaultMs.toFixed(0)}/${p.trivialMs.toFixed(0)}`).join(', ')}`);
  console.log(`ratio default / trivial: ${cli.ratio.toFixed(2)} (median of ${cli.runs} back-to-back pairs, after one warm-up each) -> ${cliOk ? 'within' : 'OVER'} the ${CLI_RATIO_TARGET} target`);
  console.log(`\nIn-process synth (median of ${REPEAT} fresh processes per row):`);
  console.log('total = module load + build + synth, wall clock (precompiled JavaScript, no cdktf CLI); CPU = user + system time of that process');
  let overBudget = false;
  for (const target of BENCH_TARGETS) {
    console.log(`\n## ${target.name}`);
    console.log('| brokers | topics | TF resources | k8s objects | load ms | build ms | synth ms | total ms | CPU ms | peak RSS MB |');
    console.log('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    let base: Measurement | undefined;
    // Per target: one target over budget must not mark the others so.
    let targetOverBudget = false;
    for (const scale of SCALES) {
      const m = median(Array.from({ length: REPEAT }, () => measure(target, scale.brokers, scale.topics)));
      base ??= m;
      const f = (n: number) => n.toFixed(0);
      console.log(`| ${scale.brokers} | ${scale.topics} | ${m.resources} | ${m.objects} | ${f(m.loadMs)} | ${f(m.buildMs)} | ${f(m.synthMs)} | ${f(m.totalMs)} | ${f(m.cpuMs)} | ${f(m.maxRssMb)} |`);
      if (scale === SCALES[0] && (m.totalMs > BUDGET.wallMs || m.maxRssMb > BUDGET.maxRssMb)) targetOverBudget = true;
    }
    overBudget ||= targetOverBudget;
    if (base) console.log(`\nbudget for the default example: < ${BUDGET.wallMs} ms and < ${BUDGET.maxRssMb} MB -> ${targetOverBudget ? 'OVER BUDGET' : 'within budget'} (${base.totalMs.toFixed(0)} ms, ${base.maxRssMb.toFixed(0)} MB)`);
  }
  return overBudget || !cliOk ? 1 : 0;
}

if (process.argv[2] === '--child') {
  child(process.argv.slice(3));
} else {
  process.exitCode = main();
}
