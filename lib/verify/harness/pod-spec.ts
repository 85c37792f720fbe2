/* eslint-disable @typescript-eslint/no-explicit-any */
/** Pod-spec semantics the kubelet provides and a local run must reproduce. */

/** Kubernetes `$(VAR)` expansion in env values, command and args (`$$` escapes). */
export function expandK8sVars(s: string, env: Record<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name?: string) => {
    if (m === '$$') return '$';
    return name !== undefined && name in env ? env[name] : m;
  });
}

export function resourceField(container: any, ref: { resource: string; divisor?: string }): string | undefined {
  const [kind, what] = ref.resource.split('.');
  const q = container.resources?.[kind]?.[what];
  if (q === undefined) return undefined;
  if (what === 'memory') {
    const m = /^(\d+)(Ki|Mi|Gi)?$/.exec(String(q));
    const mult = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }[m?.[2] ?? ''] ?? 1;
    return String(Number(m?.[1] ?? q) * mult);
  }
  return String(q);
}

/** Zone a pod template is pinned to (nodeSelector or required nodeAffinity on topology.kubernetes.io/zone). */
export function zoneOf(spec: any): string | undefined {
  const key = 'topology.kubernetes.io/zone';
  if (spec.nodeSelector?.[key]) return spec.nodeSelector[key];
  for (const term of spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const expr of term.matchExpressions ?? []) {
      if (expr.key === key && expr.operator === 'In' && expr.values?.length === 1) return expr.values[0];
    }
  }
  return undefined;
}
