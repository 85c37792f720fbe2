/* eslint-disable @typescript-eslint/no-explicit-any */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { byKind, K8sObject, matches, podTemplate } from './k8s-objects';
import { KafkaHome } from './kafka-home';
import { freePorts, kill9, nonLoopbackListeners, portOpen, run, RunResult, startDetached, Started, terminate } from './processes';
import { expandK8sVars, resourceField, zoneOf } from './pod-spec';
import { hostRulesAsSed, LocalPodAddress, LocalServiceAddress, RewriteContext, rewriteEnvValue, rewriteForLocalRun } from './rewrite';

/** Secrets by name -> key -> value (what the in-cluster Secret bootstrap would have created). */
export type SecretData = Record<string, Record<string, string>>;

export interface LocalClusterOptions {
  /** Run directory name under `<KAFKA_HOME>/../run` (wiped on create). */
  readonly runDir: string;
  readonly objects: K8sObject[];
  readonly kafkaHome: KafkaHome;
  /**
   * Kafka homes of other images (image -> home): a container of that image sees its home as /opt/kafka, as a pod of
   * that image would (an upgrade runs two Kafka releases). Others see `kafkaHome`. @default {}
   */
  readonly kafkaHomes?: Readonly<Record<string, KafkaHome>>;
  readonly secrets: SecretData;
  /** Heap for every JVM we start (rewrite.ts 5.). */
  readonly heapOpts: string;
  /** @default 'cluster.local' */
  readonly clusterDomain?: string;
  /** Which StatefulSets/Deployments to run (the others, e.g. Prometheus, are not started). @default all */
  readonly include?: (workload: K8sObject) => boolean;
  /**
   * Directories of the container image that are not volumes (e.g. the Confluent
   * image's plugin dirs /usr/share/java), mapped to local ones: this host's
   * /usr/share/java is not the image's. @default {}
   */
  readonly imageDirs?: Record<string, string>;
  /** Directories prepended to PATH: the image's commands (e.g. `connect-distributed`), per workload (its image). @default [] */
  readonly imagePath?: (workload: K8sObject) => string[];
  /** URL prefix -> local URL prefix (rewrite.ts 6.: Maven Central to a loopback mirror). @default {} */
  readonly urlRewrites?: Record<string, string>;
  /** Extra env for every Kafka container (e.g. KP_EXTERNAL_ADVERTISED_HOST, a documented knob of kafka-start.sh). @default {} */
  readonly extraEnv?: Record<string, string>;
}

/** One pod of a StatefulSet, run as local processes. */
export interface LocalPod {
  readonly name: string;
  readonly ordinal: number;
  readonly workload: K8sObject;
  readonly labels: Record<string, string>;
  readonly address: LocalPodAddress;
  /** Persistent volumes (volumeClaimTemplates) survive restarts; emptyDirs do not. */
  readonly dir: string;
  /** Zone from the pod's node affinity / node selector, when pinned. */
  readonly zone?: string;
  process?: Started;
  starts: number;
}

interface Mount { readonly mountPath: string; readonly hostPath: string }

/**
 * Runs the synthesized StatefulSets' pods as local processes: init containers
 * to completion, then the main container's command, with env vars, volumes
 * and probes as the pod spec declares them, through rewrite.ts.
 */
export class LocalCluster {
  public static async create(opts: LocalClusterOptions): Promise<LocalCluster> {
    const root = path.join(opts.kafkaHome.dir, '..', 'run', opts.runDir);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    const sets = [...byKind(opts.objects, 'StatefulSet'), ...byKind(opts.objects, 'Deployment')].filter((w) => (opts.include ? opts.include(w) : true));
    const plans: Array<{ workload: K8sObject; ordinal: number; name: string; ports: number[]; labels: Record<string, string>; zone?: string }> = [];
    for (const sts of sets) {
      const template = podTemplate(sts);
      const ports = [...new Set<number>((template.spec.containers ?? []).flatMap((c: any) => (c.ports ?? []).map((p: any) => p.containerPort)))];
      for (let ordinal = 0; ordinal < (sts.spec.replicas ?? 1); ordinal++) {
        plans.push({ workload: sts, ordinal, name: `${sts.metadata.name}-${ordinal}`, ports, labels: template.metadata?.labels ?? {}, zone: zoneOf(template.spec) });
      }
    }
    const local = await freePorts(plans.reduce((n, p) => n + p.ports.length, 0));
    let next = 0;
    const pods: LocalPod[] = plans.map((p) => {
      const portMap = new Map<number, number>(p.ports.map((cp) => [cp, local[next++]]));
      const address: LocalPodAddress = { name: p.name, namespace: p.workload.metadata.namespace ?? 'default', headlessService: p.workload.spec.serviceName, ports: portMap };
      const dir = path.join(root, 'pods', p.name);
      fs.mkdirSync(dir, { recursive: true });
      return { name: p.name, ordinal: p.ordinal, workload: p.workload, labels: p.labels, address, dir, zone: p.zone, starts: 0 };
    });
    return new LocalCluster(opts, root, pods);
  }

