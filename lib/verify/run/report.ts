import { Figures } from '../scenarios/scenario';

export interface ScenarioReport {
  readonly name: string;
  readonly passed: boolean;
  readonly seconds: number;
  /** Why it failed (first lines of the error). */
  readonly error?: string;
  readonly figures: Figures;
  /** Acknowledged and consumed counts, for scenarios that produce (also inside `figures`). */
  readonly acknowledged?: number;
  readonly consumed?: number;
}

/** What `verify` reports, on the terminal as a table and with `--json` as this object. */
export interface VerifyReport {
  readonly directory: string;
  readonly cluster: string;
  readonly mode: 'kraft' | 'zookeeper';
  readonly kafkaVersion: string;
  readonly passed: boolean;
  readonly seconds: number;
  readonly facts: Record<string, number | string>;
  readonly scenarios: ScenarioReport[];
  /** Logs of every process of the run (kept when something failed). */
  readonly logs?: string;
}

/** Figures shown in the table, most telling first; the rest are in `--json`. */
const HEADLINE = ['acknowledged', 'consumed', 'missing', 'refused', 'electionS', 'catchUpS', 'leadersMovedS', 'quorumLeader', 'ensemble',
  'brokers', 'racks', 'declaredTopics', 'defaultRf', 'defaultMinIsr', 'newLeader', 'topicCreatedAfterS'];

const LABELS: Record<string, string> = {
  electionS: 'election s', catchUpS: 'catch-up s', leadersMovedS: 'leaders moved s', quorumLeader: 'quorum leader',
  declaredTopics: 'declared topics', defaultRf: 'default RF', defaultMinIsr: 'default min ISR', newLeader: 'new leader',
  topicCreatedAfterS: 'topic created after s',
};

function figureText(figures: Figures): string {
  const keys = [...HEADLINE.filter((k) => k in figures)];
  return keys.map((k) => `${LABELS[k] ?? k} ${figures[k]}`).join(', ');
}

/** The final table: scenario, result, duration, headline figures; failures with their reason underneath. */
export function renderReportTable(report: VerifyReport): string {
  const rows = report.scenarios.map((s) => [s.name, s.passed ? 'PASS' : 'FAIL', `${s.seconds.toFixed(1)} s`, figureText(s.figures)]);
  const head = ['scenario', 'result', 'time', 'figures'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [
    '',
    `kafka-platform verify: ${report.cluster} (${report.mode === 'kraft' ? 'KRaft' : 'ZooKeeper mode'}, Kafka ${report.kafkaVersion}) from ${report.directory}`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
  ];
  for (const [i, s] of report.scenarios.entries()) {
    out.push(line(rows[i]));
    if (s.error) out.push(...s.error.split('\n').slice(0, 4).map((l) => `    ${l}`));
  }
  const failed = report.scenarios.filter((s) => !s.passed).length;
  out.push('', failed === 0
    ? `PASSED: ${report.scenarios.length} of ${report.scenarios.length} scenarios in ${report.seconds.toFixed(0)} s`
    : `FAILED: ${failed} of ${report.scenarios.length} scenarios failed (${report.seconds.toFixed(0)} s)${report.logs ? `; logs in ${report.logs}` : ''}`);
  return `${out.join('\n')}\n`;
}
