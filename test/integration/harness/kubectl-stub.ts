import * as fs from 'fs';
import * as path from 'path';

/**
 * What the test stand-ins for the Kubernetes API share (roll/kube-shim.ts, rotation/secret-shim.ts): the `kubectl`
 * a Job finds first on its PATH, which forwards its arguments to the test process over loopback HTTP, and the
 * Secret calls both answer from the run's Secrets (the object the local pods resolve `secretKeyRef` from).
 */

/** Writes `<dir>/kubectl`: arguments one per line to http://127.0.0.1:<port>/kubectl; the answer is "<exit code>\n<output>". */
export function writeKubectlStub(dir: string, port: number, source: string, maxTimeSeconds: number): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'kubectl'), `#!/usr/bin/env bash
# Test stand-in for kubectl (${source}): forwards the arguments to the test process.
resp="$(printf '%s\\n' "$@" | curl -sS --max-time ${maxTimeSeconds} --data-binary @- http://127.0.0.1:${port}/kubectl)" || exit 99
code="\${resp%%$'\\n'*}"
body=""
# An empty answer (a key the Secret lacks) is the code alone: command substitution dropped its newline.
if [[ "$resp" == *$'\\n'* ]]; then body="\${resp#*$'\\n'}"; fi
if [[ "$code" == 0 ]]; then printf '%s' "$body"; else printf '%s' "$body" >&2; fi
exit "$code"
`, { mode: 0o755 });
}

/** `kubectl get secret <name> -o jsonpath={.data.<key>}`: the key, base64 ("" when absent); undefined for any other output format. */
export function secretKeyOutput(secret: Record<string, string>, jsonpath: string | undefined): string | undefined {
  const m = /^jsonpath=\{\.data\.(.+)\}$/.exec(jsonpath ?? '');
  if (!m) return undefined;
  const value = secret[m[1].replace(/\\\./g, '.')];
  return value === undefined ? '' : Buffer.from(value).toString('base64');
}

/** `kubectl patch secret --type merge --patch-file <file>`: merges `data` (base64; null removes a key), as the API server does. Returns the keys, `-key` for removed ones. */
export function mergeSecretPatch(secret: Record<string, string>, patchFile: string): string[] {
  const patch = JSON.parse(fs.readFileSync(patchFile, 'utf8')) as { data: Record<string, string | null> };
  return Object.entries(patch.data).map(([k, v]) => {
    if (v === null) {
      delete secret[k];
      return `-${k}`;
    }
    secret[k] = Buffer.from(v, 'base64').toString('utf8');
    return k;
  });
}
