/**
 * THE ONE PLACE where the synthesized configuration is changed for a local
 * run (`kafka-platform verify` and the integration suite). Everything else
 * (properties, scripts, env vars, probes, exporter config, connector
 * configs) is used exactly as synthesized.
 *
 * Only what cannot apply outside Kubernetes is rewritten, by literal
 * substitution:
 *
 * 1. Host names to 127.0.0.1 ports. Every pod of every StatefulSet gets its
 *    own free loopback port for each container port it declares.
 *    - `<pod>.<headless-service>[.<ns>[.svc[.<domain>]]]:<port>` becomes
 *      `127.0.0.1:<that pod's port>`;
 *    - a ClusterIP Service `<service>[...]:<port>` becomes the list of the
 *      ports of the pods it selects (`://<service>:<port>` in a URL becomes
 *      the first one: a URL has one host);
 *    - `<pod>...:<port>:<port>` (ZooKeeper server lines) becomes both local ports;
 *    - the pod's own bind addresses (`://:<port>`, `://0.0.0.0:<port>`,
 *      `localhost:<port>`, the JMX agent's `.jar=<port>:`) become `127.0.0.1:<its port>`,
 *      and wildcard binds become 127.0.0.1 (loopback only: `=0.0.0.0`
 *      properties, `quorumListenOnAllIPs=true` becomes false);
 *    - env vars named `*PORT*` whose value is one of the pod's container
 *      ports get the pod's local port (the core gives every port as an env
 *      var for exactly this).
 *    The same host rules are written as a sed script that the fake
 *    KAFKA_HOME's bin/*.sh shims apply to their arguments, argument files
 *    and KAFKA_OPTS, for names a start script computes at run time from
 *    POD_NAME (advertised.listeners, the -javaagent argument).
 * 2. Volume paths to temp dirs: each `mountPath` of the container becomes a
 *    directory under the run directory, at path boundaries only. So do the few
 *    image paths a config names: /opt/kafka (the install dir) becomes the
 *    fake KAFKA_HOME, and image plugin dirs (/usr/share/java in the Connect
 *    image) become empty dirs, because this host's dirs of the same name
 *    hold other things.
 * 3. Pod identity as env vars: the downward API (`fieldRef`) is answered
 *    with the pod's name, namespace, labels, 127.0.0.1 as pod IP, and a node
 *    name per zone; HOSTNAME is the pod name, as the kubelet sets it.
 * 4. Secrets: the Secrets that the in-cluster bootstrap Job would create
 *    with random passwords are generated for the run (see secrets.ts) and
 *    handed to `secretKeyRef` / secret volumes; a TLS Secret that
 *    cert-manager or the user would provide (`tls.crt`, `tls.key`) is a
 *    throwaway self-signed certificate for 127.0.0.1 (tls-secrets.ts).
 *    4b. The node certificate Secret and the CA bundle ConfigMap of the
 *    internal listeners come from the synthesized certificate Job's own
 *    script (create-node-tls.sh, run with a fake kubectl: node-tls.ts), with
 *    one change: `IP:127.0.0.1` is appended to its `KP_TLS_SANS`, because
 *    rule 1 makes every client dial 127.0.0.1 and Kafka verifies host names.
 *    The CA bundle ConfigMap it creates joins the objects (clients mount it).
 *    With cert-manager as the source, the script issues the node Secret
 *    itself (for localhost and 127.0.0.1) in place of cert-manager.
 * 5. The JVM heap: KAFKA_HEAP_OPTS (and ZooKeeper's ZK_SERVER_HEAP) derived
 *    from a multi-GiB container limit becomes a small heap, so six JVMs fit
 *    on a 2-core CI machine.
 * 6. Downloads from Maven Central (the JMX agent an init container fetches)
 *    come from a loopback mirror of the local cache (maven-mirror.ts): the
 *    URL prefix changes, the file and its SHA-256 check do not, and runs
 *    work offline once the cache is filled.
 * 7. No egress, on request: a test may start a pod with extra environment for
 *    its init containers only (`LocalCluster.start(pod, { initEnv })`), e.g.
 *    `http_proxy`/`https_proxy` set to an unreachable proxy
 *    (`http://127.0.0.1:9`, where nothing listens). curl then cannot reach
 *    any host, as in a cluster with outbound HTTP(S) blocked; the script and
 *    the pod spec are unchanged.
 *
 * Not a rewrite of the configuration, but the one other stand-in: the
 * Kubernetes API a Job calls through `kubectl` (the roll and scale Jobs copy
 * it from their kubectl image). A suite puts a stand-in `kubectl` first on
 * that Job's PATH (test/integration/roll/kube-shim.ts), which answers from the
 * local pods: `get/delete pod` (delete = SIGTERM with the grace period, then a
 * start from the current template) and `get/scale statefulset` (scale = start
 * the pods below the new count, stop those at or above it, as the StatefulSet
 * controller does with `podManagementPolicy: Parallel`), the leases and
 * Secrets the roll, certificate roll and admin password rotation read and
 * patch. The Job's script and Kafka's tools run unchanged; the one setting a
 * suite changes is the admin password rotation's
 * `KP_ADMIN_SECRET_SETTLE_SECONDS` (to 0): it waits for kubelets' Secret
 * caches, and local pods read the Secret itself when they start.
 */

