/* eslint-disable @typescript-eslint/no-explicit-any */
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { K8sObject } from './k8s';
import { LocalPod } from './local-cluster';
import { run } from './processes';
import { Sample } from './kafka-pods';

/** The synthesized Prometheus config (prometheus.yml of the server's ConfigMap). */
export function synthesizedPrometheusConfig(objects: K8sObject[]): any {
  for (const o of objects) {
    if (o.kind !== 'ConfigMap') continue;
    for (const [k, v] of Object.entries(o.data ?? {})) if (k === 'prometheus.yml') return parse(v);
  }
  throw new Error('no synthesized ConfigMap carries prometheus.yml');
}

/** Every alerting rule of the synthesized rule files (`*.rules.yaml` in ConfigMaps). */
export function synthesizedAlertRules(objects: K8sObject[]): Array<{ alert: string; expr: string }> {
  const rules: Array<{ alert: string; expr: string }> = [];
  for (const o of objects) {
    if (o.kind !== 'ConfigMap') continue;
    for (const [k, v] of Object.entries(o.data ?? {})) {
      if (!/\.rules\.ya?ml$/.test(k)) continue;
      for (const g of parse(v).groups ?? []) for (const r of g.rules ?? []) if (r.alert) rules.push({ alert: r.alert, expr: String(r.expr) });
    }
  }
  if (rules.length === 0) throw new Error('no alert rules in the synthesized objects');
  return rules;
}

const PROMQL_WORDS = new Set(['sum', 'min', 'max', 'avg', 'count', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless',
  'bool', 'offset', 'rate', 'irate', 'increase', 'delta', 'vector', 'scalar', 'abs', 'absent', 'time', 'topk', 'bottomk', 'quantile', 'stddev', 'stdvar',
  'count_values', 'label_replace', 'label_join', 'histogram_quantile', 'clamp_min', 'clamp_max', 'predict_linear', 'deriv', 'changes', 'resets',
  'avg_over_time', 'max_over_time', 'min_over_time', 'sum_over_time', 'count_over_time', 'last_over_time', 'round', 'ceil', 'floor', 'sort', 'sort_desc', 'inf', 'nan']);

/** Metric names a PromQL expression reads (identifiers outside label matchers, grouping clauses and strings). */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:\\.|[^"\\])*"/g, '""')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '$1()')
    .replace(/\[[^\]]*\]/g, '[]');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const word = m[0];
    const after = stripped.slice((m.index ?? 0) + word.length).trimStart();
    // Operators, functions and keywords (`sum by (x) (...)`, `rate(...)`, `or`, `bool`) are not metrics.
    if (PROMQL_WORDS.has(word.toLowerCase())) continue;
    // A bare word followed by `(` is a function we do not list: not a metric either.
    if (after.startsWith('(')) continue;
    if (/^\d/.test(word)) continue;
    names.add(word);
  }
  return [...names];
}

/**
 * The target labels Prometheus would give a pod's samples under a scrape job
 * of the synthesized config: the Kubernetes SD meta labels of the pod run
 * through the job's relabel_configs (keep, drop, replace). Undefined when the
 * job does not keep the pod.
 */
export function targetLabels(job: any, pod: LocalPod, meta: { namespace: string; port: number; node: string }): Record<string, string> | undefined {
  const labels: Record<string, string> = {
    __meta_kubernetes_pod_name: pod.name,
    __meta_kubernetes_namespace: meta.namespace,
    __meta_kubernetes_pod_container_port_number: String(meta.port),
    __meta_kubernetes_pod_phase: 'Running',
    __meta_kubernetes_pod_node_name: meta.node,
    __address__: `127.0.0.1:${meta.port}`,
    __metrics_path__: job.metrics_path ?? '/metrics',
  };
  for (const [k, v] of Object.entries(pod.labels)) labels[`__meta_kubernetes_pod_label_${k.replace(/[^a-zA-Z0-9_]/g, '_')}`] = v;
  for (const rc of job.relabel_configs ?? []) {
    const value = (rc.source_labels ?? []).map((l: string) => labels[l] ?? '').join(rc.separator ?? ';');
    const re = new RegExp(`^(?:${rc.regex ?? '(.*)'})$`);
    const action = rc.action ?? 'replace';
    if (action === 'keep' && !re.test(value)) return undefined;
    if (action === 'drop' && re.test(value)) return undefined;
    if (action === 'replace') {
      const m = re.exec(value);
      if (m) labels[rc.target_label] = (rc.replacement ?? '$1').replace(/\$\{?(\d+)\}?/g, (_: string, i: string) => m[Number(i)] ?? '');
    } else if (action !== 'keep' && action !== 'drop') {
      throw new Error(`relabel action ${action} is not emulated`);
    }
  }
  const out: Record<string, string> = { job: job.job_name, instance: labels.__address__ };
  for (const [k, v] of Object.entries(labels)) if (!k.startsWith('__')) out[k] = v;
  return out;
}

function seriesSelector(name: string, labels: Record<string, string>): string {
  return `${name}{${Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`;
}

/**
 * Evaluates a PromQL expression over the scraped samples with `promtool test
 * rules` and returns how many series it yields (0 = the alert would not
 * fire). The samples become constant input series (with the target labels
 * their scrape job gives them, plus `up`), and promtool evaluates
 * `count(EXPR) or vector(0)`; the answer is confirmed by a second promtool
 * run that expects exactly it. Nothing here interprets PromQL itself.
 */
export async function evaluateWithPromtool(dir: string, expr: string, scraped: Array<{ target: Record<string, string>; samples: Sample[] }>): Promise<number> {
  fs.mkdirSync(dir, { recursive: true });
  const series: Array<{ series: string; values: string }> = [];
  for (const s of scraped) {
    series.push({ series: seriesSelector('up', s.target), values: '1x10' });
    for (const sample of s.samples) {
      if (!Number.isFinite(sample.value)) continue;
      series.push({ series: seriesSelector(sample.name, { ...sample.labels, ...s.target }), values: `${sample.value}x10` });
    }
  }
  const wrapped = `count(${expr}) or vector(0)`;
  const attempt = async (candidate: number) => {
    const file = path.join(dir, `eval-${candidate}.test.yaml`);
    fs.writeFileSync(file, stringify({
      rule_files: [],
      evaluation_interval: '1m',
      tests: [{ interval: '1m', input_series: series, promql_expr_test: [{ expr: wrapped, eval_time: '5m', exp_samples: [{ labels: '{}', value: candidate }] }] }],
    }));
    return run(['promtool', 'test', 'rules', file], { timeoutMs: 60_000 });
  };
  // Ask promtool whether the answer is 0; if not, it prints what it got; confirm that answer with a second run.
  const first = await attempt(0);
  if (first.code === 0) return 0;
  const got = /got:\s*\{\}\s*([0-9.eE+-]+)/.exec(first.stdout + first.stderr);
  if (!got) throw new Error(`promtool could not evaluate ${expr}:\n${first.stdout}${first.stderr}`);
  const value = Number(got[1]);
  const confirm = await attempt(value);
  if (confirm.code !== 0) throw new Error(`promtool did not confirm ${value} for ${expr}:\n${confirm.stdout}${confirm.stderr}`);
  return value;
}
