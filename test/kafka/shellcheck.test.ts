import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KafkaMetadataMode } from '../../lib/kafka';
import { all, synth } from './helpers';

/** Every script the manifests carry, as shipped (ConfigMap data and inline `sh -c` scripts). */
function shippedScripts(): Map<string, { text: string; shell: 'bash' | 'sh' }> {
  const scripts = new Map<string, { text: string; shell: 'bash' | 'sh' }>();
  for (const props of [{}, { metadataMode: KafkaMetadataMode.ZOOKEEPER }, { brokers: { storage: { size: '200Gi', claimTemplateSize: '100Gi' } } }]) {
    const { objects } = synth(props);
    for (const cm of all(objects, 'ConfigMap')) {
      for (const [key, value] of Object.entries<string>(cm.data ?? {})) {
        if (key.endsWith('.sh')) scripts.set(`${cm.metadata.name}/${key}`, { text: value, shell: 'bash' });
      }
    }
    for (const sts of all(objects, 'StatefulSet')) {
      for (const c of sts.spec.template.spec.initContainers ?? []) {
        if (c.command?.[0] === '/bin/sh' && c.command?.[1] === '-c') scripts.set(`${sts.metadata.name}/${c.name}`, { text: `#!/bin/sh\n${c.command[2]}\n`, shell: 'sh' });
      }
    }
  }
  return scripts;
}

describe('shellcheck', () => {
  test('is installed (Debian package shellcheck); this suite never skips silently', () => {
    const r = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
    if (r.error) throw new Error('shellcheck is not installed: apt-get install -y shellcheck');
    expect(r.status).toBe(0);
  });

  const scripts = shippedScripts();
  test('finds the scripts to check', () => {
    expect([...scripts.keys()].sort()).toEqual(expect.arrayContaining([
      'kafka-admin-jobs/apply-topics.sh', 'kafka-admin-jobs/create-user-secrets.sh', 'kafka-admin-jobs/kafka-admin-lib.sh', 'kafka-admin-jobs/upsert-scram-users.sh',
      'kafka-broker-config/kafka-ready.sh', 'kafka-broker-config/kafka-start.sh', 'kafka-controller-config/kafka-start.sh',
      'kafka-zookeeper-config/zookeeper-ready.sh', 'kafka-zookeeper-config/zookeeper-start.sh', 'kafka-broker-0/fetch-jmx-exporter',
      'kafka-roll/roll-cluster.sh', 'kafka-grow-volumes/grow-volumes.sh',
    ]));
  });

  test.each([...scripts.entries()].map(([name, s]) => [name, s] as const))('%s passes shellcheck', (name, script) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shellcheck-'));
    try {
      // Sourced helpers are checked next to their callers, as they are mounted in the pod.
      const sibling = name.split('/')[0];
      for (const [other, s] of scripts) if (other.startsWith(`${sibling}/`)) fs.writeFileSync(path.join(dir, other.split('/')[1]), s.text);
      const file = path.join(dir, name.split('/')[1]);
      fs.writeFileSync(file, script.text);
      const r = spawnSync('shellcheck', ['-x', '-s', script.shell, '-S', 'style', file], { encoding: 'utf8', cwd: dir });
      expect(r.error).toBeUndefined();
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('would catch a real problem (the check is not vacuous)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shellcheck-'));
    const file = path.join(dir, 'bad.sh');
    fs.writeFileSync(file, '#!/usr/bin/env bash\nrm -rf $1/data\n');
    const r = spawnSync('shellcheck', ['-s', 'bash', file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain('SC2086');
  });
});