/** One literal substitution: `from` becomes `to`. */
export interface RewriteRule {
  readonly from: string;
  readonly to: string;
}

export interface LocalPodAddress {
  readonly name: string;
  readonly namespace: string;
  /** Headless Service named by the StatefulSet's `serviceName`. */
  readonly headlessService?: string;
  /** container port -> local port */
  readonly ports: ReadonlyMap<number, number>;
}

export interface LocalServiceAddress {
  readonly name: string;
  readonly namespace: string;
  /** service port -> local ports of the selected pods (in pod order) */
  readonly ports: ReadonlyMap<number, number[]>;
}

export interface RewriteContext {
  readonly clusterDomain: string;
  readonly pods: readonly LocalPodAddress[];
  readonly services: readonly LocalServiceAddress[];
  /** The pod the text belongs to (its own bind addresses and ports); none for text shared by every pod. */
  readonly self?: LocalPodAddress;
  /** mountPath (or image path) -> local directory */
  readonly paths: ReadonlyMap<string, string>;
  /** URL prefix -> local URL prefix (6. above). @default none */
  readonly urls?: ReadonlyMap<string, string>;
}

/** Every DNS spelling of a name in the cluster, longest first. */
function dnsForms(base: string, namespace: string, domain: string): string[] {
  return [`${base}.${namespace}.svc.${domain}`, `${base}.${namespace}.svc`, `${base}.${namespace}`, base];
}