  public readonly services: LocalServiceAddress[];
  private readonly clusterDomain: string;

  private constructor(private readonly opts: LocalClusterOptions, public readonly root: string, public readonly pods: LocalPod[]) {
    this.clusterDomain = opts.clusterDomain ?? 'cluster.local';
    this.services = byKind(opts.objects, 'Service')
      .filter((s) => s.spec?.clusterIP !== 'None' && s.spec?.selector)
      .map((s) => {
        const selected = pods.filter((p) => matches(s.spec.selector, p.labels));
        const ports = new Map<number, number[]>();
        // A Service of a workload we do not run (Prometheus, the lag exporter) stays unresolved.
        for (const sp of selected.length > 0 ? s.spec.ports ?? [] : []) {
          const target = this.containerPortFor(selected[0], sp.targetPort ?? sp.port);
          ports.set(sp.port, selected.map((p) => p.address.ports.get(target)).filter((x): x is number => x !== undefined));
        }
        return { name: s.metadata.name, namespace: s.metadata.namespace ?? 'default', ports };
      });
  }

  /** Pods whose labels include `selector`, in StatefulSet then ordinal order. */
  public select(selector: Record<string, string>): LocalPod[] {
    return this.pods.filter((p) => matches(selector, p.labels));
  }

  public pod(name: string): LocalPod {
    const p = this.pods.find((x) => x.name === name);
    if (!p) throw new Error(`no pod ${name}; have ${this.pods.map((x) => x.name).join(', ')}`);
    return p;
  }

  /** The local port of a pod's container port. */
  public port(pod: LocalPod, containerPort: number): number {
    const p = pod.address.ports.get(containerPort);
    if (p === undefined) throw new Error(`${pod.name} declares no container port ${containerPort}`);
    return p;
  }

  /** Rewrite context for text that belongs to `pod` (or to no pod: Jobs, tools). */
  public context(pod: LocalPod | undefined, mounts: Mount[], image?: string): RewriteContext {
    const home = (image !== undefined ? this.opts.kafkaHomes?.[image] : undefined) ?? this.opts.kafkaHome;
    const paths = new Map<string, string>([['/opt/kafka', home.dir], ...Object.entries(this.opts.imageDirs ?? {})]);
    for (const m of mounts) paths.set(m.mountPath, m.hostPath);
    const urls = new Map(Object.entries(this.opts.urlRewrites ?? {}));
    return { clusterDomain: this.clusterDomain, pods: this.pods.map((p) => p.address), services: this.services, self: pod?.address, paths, urls };
  }

  /** Rewrites text the way a pod (or a Job with no pod identity) would see it. */
  public rewrite(text: string, pod?: LocalPod): string {
    return rewriteForLocalRun(text, this.context(pod, []));
  }

  public isRunning(pod: LocalPod): boolean {
    return !!pod.process && !pod.process.hasExited();
  }

  /** Throws unless every running pod's JVM listens on loopback only (a local run must never expose a port). */
  public async assertLoopbackOnly(): Promise<void> {
    const exposed = await nonLoopbackListeners(this.pods.filter((p) => this.isRunning(p)).map((p) => p.process!.pid));
    if (exposed.length > 0) throw new Error(`listeners beyond 127.0.0.1:\n${exposed.join('\n')}`);
  }

