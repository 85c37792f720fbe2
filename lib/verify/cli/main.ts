import * as fs from 'fs';
import * as path from 'path';
import { VerifyError } from '../errors';
import { renderReportTable } from '../run/report';
import { verify } from '../verify';
import { parseArgs } from './args';
import { helpText } from './help';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

function packageVersion(): string {
  for (const candidate of [path.join(__dirname, '..', '..', '..', 'package.json'), path.join(__dirname, '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8'));
      if (pkg.name === 'cdktf-kafka-platform') return String(pkg.version);
    } catch {
      // next candidate
    }
  }
  return 'unknown';
}

/** Runs the CLI; resolves with the exit code (0 passed, 1 failed, 2 could not run). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    if (cmd.kind === 'help') {
      io.stdout(helpText());
      return 0;
    }
    if (cmd.kind === 'version') {
      io.stdout(`${packageVersion()}\n`);
      return 0;
    }
    const report = await verify({ directory: cmd.directory, scenarios: cmd.scenarios, kafkaHome: cmd.kafkaHome, cwd: io.cwd, env: io.env, write: io.stdout });
    io.stdout(renderReportTable(report));
    if (cmd.json) {
      const file = path.resolve(io.cwd, cmd.json);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(report, undefined, 2)}\n`);
      io.stdout(`report written to ${cmd.json}\n`);
    }
    return report.passed ? 0 : 1;
  } catch (e) {
    if (e instanceof VerifyError) {
      io.stderr(`kafka-platform: ${e.problem}\nFix: ${e.fix}\n`);
      return 2;
    }
    io.stderr(`kafka-platform: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: process.cwd(), env: process.env,
  }).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`kafka-platform: ${e}\n`);
    process.exitCode = 1;
  });
}
