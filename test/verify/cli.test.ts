import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/verify/cli/main';
import { renderReportTable, VerifyReport } from '../../lib/verify/run/report';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}, cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-cli-'))) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd, env });
  return { code, stdout, stderr };
}

describe('kafka-platform CLI', () => {
  test('--help lists the command, options and every scenario, exit 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: kafka-platform verify [DIR] [--scenarios a,b] [--json FILE] [--kafka-home DIR]');
    for (const s of ['form', 'zone-loss', 'refuse', 'controller-failover']) expect(stdout).toMatch(new RegExp(`^  ${s} `, 'm'));
  });

  test('a bad argument and a missing GitOps directory exit 2 with the problem and the fix on stderr, nothing on stdout', async () => {
    const bad = await cli(['verify', '--nope']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'kafka-platform: unknown option --nope\nFix: run `kafka-platform --help` for the usage\n' });
    const none = await cli(['verify']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^kafka-platform: no GitOps directory found under cdktf.out\/gitops\nFix: run `cdktf synth` first/);
  });
});

describe('report table', () => {
  const report: VerifyReport = {
    directory: 'cdktf.out/gitops/kafka', cluster: 'events', mode: 'kraft', kafkaVersion: '4.1.1', passed: false, seconds: 201, facts: {},
    logs: '/home/u/.cache/kafka-platform/runs/run-x',
    scenarios: [
      { name: 'zone-loss', passed: true, seconds: 61.2, figures: { acknowledged: 6000, consumed: 6000, missing: 0, catchUpS: 24.9, sendErrors: 0 }, acknowledged: 6000, consumed: 6000 },
      { name: 'refuse', passed: false, seconds: 30, error: '60 of 60 acks=all writes were acknowledged', figures: { acknowledged: 60, refused: 0 } },
    ],
  };

  test('one row per scenario with result, time and headline figures; the failure reason under its row; the verdict with the logs', () => {
    const lines = renderReportTable(report).split('\n');
    expect(lines).toContain('kafka-platform verify: events (KRaft, Kafka 4.1.1) from cdktf.out/gitops/kafka');
    expect(lines.find((l) => l.startsWith('zone-loss'))).toMatch(/^zone-loss\s+PASS\s+61\.2 s\s+acknowledged 6000, consumed 6000, missing 0, catch-up s 24\.9$/);
    const refuse = lines.findIndex((l) => l.startsWith('refuse'));
    expect(lines[refuse]).toMatch(/^refuse\s+FAIL\s+30\.0 s\s+acknowledged 60, refused 0$/);
    expect(lines[refuse + 1]).toBe('    60 of 60 acks=all writes were acknowledged');
    expect(lines).toContain('FAILED: 1 of 2 scenarios failed (201 s); logs in /home/u/.cache/kafka-platform/runs/run-x');
  });
});
