import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Runs a Prometheus tool (promtool / amtool from Debian's prometheus packages); missing tools fail loudly. */
export function runTool(tool: 'promtool' | 'amtool', args: string[], cwd: string): { status: number; output: string } {
  const result = spawnSync(tool, args, { cwd, encoding: 'utf8', timeout: 60000 });
  if (result.error) {
    throw new Error(`${tool} is required for this test (apt-get install prometheus prometheus-alertmanager; .ci/run does it): ${result.error.message}`);
  }
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}
