import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import { K8sObject, podTemplate } from '../harness/k8s';
import { mergeSecretPatch, secretKeyOutput, writeKubectlStub } from '../harness/kubectl-stub';
import { waitReady } from '../harness/kafka-pods';
import { LocalCluster, LocalPod, SecretData } from '../harness/local-cluster';

const HASH_ANNOTATION = 'kafka-platform.io/config-hash';

/**
 * The one stand-in of the roll scenarios, for the Kubernetes API only (see the
 * README, "How we test HA"): a `kubectl` on the roll Job's PATH that asks this
 * process, which answers from the local pods.
 *
 * - `kubectl get pod <name>`: the pod's uid (name + start count), the config
 *   hash of the template it was started from, and Ready = the synthesized
 *   readinessProbe passing now. A pod being deleted is NotFound until it runs again.
 * - `kubectl delete pod <name>`: what the StatefulSet controller does with
 *   `OnDelete`: SIGTERM with the pod's grace period, then a start from the
 *   *current* template (the last `apply`).
 *
 * - `kubectl get statefulset <name> -o jsonpath={.spec.replicas}` and
 *   `kubectl scale statefulset <name> --replicas=<n>` (the scale Job, after
 *   `trackStatefulSets`): what the StatefulSet controller does with
 *   `podManagementPolicy: Parallel`: pods below `n` that do not run start (from
 *   the current template), pods at or above `n` stop (SIGTERM with the grace
 *   period) all at once; the call returns at once, as kubectl does.
 *
 * - `kubectl create/get/replace/delete lease` (the roll Lease): an object store
 *   with the API server's AlreadyExists / NotFound / Conflict (resourceVersion) answers.
 * - `kubectl get secret <name> -o jsonpath={.data.<key>}` (the certificate roll, the
 *   admin password rotation): the Secret as the local pods mount it and resolve
 *   `secretKeyRef` from when they start (`secrets`, shared with LocalCluster);
 *   `kubectl patch secret <name> --type merge --patch-file <file>` (the admin password
 *   rotation) merges `data` into it (base64; null removes a key), as the API server does.
 *
 * Everything else (the decisions, the Kafka tools, the probes) is the synthesized Job.
 */
export class KubeShim {
  public static async start(local: LocalCluster, objects: K8sObject[], namespace: string, dir: string, secrets: SecretData = {}): Promise<KubeShim> {
    const shim = new KubeShim(local, objects, namespace, dir, secrets);
    await new Promise<void>((resolve) => shim.server.listen(0, '127.0.0.1', resolve));
    const port = (shim.server.address() as AddressInfo).port;
    writeKubectlStub(dir, port, 'test/integration/roll/kube-shim.ts', 900);
    return shim;
  }

  /** Pods deleted through the shim, in order. */
  public readonly deletes: string[] = [];
  /** Most pods of the cluster down (deleted and not yet Ready again, or not running) at one time, since the last `apply`. */
  public maxDown = 0;
  /** Pods that did not come back after a delete (the roll then times out; the scenario reports these). */
  public readonly errors: string[] = [];
  /** StatefulSet scale events (`kubectl scale`), in order: the pod, started or stopped, and when. */
  public readonly scaleEvents: Array<{ pod: string; action: 'start' | 'stop'; at: number }> = [];
  /** Replicas of the tracked StatefulSets (the scale Job's view). */
  private readonly replicas = new Map<string, number>();
  /** Called before the pods of a scale-in stop (the scenario takes its snapshot of the cluster there). */
  private beforeStop?: (pods: LocalPod[]) => Promise<void>;
  /** Deleted and not yet Ready again (counted as down). */
  private readonly restarting = new Set<string>();
  /** Deleted and not yet recreated (NotFound). */
  private readonly gone = new Set<string>();
  private readonly startedFrom = new Map<string, string>();
  /** Leases by name: the object as last written, and its resourceVersion. */
  private readonly leases = new Map<string, { obj: K8sObject; version: number }>();
  /** Lease writes, in order ("create <holder>", "replace <holder>", "delete"). */
  public readonly leaseCalls: string[] = [];
  private readonly server: http.Server;
  private readonly monitor: NodeJS.Timeout;

