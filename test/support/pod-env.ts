/**
 * Resolves a synthesized pod template's container environment the way the
 * kubelet does (fieldRef, secretKeyRef, configMapKeyRef, `$(VAR)` expansion),
 * so tests and local harnesses run generated scripts with exactly the values a
 * pod would see, and override only what must change locally (paths, hosts,
 * ports).
 */
export interface PodEnvOptions {
  /** Pod name (drives the node ID via the ordinal suffix). */
  readonly podName: string;
  readonly namespace: string;
  /** Secret contents by Secret name, then key. */
  readonly secrets?: Record<string, Record<string, string>>;
  /** ConfigMap contents by name, then key. */
  readonly configMaps?: Record<string, Record<string, string>>;
  /** Values that replace the resolved ones (applied before `$(VAR)` expansion of later variables). */
  readonly overrides?: Record<string, string>;
}

export function resolveContainerEnv(container: any, options: PodEnvOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of container.env ?? []) {
    const name: string = entry.name;
    let value: string;
    if (options.overrides && name in options.overrides) {
      value = options.overrides[name];
    } else if (entry.value !== undefined) {
      // Kubernetes expands $(VAR) with variables defined earlier in the list; $$ escapes.
      value = String(entry.value).replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v) => (m === '$$' ? '$' : v in env ? env[v] : m));
    } else if (entry.valueFrom?.fieldRef) {
      const path = entry.valueFrom.fieldRef.fieldPath;
      if (path === 'metadata.name') value = options.podName;
      else if (path === 'metadata.namespace') value = options.namespace;
      else throw new Error(`unsupported fieldRef ${path}`);
    } else if (entry.valueFrom?.secretKeyRef) {
      const { name: secret, key } = entry.valueFrom.secretKeyRef;
      const v = options.secrets?.[secret]?.[key];
      // Kubernetes leaves an optional reference to a missing key unset.
      if (v === undefined && entry.valueFrom.secretKeyRef.optional === true) continue;
      if (v === undefined) throw new Error(`env ${name}: no value for Secret ${secret} key ${key}`);
      value = v;
    } else if (entry.valueFrom?.configMapKeyRef) {
      const { name: cm, key } = entry.valueFrom.configMapKeyRef;
      const v = options.configMaps?.[cm]?.[key];
      if (v === undefined) throw new Error(`env ${name}: no value for ConfigMap ${cm} key ${key}`);
      value = v;
    } else {
      throw new Error(`env ${name}: unsupported source ${JSON.stringify(entry)}`);
    }
    env[name] = value;
  }
  for (const [k, v] of Object.entries(options.overrides ?? {})) if (!(k in env)) env[k] = v;
  return env;
}
