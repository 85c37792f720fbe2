import * as http from 'http';
import { AddressInfo } from 'net';
import { mergeSecretPatch, secretKeyOutput, writeKubectlStub } from '../harness/kubectl-stub';
import { SecretData } from '../harness/local-cluster';

/**
 * The stand-in for the Kubernetes API of the password rotation scenario (see
 * the README, "How we test HA"): a `kubectl` on the rotation Job's PATH that
 * asks this process, which reads and patches the run's Secrets in place (the
 * same object the local pods, Jobs and test clients resolve `secretKeyRef`
 * from). Only the two calls rotate-passwords.sh makes are answered:
 *
 * - `kubectl get secret <name> --namespace <ns> -o jsonpath={.data.<key>}`: the key, base64 ("" when absent);
 * - `kubectl patch secret <name> --namespace <ns> --type merge --patch-file <file>`: merges `data` (base64).
 *
 * Everything else (the decisions, the Kafka tools) is the synthesized Job.
 */
export class SecretShim {
  public static async start(secrets: SecretData, namespace: string, dir: string): Promise<SecretShim> {
    const shim = new SecretShim(secrets, namespace, dir);
    await new Promise<void>((resolve) => shim.server.listen(0, '127.0.0.1', resolve));
    const port = (shim.server.address() as AddressInfo).port;
    writeKubectlStub(dir, port, 'test/integration/rotation/secret-shim.ts', 60);
    return shim;
  }

  /** Every call, as `verb name` (never a value). */
  public readonly calls: string[] = [];
  private readonly server: http.Server;

  private constructor(private readonly secrets: SecretData, private readonly namespace: string, public readonly dir: string) {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        const [code, out] = this.handle(body.split('\n').slice(0, -1));
        res.end(`${code}\n${out}`);
      });
    });
  }

  public async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(args: string[]): [number, string] {
    const [verb, kind, name] = args;
    const ns = args[args.indexOf('--namespace') + 1];
    if (kind !== 'secret' || !['get', 'patch'].includes(verb)) return [1, `secret-shim: unsupported kubectl ${verb} ${kind}`];
    this.calls.push(`${verb} ${name}`);
    const secret = this.secrets[name];
    if (!secret || ns !== this.namespace) return [1, `Error from server (NotFound): secrets "${name}" not found`];
    if (verb === 'get') {
      const out = secretKeyOutput(secret, args[args.indexOf('-o') + 1]);
      return out === undefined ? [1, 'secret-shim: only -o jsonpath={.data.<key>} is supported'] : [0, out];
    }
    if (args[args.indexOf('--type') + 1] !== 'merge') return [1, 'secret-shim: only --type merge is supported'];
    mergeSecretPatch(secret, args[args.indexOf('--patch-file') + 1]);
    return [0, `secret/${name} patched`];
  }
}