  private constructor(private readonly local: LocalCluster, private readonly objects: K8sObject[], private readonly namespace: string, public readonly dir: string,
    private readonly secrets: SecretData) {
    for (const pod of local.pods) this.startedFrom.set(pod.name, hashOf(pod.workload));
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        this.handle(body.split('\n').slice(0, -1)).then(([code, out]) => res.end(`${code}\n${out}`), (e) => res.end(`98\n${e}`));
      });
    });
    this.monitor = setInterval(() => {
      const down = this.local.pods.filter((p) => this.restarting.has(p.name) || !this.local.isRunning(p)).length;
      this.maxDown = Math.max(this.maxDown, down);
    }, 100);
  }

  /**
   * `kubectl apply` of a new synth: ConfigMaps and templates change, running pods keep what they started with.
   * LocalCluster reads the object list it was created with, so it is updated in place.
   */
  public apply(next: K8sObject[]): void {
    // Counted from here: before the first apply the pods were still starting.
    this.maxDown = 0;
    this.objects.splice(0, this.objects.length, ...next);
    for (const pod of this.local.pods) {
      const workload = next.find((o) => o.kind === pod.workload.kind && o.metadata.name === pod.workload.metadata.name);
      if (workload) (pod as { workload: K8sObject }).workload = workload;
    }
  }

  /** Answers `kubectl get/scale statefulset` for these StatefulSets, starting from these replicas. */
  public trackStatefulSets(replicas: Record<string, number>, beforeStop?: (pods: LocalPod[]) => Promise<void>): void {
    for (const [name, n] of Object.entries(replicas)) this.replicas.set(name, n);
    this.beforeStop = beforeStop;
  }

  /** Current replicas of a tracked StatefulSet. */
  public replicasOf(name: string): number | undefined {
    return this.replicas.get(name);
  }

  /** The config hash the pod runs with (of the template it was last started from). */
  public runningHash(pod: LocalPod): string | undefined {
    return this.startedFrom.get(pod.name);
  }

  public async close(): Promise<void> {
    clearInterval(this.monitor);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handleStatefulSet(verb: string, name: string, ns: string, args: string[]): Promise<[number, string]> {
    const current = this.replicas.get(name);
    if (current === undefined || ns !== this.namespace) return [1, `Error from server (NotFound): statefulsets.apps "${name}" not found`];
    if (verb === 'get') {
      if (!args.includes('jsonpath={.spec.replicas}')) return [1, `kube-shim: unsupported kubectl ${args.join(' ')}`];
      return [0, String(current)];
    }
    const flag = args.find((a) => a.startsWith('--replicas='));
    const want = flag ? Number(flag.slice('--replicas='.length)) : NaN;
    if (!Number.isInteger(want) || want < 0) return [1, `kube-shim: kubectl scale needs --replicas=<n>: ${args.join(' ')}`];
    this.replicas.set(name, want);
    const pods = this.local.pods.filter((p) => p.workload.kind === 'StatefulSet' && p.workload.metadata.name === name);
    const starting = pods.filter((p) => p.ordinal < want && !this.local.isRunning(p));
    const stopping = pods.filter((p) => p.ordinal >= want && this.local.isRunning(p));
    void (async () => {
      try {
        if (stopping.length > 0) await this.beforeStop?.(stopping);
        await Promise.all([
          ...starting.map(async (p) => {
            this.scaleEvents.push({ pod: p.name, action: 'start', at: Date.now() });
            this.startedFrom.set(p.name, hashOf(p.workload));
            await this.local.start(p);
          }),
          ...stopping.map(async (p) => {
            this.scaleEvents.push({ pod: p.name, action: 'stop', at: Date.now() });
            await this.local.stop(p);
          }),
        ]);
      } catch (e) {
        this.errors.push(`scale ${name}: ${(e as Error).message}`);
      }
    })();
    return [0, `statefulset.apps/${name} scaled`];
  }

  private handleLease(verb: string, args: string[]): [number, string] {
    const file = args.includes('-f') ? JSON.parse(fs.readFileSync(args[args.indexOf('-f') + 1], 'utf8')) as K8sObject : undefined;
    const name = file?.metadata.name ?? args[2];
    const current = this.leases.get(name);
    const holder = (o: K8sObject) => (o as { spec: { holderIdentity: string } }).spec.holderIdentity;
    if (verb === 'create') {
      if (current) return [1, `Error from server (AlreadyExists): leases.coordination.k8s.io "${name}" already exists`];
      this.leases.set(name, { obj: file!, version: 1 });
      this.leaseCalls.push(`create ${holder(file!)}`);
      return [0, `lease.coordination.k8s.io/${name} created`];
    }
    if (!current) return [1, `Error from server (NotFound): leases.coordination.k8s.io "${name}" not found`];
    if (verb === 'replace') {
      if ((file!.metadata as { resourceVersion?: string }).resourceVersion !== String(current.version)) return [1, `Error from server (Conflict): Operation cannot be fulfilled on leases.coordination.k8s.io "${name}": the object has been modified`];
      this.leases.set(name, { obj: file!, version: current.version + 1 });
      this.leaseCalls.push(`replace ${holder(file!)}`);
      return [0, `lease.coordination.k8s.io/${name} replaced`];
    }
    if (verb === 'delete') {
      this.leases.delete(name);
      this.leaseCalls.push('delete');
      return [0, `lease.coordination.k8s.io "${name}" deleted`];
    }
    const jsonpath = args.find((a) => a.startsWith('jsonpath='));
    if (jsonpath !== 'jsonpath={.spec.holderIdentity}|{.metadata.annotations.kafka-platform\\.io/renewed-at}|{.metadata.resourceVersion}') return [1, `kube-shim: unsupported kubectl ${args.join(' ')}`];
    return [0, `${holder(current.obj)}|${current.obj.metadata.annotations?.['kafka-platform.io/renewed-at'] ?? ''}|${current.version}`];
  }

  private handleSecret(name: string, args: string[]): [number, string] {
    const secret = this.secrets[name];
    if (!secret) return [1, `Error from server (NotFound): secrets "${name}" not found`];
    const out = secretKeyOutput(secret, args.find((a) => a.startsWith('jsonpath=')));
    return out === undefined ? [1, `kube-shim: unsupported kubectl ${args.join(' ')}`] : [0, out];
  }

  /** Every Secret patch, in order: the Secret and the keys it set or removed (never a value). */
  public readonly secretPatches: string[] = [];

  private patchSecret(name: string, args: string[]): [number, string] {
    const secret = this.secrets[name];
    if (!secret) return [1, `Error from server (NotFound): secrets "${name}" not found`];
    if (args[args.indexOf('--type') + 1] !== 'merge' || !args.includes('--patch-file')) return [1, `kube-shim: unsupported kubectl ${args.join(' ')}`];
    this.secretPatches.push(`${name}: ${mergeSecretPatch(secret, args[args.indexOf('--patch-file') + 1]).join(' ')}`);
    return [0, `secret/${name} patched`];
  }

  private async handle(args: string[]): Promise<[number, string]> {
    const [verb, kind, name] = args;
    const ns = args[args.indexOf('--namespace') + 1];
    if (kind === 'lease' || (['create', 'replace'].includes(verb) && kind === '-f')) return this.handleLease(verb, args);
    if (kind === 'secret' && verb === 'get' && ns === this.namespace) return this.handleSecret(name, args);
    if (kind === 'secret' && verb === 'patch' && ns === this.namespace) return this.patchSecret(name, args);
    if (kind === 'statefulset' && ['get', 'scale'].includes(verb)) return this.handleStatefulSet(verb, name, ns, args);
    const pod = this.local.pods.find((p) => p.name === name);
    if (kind !== 'pod' || !['get', 'delete'].includes(verb)) return [1, `kube-shim: unsupported kubectl ${args.join(' ')}`];
    if (!pod || ns !== this.namespace || this.gone.has(name)) return [1, `Error from server (NotFound): pods "${name}" not found`];
    if (verb === 'get' && args.includes('jsonpath={.metadata.uid}')) return [0, `${pod.name}-${pod.starts}`];
    if (verb === 'get') {
      const ready = this.local.isRunning(pod) && (await this.local.probe(pod, 'readinessProbe')).ok;
      return [0, `${pod.name}-${pod.starts}|${this.startedFrom.get(pod.name) ?? ''}|${ready ? 'True' : 'False'}`];
    }
    this.deletes.push(name);
    this.restarting.add(name);
    this.gone.add(name);
    void (async () => {
      try {
        await this.local.stop(pod);
        this.startedFrom.set(pod.name, hashOf(pod.workload));
        await this.local.start(pod);
        this.gone.delete(name);
        await waitReady(this.local, pod);
      } catch (e) {
        this.errors.push(`${name}: ${(e as Error).message}`);
      } finally {
        this.gone.delete(name);
        this.restarting.delete(name);
      }
    })();
    return [0, `pod "${name}" deleted`];
  }
}

function hashOf(workload: K8sObject): string {
  return podTemplate(workload).metadata?.annotations?.[HASH_ANNOTATION] ?? '';
}
