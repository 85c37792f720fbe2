import { UsageError } from '../../lib/verify/errors';
import { parseArgs } from '../../lib/verify/cli/args';

describe('kafka-platform argument parsing', () => {
  test('verify with no arguments leaves DIR, scenarios, json and kafka home to their defaults', () => {
    expect(parseArgs(['verify'])).toEqual({ kind: 'verify', directory: undefined, scenarios: undefined, json: undefined, kafkaHome: undefined });
  });

  test('DIR and every option, in both --flag value and --flag=value spellings', () => {
    expect(parseArgs(['verify', 'cdktf.out/gitops/kafka', '--scenarios', 'form,refuse', '--json=out/report.json', '--kafka-home', '/opt/kafka']))
      .toEqual({ kind: 'verify', directory: 'cdktf.out/gitops/kafka', scenarios: ['form', 'refuse'], json: 'out/report.json', kafkaHome: '/opt/kafka' });
    expect(parseArgs(['verify', '--scenarios=zone-loss']).kind === 'verify' && (parseArgs(['verify', '--scenarios=zone-loss']) as any).scenarios).toEqual(['zone-loss']);
  });

  test('scenario lists are trimmed and de-duplicated in the order given', () => {
    expect((parseArgs(['verify', '--scenarios', ' refuse, form ,refuse']) as any).scenarios).toEqual(['refuse', 'form']);
  });

  test('help and version', () => {
    expect(parseArgs([])).toEqual({ kind: 'help' });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['verify', '-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  });

  test.each([
    [['deploy'], /unknown command 'deploy'/],
    [['verify', '--scenarios'], /--scenarios needs a value/],
    [['verify', '--json', '--scenarios', 'form'], /--json needs a value/],
    [['verify', '--scenarios', ','], /at least one scenario/],
    [['verify', '--fast'], /unknown option --fast/],
    [['verify', 'a', 'b'], /one directory at a time: got a and b/],
  ])('%j is a UsageError: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