  /**
   * Starts a pod as the kubelet would: fresh emptyDirs, the persistent volume
   * kept, init containers in order, then the first container's command
   * detached. Resolves once the main process is spawned (not ready).
   * `initEnv`: extra environment of the init containers only (rewrite.ts 7.).
   */
  public async start(pod: LocalPod, opts: { readonly initEnv?: Record<string, string> } = {}): Promise<void> {
    if (this.isRunning(pod)) throw new Error(`${pod.name} is already running`);
    pod.starts++;
    const spec = podTemplate(pod.workload).spec;
    const volumes = this.materializeVolumes(pod.workload, spec, pod, `start-${pod.starts}`);
    for (const [i, init] of (spec.initContainers ?? []).entries()) {
      const { command, env, cwd } = this.containerInvocation(pod.workload, init, spec, volumes, pod);
      // rewrite.ts 7.: e.g. an unreachable proxy, so the init container meets a network without egress.
      const res = await run(command, { env: { ...env, ...opts.initEnv }, cwd, timeoutMs: 240_000 });
      fs.writeFileSync(path.join(pod.dir, `init-${i}-${init.name}.log`), res.stdout + res.stderr);
      if (res.code !== 0) throw new Error(`${pod.name}: init container ${init.name} failed (exit ${res.code}):\n${res.stdout}${res.stderr}`);
    }
    const main = spec.containers[0];
    const { command, env, cwd } = this.containerInvocation(pod.workload, main, spec, volumes, pod);
    pod.process = startDetached(pod.name, command, { env, cwd, logFile: path.join(pod.dir, `${main.name}.log`) });
  }

  /** Kill -9: the pod (and its zone) is gone. */
  public async kill(pod: LocalPod): Promise<void> {
    if (pod.process) await kill9(pod.process);
  }

  /** SIGTERM with the pod's terminationGracePeriodSeconds, as on `kubectl delete pod` or a rolling update. */
  public async stop(pod: LocalPod): Promise<number | string | undefined> {
    if (!pod.process) return undefined;
    const grace = (podTemplate(pod.workload).spec.terminationGracePeriodSeconds ?? 30) * 1000;
    return terminate(pod.process, grace);
  }

