import { SampleSeries } from './model';

/** Helpers that write PromQL selectors and promtool sample series. */

export function str(value: string): string {
  return JSON.stringify(value);
}

export function regexAlternation(values: string[]): string {
  return values.map(v => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

function labelsText(labels: Record<string, string>): string {
  return '{' + Object.entries(labels).map(([k, v]) => `${k}=${str(v)}`).join(',') + '}';
}

export function sample(metric: string, labels: Record<string, string>, values: string): SampleSeries {
  return { series: `${metric}${labelsText(labels)}`, values };
}
