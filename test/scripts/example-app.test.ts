import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLE_APP = path.join(ROOT, 'scripts', 'example-app.js');

function runExample(runner: string[], outdir: string) {
  return spawnSync(process.execPath, [...runner, path.join(ROOT, 'examples', 'kraft-yaml', 'main.ts')], {
    cwd: ROOT, env: { ...process.env, KAFKA_EXAMPLE_OUTDIR: outdir }, encoding: 'utf8', timeout: 120000,
  });
}

describe('scripts/example-app.js (the cdktf.json app)', () => {
  test.each(['cdktf.json', 'examples/aws-eks/cdktf.json', 'examples/alicloud-ack/cdktf.json'])('%s runs an existing example through it, not ts-node', (file) => {
    const app: string = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')).app;
    const match = /^node (\S+) (\S+\.ts)$/.exec(app);
    expect(match).not.toBeNull();
    const dir = path.dirname(path.join(ROOT, file));
    expect(path.resolve(dir, match![1])).toBe(EXAMPLE_APP);
    expect(fs.existsSync(path.resolve(dir, match![2]))).toBe(true);
  });

  test('the precompiled example writes exactly what ts-node --swc writes', () => {
    const outs = [fs.mkdtempSync(path.join(os.tmpdir(), 'example-app-')), fs.mkdtempSync(path.join(os.tmpdir(), 'example-ts-node-'))];
    try {
      const compiled = runExample([EXAMPLE_APP], outs[0]);
      expect(compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
      const tsNode = runExample([require.resolve('ts-node/dist/bin'), '--swc'], outs[1]);
      expect(tsNode.status).toBe(0);
      const read = (dir: string) => fs.readFileSync(path.join(dir, 'kafka.yaml'), 'utf8');
      expect(read(outs[0]).length).toBeGreaterThan(1000);
      expect(read(outs[0])).toBe(read(outs[1]));
    } finally {
      for (const dir of outs) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240000);

  test('refuses a file outside lib/ and examples/', () => {
    const r = spawnSync(process.execPath, [EXAMPLE_APP, path.join(ROOT, 'scripts', 'bench.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a TypeScript file under lib/ or examples/');
  });
});