  /**
   * Runs the pod's probe of that kind once: exec probes run the synthesized
   * command with the pod's env and volumes; tcpSocket/httpGet probe the local port.
   */
  public async probe(pod: LocalPod, kind: 'readinessProbe' | 'livenessProbe' | 'startupProbe'): Promise<{ ok: boolean; output: string }> {
    const spec = podTemplate(pod.workload).spec;
    const container = spec.containers[0];
    const probe = container[kind];
    if (!probe) throw new Error(`${pod.name} has no ${kind}`);
    const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
    if (probe.exec) {
      const volumes = this.currentVolumes(pod);
      const { env, cwd } = this.containerInvocation(pod.workload, container, spec, volumes, pod);
      const ctx = this.context(pod, this.mountsFor(container, volumes), container.image);
      const command = (probe.exec.command as string[]).map((a) => expandK8sVars(rewriteForLocalRun(a, ctx), env));
      // Our JVMs start with C1 only on 2 shared cores; give exec probes a floor of 10 s, as a slow node would need.
      const res = await run(command, { env, cwd, timeoutMs: Math.max(timeoutMs, 10_000) });
      return { ok: res.code === 0, output: res.stdout + res.stderr };
    }
    const port = this.resolveProbePort(pod, container, probe.tcpSocket?.port ?? probe.httpGet?.port);
    if (probe.tcpSocket) return { ok: await portOpen(port), output: `tcp ${port}` };
    if (probe.httpGet) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${probe.httpGet.path ?? '/'}`, { signal: AbortSignal.timeout(Math.max(timeoutMs, 5000)) });
        return { ok: res.status >= 200 && res.status < 400, output: `HTTP ${res.status}` };
      } catch (e) {
        return { ok: false, output: String(e) };
      }
    }
    throw new Error(`${pod.name}: unsupported ${kind}`);
  }

  /**
   * Runs a Job's pod to completion (init containers, then each container),
   * with no pod identity of its own: what `kubectl apply` of the Job would do.
   */
  public async runJob(job: K8sObject, timeoutMs = 180_000): Promise<RunResult> {
    const spec = podTemplate(job).spec;
    const jobDir = path.join(this.root, 'jobs', job.metadata.name);
    fs.rmSync(jobDir, { recursive: true, force: true });
    fs.mkdirSync(jobDir, { recursive: true });
    const pseudo = { name: `${job.metadata.name}-job`, dir: jobDir } as LocalPod;
    const volumes = this.materializeVolumes(job, spec, pseudo, 'job');
    let out = '';
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      const { command, env, cwd } = this.containerInvocation(job, c, spec, volumes, undefined, jobDir);
      const res = await run(command, { env, cwd, timeoutMs });
      out += res.stdout + res.stderr;
      fs.writeFileSync(path.join(jobDir, `${c.name}.log`), res.stdout + res.stderr);
      if (res.code !== 0) return { code: res.code, stdout: out, stderr: '' };
    }
    return { code: 0, stdout: out, stderr: '' };
  }

  /** Kills every pod (afterAll). */
  public async killAll(): Promise<void> {
    await Promise.all(this.pods.map((p) => this.kill(p)));
  }

  // ---------------------------------------------------------------- internals

  private containerPortFor(pod: LocalPod | undefined, target: number | string): number {
    if (typeof target === 'number') return target;
    const spec = pod ? podTemplate(pod.workload).spec : undefined;
    for (const c of spec?.containers ?? []) {
      for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
    }
    throw new Error(`named port ${target} not found`);
  }

  private resolveProbePort(pod: LocalPod, container: any, port: number | string): number {
    const containerPort = typeof port === 'number' ? port : (container.ports ?? []).find((p: any) => p.name === port)?.containerPort;
    return this.port(pod, containerPort);
  }

  private volumeState = new Map<string, Map<string, string>>();

  private currentVolumes(pod: LocalPod): Map<string, string> {
    const v = this.volumeState.get(pod.name);
    if (!v) throw new Error(`${pod.name} was never started`);
    return v;
  }

  /** volume name -> local dir. ConfigMap/Secret volumes are written per pod, rewritten for that pod. */
  private materializeVolumes(workload: K8sObject, spec: any, pod: LocalPod, generation: string): Map<string, string> {
    const dirs = new Map<string, string>();
    const volRoot = path.join(pod.dir, 'volumes');
    for (const claim of workload.spec?.volumeClaimTemplates ?? []) {
      const d = path.join(pod.dir, 'pvc', claim.metadata.name);
      fs.mkdirSync(d, { recursive: true });
      dirs.set(claim.metadata.name, d);
    }
    // emptyDir and projected content is new for every pod start; PVCs persist.
    fs.rmSync(path.join(volRoot), { recursive: true, force: true });
    for (const v of spec.volumes ?? []) {
      const d = path.join(volRoot, v.name);
      fs.mkdirSync(d, { recursive: true });
      dirs.set(v.name, d);
    }
    this.volumeState.set(pod.name, dirs);
    // Content second: it is rewritten with every mount of the container that reads it known.
    const allMounts = (spec.containers ?? []).concat(spec.initContainers ?? []).flatMap((c: any) => this.mountsFor(c, dirs));
    const ctx = this.context(pod.address ? pod : undefined, allMounts, spec.containers?.[0]?.image);
    for (const v of spec.volumes ?? []) {
      const d = dirs.get(v.name)!;
      const source = v.configMap ? this.configMapData(v.configMap.name) : v.secret ? this.secretData(v.secret.secretName) : undefined;
      if (!source) continue;
      const mode = (v.configMap ?? v.secret).defaultMode ?? 0o644;
      const items: Array<{ key: string; path: string; mode?: number }> = (v.configMap ?? v.secret).items ?? Object.keys(source).map((k) => ({ key: k, path: k }));
      for (const item of items) {
        if (!(item.key in source)) throw new Error(`${workload.metadata.name}: volume ${v.name} wants key ${item.key}, which is missing`);
        const file = path.join(d, item.path);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, rewriteForLocalRun(source[item.key], ctx), { mode: item.mode ?? mode });
      }
    }
    void generation;
    return dirs;
  }

  private mountsFor(container: any, dirs: Map<string, string>): Mount[] {
    return (container.volumeMounts ?? []).map((m: any) => {
      const base = dirs.get(m.name);
      if (!base) throw new Error(`container ${container.name} mounts unknown volume ${m.name}`);
      return { mountPath: m.mountPath, hostPath: m.subPath ? path.join(base, m.subPath) : base };
    });
  }

  private configMapData(name: string): Record<string, string> {
    const cm = this.opts.objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!cm) throw new Error(`ConfigMap ${name} is referenced but not synthesized`);
    return cm.data ?? {};
  }

  private secretData(name: string): Record<string, string> {
    const synthesized = this.opts.objects.find((o) => o.kind === 'Secret' && o.metadata.name === name);
    if (synthesized) {
      const decoded: Record<string, string> = {};
      for (const [k, v] of Object.entries(synthesized.data ?? {})) decoded[k] = Buffer.from(v, 'base64').toString('utf8');
      return { ...decoded, ...(synthesized.stringData ?? {}) };
    }
    const generated = this.opts.secrets[name];
    if (!generated) throw new Error(`Secret ${name} is referenced but neither synthesized nor generated for the local run (secrets.ts)`);
    return generated;
  }

  /** Command, env and cwd of a container, resolved and rewritten for the local run. */
  private containerInvocation(workload: K8sObject, container: any, spec: any, volumes: Map<string, string>, pod: LocalPod | undefined, cwdOverride?: string): { command: string[]; env: Record<string, string>; cwd: string } {
    const mounts = this.mountsFor(container, volumes);
    const ctx = this.context(pod, mounts, container.image);
    const env: Record<string, string> = {};
    if (pod) {
      env.HOSTNAME = pod.name;
    }
    const imagePath = this.opts.imagePath?.(workload) ?? [];
    if (imagePath.length) env.PATH = [...imagePath, process.env.PATH ?? '/usr/bin:/bin'].join(':');
    for (const from of container.envFrom ?? []) {
      const data = from.configMapRef ? this.configMapData(from.configMapRef.name) : this.secretData(from.secretRef.name);
      for (const [k, v] of Object.entries(data)) env[`${from.prefix ?? ''}${k}`] = rewriteEnvValue(k, v, ctx);
    }
    for (const e of container.env ?? []) {
      let value: string | undefined;
      if (e.value !== undefined) value = expandK8sVars(String(e.value), env);
      else if (e.valueFrom?.secretKeyRef) value = this.secretData(e.valueFrom.secretKeyRef.name)[e.valueFrom.secretKeyRef.key];
      else if (e.valueFrom?.configMapKeyRef) value = this.configMapData(e.valueFrom.configMapKeyRef.name)[e.valueFrom.configMapKeyRef.key];
      else if (e.valueFrom?.fieldRef) value = this.fieldRef(e.valueFrom.fieldRef.fieldPath, pod, spec);
      else if (e.valueFrom?.resourceFieldRef) value = resourceField(container, e.valueFrom.resourceFieldRef);
      if (value === undefined) {
        if (e.valueFrom?.secretKeyRef?.optional || e.valueFrom?.configMapKeyRef?.optional) continue;
        throw new Error(`env ${e.name} of ${container.name} could not be resolved`);
      }
      env[e.name] = rewriteEnvValue(e.name, value, ctx);
    }
    // rewrite.ts 5.: a small heap instead of one derived from a multi-GiB limit.
    if (env.KAFKA_HEAP_OPTS !== undefined || pod) env.KAFKA_HEAP_OPTS = this.opts.heapOpts;
    if (pod) Object.assign(env, this.opts.extraEnv ?? {});
    if (env.ZK_SERVER_HEAP !== undefined) env.ZK_SERVER_HEAP = '128';
    // Named by content and written atomically: probes re-resolve the env while the pod's shims read the file.
    const sed = hostRulesAsSed(ctx);
    const sedFile = path.join(pod?.dir ?? cwdOverride ?? this.root, `host-rewrite-${createHash('sha256').update(sed).digest('hex').slice(0, 12)}.sed`);
    if (!fs.existsSync(sedFile)) {
      fs.writeFileSync(`${sedFile}.tmp`, sed);
      fs.renameSync(`${sedFile}.tmp`, sedFile);
    }
    env.KP_LOCAL_REWRITE_SED = sedFile;
    const raw: string[] = [...(container.command ?? []), ...(container.args ?? [])];
    if (raw.length === 0) throw new Error(`container ${container.name} has no command: the image entrypoint cannot be run locally`);
    const command = raw.map((a) => expandK8sVars(rewriteForLocalRun(a, ctx), env));
    const workingDir = container.workingDir ? rewriteForLocalRun(container.workingDir, ctx) : undefined;
    return { command, env, cwd: workingDir && fs.existsSync(workingDir) ? workingDir : cwdOverride ?? pod?.dir ?? this.root };
  }

  private fieldRef(fieldPath: string, pod: LocalPod | undefined, _spec: any): string | undefined {
    const labels = pod?.labels ?? {};
    const m = /^metadata\.labels\['(.+)'\]$/.exec(fieldPath);
    if (m) return labels[m[1]];
    switch (fieldPath) {
      case 'metadata.name': return pod?.name ?? 'job';
      case 'metadata.namespace': return pod?.address.namespace ?? 'default';
      case 'status.podIP':
      case 'status.hostIP': return '127.0.0.1';
      case 'spec.nodeName': return `node-${pod?.zone ?? 'local'}`;
      case 'spec.serviceAccountName': return 'default';
      default: return undefined;
    }
  }
}
