#!/usr/bin/env node
/*
 * Asserts what a consumer's `cdktf synth` must have produced for one KafkaPlatform:
 *   node check-synth.js <cdktf outdir> <platform id> <topic declared after construction>
 * - the stacks `<id>-infra` and `<id>-workloads` (Terraform JSON with resources),
 * - the GitOps YAML under gitops/<id>/,
 * - the topic in that YAML's topics ConfigMap/Job and in the workloads stack.
 * Built-ins only: it runs inside the consumer project, which has no test tooling.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const [outdir, id, topic] = process.argv.slice(2);
if (!outdir || !id || !topic) {
  console.error('usage: check-synth.js <outdir> <platform id> <topic>');
  process.exit(2);
}

const failures = [];
const check = (ok, message) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};
// A topic name as a whole token (topic names may contain . _ -).
const mentions = (text) => new RegExp(`(^|[^A-Za-z0-9._-])${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9._-]|$)`, 'm').test(text);

console.log(`${outdir}: platform "${id}", topic "${topic}"`);
const stacks = {};
for (const stack of [`${id}-infra`, `${id}-workloads`]) {
  const file = path.join(outdir, 'stacks', stack, 'cdk.tf.json');
  const exists = fs.existsSync(file);
  check(exists, `stack ${stack} synthesized (${path.relative(outdir, file)})`);
  if (!exists) continue;
  stacks[stack] = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resources = Object.values(stacks[stack].resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  check(resources > 0, `stack ${stack} has resources (${resources})`);
}

const gitopsDir = path.join(outdir, 'gitops', id);
const yamlFiles = fs.existsSync(gitopsDir) ? fs.readdirSync(gitopsDir).filter((f) => f.endsWith('.yaml')) : [];
check(yamlFiles.length > 1, `GitOps YAML written (${yamlFiles.length} files in ${path.relative(outdir, gitopsDir)})`);
const topicObjects = [];
for (const file of yamlFiles) {
  for (const doc of fs.readFileSync(path.join(gitopsDir, file), 'utf8').split(/^---$/m)) {
    const kind = /^kind: (\S+)$/m.exec(doc)?.[1];
    if ((kind === 'ConfigMap' || kind === 'Job') && mentions(doc)) topicObjects.push(`${file} (${kind})`);
  }
}
check(topicObjects.length > 0, `topic "${topic}" (declared after construction) in the GitOps topics ConfigMap/Job${topicObjects.length ? `: ${topicObjects.join(', ')}` : ''}`);
const workloads = stacks[`${id}-workloads`];
check(Boolean(workloads) && mentions(JSON.stringify(workloads.resource?.kubernetes_manifest ?? {}).replace(/\\[nt]/g, ' ')),
  `topic "${topic}" in the ${id}-workloads stack's Kubernetes manifests`);

if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed for platform "${id}" in ${outdir}`);
  process.exit(1);
}
