/**
 * The API server's syntax for names, label keys and label values, in one
 * place. Anything that becomes one of them is checked here first: a refused
 * object fails at apply time, long after synth, or (a StatefulSet name too
 * long for its `controller-revision-hash` label) creates no pods at all.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** The controller appends `-<10-character hash>` to a StatefulSet's name in the `controller-revision-hash` label (at most 63). */
export const MAX_STATEFULSET_NAME_LENGTH = 52;

/** Whether `name` is a DNS-1123 label of at most `maxLength` characters (callers with their own wording). */
export function isDnsLabel(name: string, maxLength = 63): boolean {
  return typeof name === 'string' && DNS_LABEL.test(name) && name.length <= maxLength;
}

/** Why `name` is not a DNS-1123 label (Service, namespace names, host name parts), or undefined. */
export function dnsLabelProblem(name: string, maxLength = 63): string | undefined {
  if (DNS_LABEL.test(name) && name.length <= maxLength) return undefined;
  return `${JSON.stringify(name)} is not a DNS label (lower-case letters, digits and "-", at most ${maxLength} characters)`;
}

/** Why `name` is not a DNS-1123 subdomain (most object names, domains), or undefined. */
export function dnsSubdomainProblem(name: string, maxLength = 253): string | undefined {
  if (DNS_SUBDOMAIN.test(name) && name.length <= maxLength && name.split('.').every(l => l.length <= 63)) return undefined;
  return `${JSON.stringify(name)} is not a DNS subdomain (dot-separated lower-case labels of at most 63 characters, at most ${maxLength} in all)`;
}

/** Why `key` is not a label or annotation key (`[prefix/]name`), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefixOk = prefix === undefined || dnsSubdomainProblem(prefix) === undefined;
  if (prefixOk && LABEL_NAME.test(name) && name.length <= 63) return undefined;
  return `${JSON.stringify(key)} is not a label key ([DNS-subdomain prefix/]name of at most 63 letters, digits, "-", "_", ".")`;
}

/** Why `value` is not a label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (typeof value === 'string' && value.length <= 63 && (value === '' || LABEL_NAME.test(value))) return undefined;
  return `${JSON.stringify(value)} is not a label value (at most 63 letters, digits, "-", "_", ".", starting and ending alphanumeric)`;
}

/** Problems of a label map under prop `prop`: one per bad key or value. */
export function labelMapProblems(prop: string, labels: Record<string, string> | undefined): Array<{ prop: string; problem: string }> {
  const problems: Array<{ prop: string; problem: string }> = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    const problem = labelKeyProblem(k) ?? labelValueProblem(v);
    if (problem) problems.push({ prop: `${prop}[${JSON.stringify(k)}]`, problem });
  }
  return problems;
}