/** Host rules (1. above), longest pattern first so a short spelling never eats part of a long one. */
export function hostRules(ctx: RewriteContext): RewriteRule[] {
  const rules: RewriteRule[] = [];
  for (const pod of ctx.pods) {
    if (!pod.headlessService) continue;
    for (const host of dnsForms(`${pod.name}.${pod.headlessService}`, pod.namespace, ctx.clusterDomain)) {
      for (const [containerPort, local] of pod.ports) {
        // ZooKeeper server lines name two ports: `<host>:<peer>:<election>`.
        for (const [secondPort, secondLocal] of pod.ports) {
          if (secondPort !== containerPort) rules.push({ from: `${host}:${containerPort}:${secondPort}`, to: `127.0.0.1:${local}:${secondLocal}` });
        }
        rules.push({ from: `${host}:${containerPort}`, to: `127.0.0.1:${local}` });
        // A start script may already have put the moved port (from the *_PORT env var) after the name.
        rules.push({ from: `${host}:${local}`, to: `127.0.0.1:${local}` });
      }
    }
  }
  for (const svc of ctx.services) {
    for (const host of dnsForms(svc.name, svc.namespace, ctx.clusterDomain)) {
      for (const [port, locals] of svc.ports) {
        if (locals.length === 0) continue;
        rules.push({ from: `://${host}:${port}`, to: `://127.0.0.1:${locals[0]}` });
        rules.push({ from: `${host}:${port}`, to: locals.map((p) => `127.0.0.1:${p}`).join(',') });
      }
    }
  }
  if (ctx.self) {
    for (const [containerPort, local] of ctx.self.ports) {
      for (const bind of ['://:', '://0.0.0.0:', '://[::]:', '://localhost:', '://127.0.0.1:']) {
        rules.push({ from: `${bind}${containerPort}`, to: `://127.0.0.1:${local}` });
      }
      rules.push({ from: `localhost:${containerPort}`, to: `127.0.0.1:${local}` });
      rules.push({ from: `127.0.0.1:${containerPort}`, to: `127.0.0.1:${local}` });
      rules.push({ from: `0.0.0.0:${containerPort}`, to: `127.0.0.1:${local}` });
      // -javaagent:<jar>=[host:]<port>:<config>: the agent binds every interface unless given a host.
      rules.push({ from: `.jar=${containerPort}:`, to: `.jar=127.0.0.1:${local}:` });
      rules.push({ from: `.jar=${local}:`, to: `.jar=127.0.0.1:${local}:` });
    }
  }
  // Wildcard binds: loopback only (on an already-moved port, a `host=0.0.0.0` property, ZooKeeper's listen-on-all switch).
  rules.push({ from: '://0.0.0.0:', to: '://127.0.0.1:' });
  rules.push({ from: '://[::]:', to: '://127.0.0.1:' });
  rules.push({ from: '=0.0.0.0', to: '=127.0.0.1' });
  rules.push({ from: 'quorumListenOnAllIPs=true', to: 'quorumListenOnAllIPs=false' });
  return rules.sort((a, b) => b.from.length - a.from.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Applies the URL, host and path rules (6., 1. and 2.) to a piece of synthesized text. */
export function rewriteForLocalRun(text: string, ctx: RewriteContext): string {
  let out = text;
  for (const [from, to] of ctx.urls ?? []) out = out.split(from).join(to);
  // Single pass over all host patterns, so a replacement is never matched again.
  const rules = hostRules(ctx);
  if (rules.length > 0) {
    const byFrom = new Map(rules.map((r) => [r.from, r.to]));
    // A pattern ending in a port must not match the start of a longer number (`:2181` in `:21810`).
    const pattern = new RegExp(rules.map((r) => escapeRegExp(r.from) + (/\d$/.test(r.from) ? '(?![0-9])' : '')).join('|'), 'g');
    out = out.replace(pattern, (m) => byFrom.get(m) ?? m);
  }
  const paths = [...ctx.paths.entries()].sort((a, b) => b[0].length - a[0].length);
  if (paths.length > 0) {
    const byPath = new Map(paths);
    const pattern = new RegExp(`(?<![\\w./])(${paths.map(([p]) => escapeRegExp(p)).join('|')})(?=/|$|[^\\w.-])`, 'gm');
    out = out.replace(pattern, (m) => byPath.get(m) ?? m);
  }
  return out;
}

/**
 * The pod's env var named `*PORT*` whose value is one of its container ports
 * gets the local port (1. above); everything else is rewritten as text.
 */
export function rewriteEnvValue(name: string, value: string, ctx: RewriteContext): string {
  if (ctx.self && /PORT/i.test(name) && /^\d+$/.test(value) && ctx.self.ports.has(Number(value))) {
    return String(ctx.self.ports.get(Number(value)));
  }
  return rewriteForLocalRun(value, ctx);
}

/** The host rules as a `sed -E` script, for the bin/*.sh shims (run-time host names). */
export function hostRulesAsSed(ctx: RewriteContext): string {
  const sedEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const replEscape = (s: string) => s.replace(/[\\/&]/g, '\\$&');
  return hostRules(ctx).map((r) => (/\d$/.test(r.from)
    ? `s/${sedEscape(r.from)}([^0-9]|$)/${replEscape(r.to)}\\1/g`
    : `s/${sedEscape(r.from)}/${replEscape(r.to)}/g`)).join('\n') + '\n';
}
