/** Container env entries. */

/** Env var reading one key of a Secret: credentials never appear in the manifests. */
export function secretEnv(name: string, secretName: string, key: string): Record<string, any> {
  return { name, valueFrom: { secretKeyRef: { name: secretName, key } } };
}

export function plainEnv(name: string, value: string): Record<string, any> {
  return { name, value };
}

/** Env var set from the pod's own fields (pod IP, name). */
export function fieldEnv(name: string, fieldPath: string): Record<string, any> {
  return { name, valueFrom: { fieldRef: { fieldPath } } };
}
