import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** One recorded invocation of a fake tool. */
export interface ToolCall {
  readonly tool: string;
  readonly args: string[];
  /** Selected environment variables as the tool saw them. */
  readonly env: Record<string, string>;
  /** For kafka-server-start.sh / zkServer.sh: the contents of the properties file it was given. */
  readonly config?: string;
  /** Contents of the file passed with --command-config, read while the tool ran. */
  readonly commandConfig?: string;
  /** Standard input, when the tool was given `-` as an argument (e.g. `kubectl create -f -`). */
  readonly stdin?: string;
}

/**
 * A fake Kafka installation: `$KAFKA_HOME/bin/<tool>.sh` stubs that record
 * their arguments (one JSON line per call) and exit with a configurable code,
 * plus fake `kubectl`/`openssl` on PATH. Scripts under test run unmodified.
 */
export class FakeTools {
  public readonly root: string;
  public readonly kafkaHome: string;
  public readonly binDir: string;
  private readonly logFile: string;
  /** Fake tool bodies can `cat "$FAKE_LAST_STDIN"` to echo what the tool read from stdin. */
  public readonly lastStdinFile: string;

  constructor() {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-fake-'));
    this.kafkaHome = path.join(this.root, 'kafka');
    this.binDir = path.join(this.root, 'bin');
    this.logFile = path.join(this.root, 'calls.jsonl');
    this.lastStdinFile = path.join(this.root, 'last-stdin');
    fs.mkdirSync(path.join(this.kafkaHome, 'bin'), { recursive: true });
    fs.mkdirSync(this.binDir, { recursive: true });
    fs.writeFileSync(this.logFile, '');
  }

  /**
   * Installs a fake tool. `body` is bash run after recording; it may print
   * output and choose the exit code (default: exit 0). `kafka` tools go to
   * $KAFKA_HOME/bin, others to the PATH directory.
   */
  public install(tool: string, body = 'exit 0', where: 'kafka' | 'path' = 'kafka'): void {
    const file = path.join(where === 'kafka' ? path.join(this.kafkaHome, 'bin') : this.binDir, tool);
    const script = `#!/usr/bin/env bash
node -e '
const fs = require("fs");
const [tool, log, ...args] = process.argv.slice(1);
const env = {};
for (const k of ["KAFKA_OPTS", "KAFKA_HEAP_OPTS", "LOG_DIR", "ZOOCFGDIR"]) if (process.env[k] !== undefined) env[k] = process.env[k];
const call = { tool, args, env };
if (tool === "kafka-server-start.sh" || tool === "zkServer.sh") { const f = args[args.length - 1]; try { call.config = fs.readFileSync(f, "utf8"); } catch (e) { call.config = "UNREADABLE " + f; } }
const cc = args.indexOf("--command-config");
if (cc >= 0) { try { call.commandConfig = fs.readFileSync(args[cc + 1], "utf8"); } catch (e) { call.commandConfig = "UNREADABLE"; } }
if (args.includes("-")) { call.stdin = fs.readFileSync(0, "utf8"); fs.writeFileSync(process.env.FAKE_LAST_STDIN, call.stdin); }
fs.appendFileSync(log, JSON.stringify(call) + "\\n");
' "${tool}" "${this.logFile}" "$@"
${body}
`;
    fs.writeFileSync(file, script, { mode: 0o755 });
  }

  public calls(tool?: string): ToolCall[] {
    const lines = fs.readFileSync(this.logFile, 'utf8').split('\n').filter(Boolean);
    const calls: ToolCall[] = lines.map(l => JSON.parse(l));
    return tool ? calls.filter(c => c.tool === tool) : calls;
  }

  /** Runs `bash script` with exactly `env` (plus PATH with the fakes first, HOME, KAFKA_HOME), killed after `timeoutMs`. */
  public run(script: string, env: Record<string, string>, args: string[] = [], timeoutMs = 30000): { status: number; stdout: string; stderr: string } {
    const result = spawnSync('bash', [script, ...args], {
      env: { PATH: `${this.binDir}:${process.env.PATH}`, HOME: this.root, KAFKA_HOME: this.kafkaHome, FAKE_LAST_STDIN: this.lastStdinFile, ...env },
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  public cleanup(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
