#!/usr/bin/env node
/*
 * The "app" of the examples' cdktf.json: runs an example as precompiled
 * JavaScript instead of loading the library's TypeScript sources through
 * ts-node on every `cdktf synth`.
 *
 *   node scripts/example-app.js examples/alicloud-ack/main.ts   # compile what changed, then run it
 *   node scripts/example-app.js --compile-only                  # npm's `prepare` (runs on `npm ci`)
 *
 * lib/ and examples/ are compiled with swc (the transpiler the tests and
 * ts-node --swc already use) into node_modules/.cache, inside the repository so
 * that the compiled files resolve the repository's node_modules. Only files
 * whose source is newer than their output are recompiled, and outputs whose
 * source is gone are removed, so an edit is never run stale. Type errors are
 * `npm run typecheck`'s job, as they were with ts-node --swc.
 *
 * Plain CommonJS on purpose: it must run before anything is compiled.
 */
'use strict';
const fs = require('fs');
const Module = require('module');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
// One cache per checkout: two work trees sharing a node_modules (a symlink) must not overwrite each other's output.
const OUT = path.join(ROOT, 'node_modules', '.cache', 'kafka-platform-examples', require('crypto').createHash('sha256').update(ROOT).digest('hex').slice(0, 12));
const SOURCE_DIRS = ['lib', 'examples'];
const SKIP_DIRS = new Set(['node_modules', 'cdktf.out', '.gen']);

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : walk(p);
    return entry.isFile() ? [p] : [];
  });
}

const isTypeScript = (file) => file.endsWith('.ts') && !file.endsWith('.d.ts');
const outputOf = (source) => path.join(OUT, path.relative(ROOT, isTypeScript(source) ? source.replace(/\.ts$/, '.js') : source));

/** Brings the compiled tree up to date with lib/ and examples/; returns how many files were (re)written. */
function compile() {
  const sources = SOURCE_DIRS.flatMap((dir) => walk(path.join(ROOT, dir)))
    // Tests, snapshots and cdktf.json files are not needed at run time; assets such as shell scripts are.
    .filter((f) => !f.endsWith('.d.ts') && !f.endsWith('cdktf.json'));
  const wanted = new Set(sources.map(outputOf));
  let swc;
  let written = 0;
  for (const source of sources) {
    const target = outputOf(source);
    const stale = !fs.existsSync(target) || fs.statSync(target).mtimeMs < fs.statSync(source).mtimeMs;
    if (!stale) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (isTypeScript(source)) {
      swc ??= require('@swc/core');
      const { code } = swc.transformFileSync(source, {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
        swcrc: false,
      });
      fs.writeFileSync(target, code);
    } else {
      fs.copyFileSync(source, target);
    }
    written++;
  }
  for (const output of walk(OUT)) {
    if (!wanted.has(output)) fs.rmSync(output);
  }
  return written;
}

function main(argv) {
  if (argv[0] === '--compile-only') {
    const written = compile();
    console.log(`example-app: ${written} file(s) compiled into ${path.relative(ROOT, OUT)}`);
    return;
  }
  const entry = argv[0];
  if (!entry) {
    console.error('usage: node scripts/example-app.js <path/to/main.ts> | --compile-only');
    process.exitCode = 2;
    return;
  }
  const source = path.resolve(entry);
  const relative = path.relative(ROOT, source);
  if (!isTypeScript(source) || relative.startsWith('..') || !SOURCE_DIRS.includes(relative.split(path.sep)[0])) {
    console.error(`example-app: ${entry} is not a TypeScript file under ${SOURCE_DIRS.join('/ or ')}/`);
    process.exitCode = 2;
    return;
  }
  compile();
  // Run the compiled file as the main module, so its `require.main === module` guard holds.
  process.argv[1] = outputOf(source);
  process.argv.splice(2, 1);
  Module.runMain();
}

main(process.argv.slice(2));
