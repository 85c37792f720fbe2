import { UsageError } from '../errors';

/** What the command line asks for. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
    readonly kind: 'verify';
    readonly directory?: string;
    readonly scenarios?: string[];
    readonly json?: string;
    readonly kafkaHome?: string;
  };

/** Value of `--name value` or `--name=value`; advances the index past it. */
function valueOf(args: readonly string[], i: number, name: string): { value: string; next: number } {
  const arg = args[i];
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), next: i };
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return { value, next: i + 1 };
}

/** Parses `kafka-platform <command> [options]` (argv without node and the script). */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { kind: 'help' };
  if (argv[0] === '--version' || argv[0] === 'version') return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'verify') throw new UsageError(`unknown command '${command}'`, 'the command is `kafka-platform verify [DIR]`; see `kafka-platform --help`');
  let directory: string | undefined;
  let scenarios: string[] | undefined;
  let json: string | undefined;
  let kafkaHome: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const flag = arg.split('=')[0];
    if (flag === '--scenarios') {
      const { value, next } = valueOf(rest, i, flag);
      scenarios = value.split(',').map((s) => s.trim()).filter(Boolean);
      if (scenarios.length === 0) throw new UsageError('--scenarios needs at least one scenario name');
      i = next;
    } else if (flag === '--json') {
      ({ value: json, next: i } = valueOf(rest, i, flag));
    } else if (flag === '--kafka-home') {
      ({ value: kafkaHome, next: i } = valueOf(rest, i, flag));
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (directory === undefined) {
      directory = arg;
    } else {
      throw new UsageError(`one directory at a time: got ${directory} and ${arg}`, 'run verify once per GitOps directory');
    }
  }
  return { kind: 'verify', directory, scenarios: scenarios ? [...new Set(scenarios)] : undefined, json, kafkaHome };
}
