#!/usr/bin/env node
// Checks a `kafka-platform verify --json` report for .ci/run, fact by fact.
//   node scripts/verify-cli-check.js pass <report.json>   every scenario passed, zone-loss acknowledged == consumed > 0, refuse 0 acknowledged
//   node scripts/verify-cli-check.js weak <report.json>   the run failed, and it was refuse that failed, on acknowledged writes
'use strict';
const fs = require('fs');
const [mode, file] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const byName = Object.fromEntries(report.scenarios.map((s) => [s.name, s]));
const problems = [];
const expect = (ok, what) => { if (!ok) problems.push(what); };
if (mode === 'pass') {
  expect(report.passed === true, 'report.passed is true');
  for (const name of ['form', 'zone-loss', 'refuse', 'controller-failover']) expect(byName[name] && byName[name].passed, `${name} ran and passed`);
  const z = byName['zone-loss'] || {};
  expect(z.acknowledged > 0 && z.acknowledged === z.consumed, `zone-loss acknowledged (${z.acknowledged}) == consumed (${z.consumed}) > 0`);
  const r = byName.refuse || {};
  expect(r.acknowledged === 0 && r.figures && r.figures.refused > 0, `refuse: 0 acknowledged (${r.acknowledged}), some refused (${r.figures && r.figures.refused})`);
  expect(typeof (byName['controller-failover'] || {}).figures?.electionS === 'number', 'controller-failover reports electionS');
} else if (mode === 'weak') {
  expect(report.passed === false, 'report.passed is false');
  const r = byName.refuse || {};
  expect(r.passed === false, 'refuse ran and failed');
  expect(r.acknowledged > 0, `refuse failed because writes were acknowledged (${r.acknowledged}), not for another reason: ${r.error}`);
} else {
  problems.push(`unknown mode ${mode}`);
}
if (problems.length) {
  console.error(`verify report ${file} (${mode}): NOT as expected:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`verify report ${file} (${mode}): as expected (${report.scenarios.map((s) => `${s.name} ${s.passed ? 'PASS' : 'FAIL'}`).join(', ')}; ${report.seconds} s)`);
