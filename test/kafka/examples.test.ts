import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { validateManifests } from '../support/k8s-validate';

const ROOT = path.join(__dirname, '..', '..');

describe.each(['kraft-yaml', 'zookeeper-yaml'])('examples/%s', (example) => {
  test('synthesizes to YAML whose every object passes schema validation, twice identically', () => {
    const outputs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `${example}-`));
      try {
        const r = spawnSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--swc', path.join(ROOT, 'examples', example, 'main.ts')], {
          cwd: ROOT, env: { ...process.env, KAFKA_EXAMPLE_OUTDIR: outdir }, encoding: 'utf8', timeout: 120000,
        });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        const files = fs.readdirSync(outdir);
        expect(files).toEqual(['kafka.yaml']);
        outputs.push(fs.readFileSync(path.join(outdir, files[0]), 'utf8'));
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    }
    expect(outputs[1]).toBe(outputs[0]);
    const objects = YAML.parseAllDocuments(outputs[0]).map(d => d.toJS());
    expect(objects.filter(o => o.kind === 'StatefulSet').length).toBeGreaterThanOrEqual(4);
    expect(validateManifests(objects)).toEqual([]);
  }, 240000);
});
