import { DataKubernetesServiceV1 } from '@cdktf/provider-kubernetes/lib/data-kubernetes-service-v1';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../errors';
import { ApplyTier, KubernetesObject, applyTier, objectKey, objectSlug } from './object-identity';

export interface KubernetesManifestBridgeProps {
  /** The objects, as cdk8s synthesizes them. Order inside a tier is kept. */
  readonly objects: ReadonlyArray<KubernetesObject>;
  /** Kubernetes provider of the stack. @default - the stack's default kubernetes provider */
  readonly provider?: TerraformProvider;
  /**
   * LoadBalancer Services (`namespace/name`) whose address other resources use:
   * their `kubernetes_manifest` waits until `status.loadBalancer.ingress[0].<addressType>` is set.
   * @default []
   */
  readonly loadBalancerServices?: string[];
  /** @default 'hostname' */
  readonly loadBalancerAddressType?: 'hostname' | 'ip';
  /** Extra dependencies of every `type: LoadBalancer` Service (e.g. the load-balancer controller). @default [] */
  readonly loadBalancerDependsOn?: ITerraformDependable[];
}

/** An object placed in the bridge: its manifest resource and tier. */
export interface BridgedObject {
  readonly key: string;
  readonly tier: ApplyTier;
  /** The object exactly as given (unescaped). */
  readonly object: KubernetesObject;
  readonly resource: Manifest;
}

/**
 * Turns cdk8s objects into one `kubernetes_manifest` resource each.
 *
 * - Resource ids come from kind/namespace/name only (deterministic, order-independent).
 * - Namespaces and CRDs apply first, then other cluster-scoped objects, then namespaced
 *   ones, through `depends_on` on the tier before (no extra resources, and no
 *   `terraform_data`, whose synth-time validation would shell out to `terraform`).
 * - Namespaced objects apply in Argo CD sync waves (`argocd.argoproj.io/sync-wave`,
 *   0 when absent), each wave after the one before, so Terraform and a GitOps sync
 *   order them alike; a Job in an annotated wave that has later waves is waited
 *   for until it completes (`wait { condition Complete }`, timeout from its
 *   `activeDeadlineSeconds`): the scale Job before the broker StatefulSets.
 * - Strings are escaped for Terraform (`${` -> `$${`, `%{` -> `%%{`), so shell
 *   scripts and config templates inside ConfigMaps reach the cluster verbatim.
 * - Empty objects and lists (`namespaceSelector: {}`, `emptyDir: {}`, `ports: []`)
 *   are sent as they are, but listed in `computed_fields`: `kubernetes_manifest`
 *   otherwise fails with "Provider produced inconsistent result after apply" when
 *   the API server returns them as null (hashicorp/terraform-provider-kubernetes
 *   #1388, #2326, #2783). Dropping them instead would change meaning
 *   (`namespaceSelector: {}` selects every namespace; no selector selects only
 *   the policy's own), and the GitOps YAML would no longer match what is applied.
 */
export class KubernetesManifestBridge extends Construct {
  public readonly objects: BridgedObject[] = [];
  private readonly byKey = new Map<string, BridgedObject>();
  private readonly addressType: 'hostname' | 'ip';
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: KubernetesManifestBridgeProps) {
    super(scope, id);
    this.provider = props.provider;
    this.addressType = props.loadBalancerAddressType ?? 'hostname';
    const waitFor = new Set(props.loadBalancerServices ?? []);

    const tiers: KubernetesObject[][] = [[], [], []];
    const slugs = new Map<string, string>();
    for (const object of props.objects) {
      if (!object?.kind || !object?.apiVersion || !object?.metadata?.name) {
        throw new KafkaPlatformValidationError(this.node.path, 'objects', `an object lacks apiVersion, kind or metadata.name (${JSON.stringify(object).slice(0, 120)})`, 'give every Kubernetes object apiVersion, kind and metadata.name');
      }
      const key = objectKey(object);
      const slug = objectSlug(object);
      const clash = slugs.get(slug);
      if (clash !== undefined) {
        throw new KafkaPlatformValidationError(this.node.path, 'objects', `${clash === key ? 'duplicate object' : `objects ${clash} and`} ${key} ${clash === key ? '' : 'map to the same resource id'}`.trim(), 'give each Kubernetes object a unique kind/namespace/name');
      }
      slugs.set(slug, key);
      tiers[applyTier(object)].push(object);
    }

    // Each group depends on every object of the closest non-empty group before it
    // (ordering is transitive). Cluster-scoped tiers hold a handful of objects,
    // so the edge count stays linear in the number of namespaced objects.
    // Namespaced objects are applied in Argo CD sync waves, like a GitOps sync;
    // a Job followed by a later wave is waited for until it completes.
    const groups = [tiers[ApplyTier.FOUNDATION], tiers[ApplyTier.CLUSTER], ...syncWaves(tiers[ApplyTier.NAMESPACED])];
    let previousTier: Manifest[] = [];
    groups.forEach((objects, index) => {
      const current: Manifest[] = [];
      const laterGroup = groups.slice(index + 1).some(g => g.length > 0);
      for (const object of objects) {
        const key = objectKey(object);
        const isLoadBalancer = object.kind === 'Service' && waitFor.has(`${object.metadata.namespace}/${object.metadata.name}`);
        const gate = laterGroup && object.kind === 'Job' && syncWave(object) !== 0;
        const resource = new Manifest(this, objectSlug(object), {
          provider: this.provider,
          manifest: escapeForTerraform(object),
          computedFields: escapeForTerraform(emptyCollectionFields(object)),
          dependsOn: dependencies(object, previousTier, props.loadBalancerDependsOn ?? []),
          wait: isLoadBalancer ? { fields: { [`status.loadBalancer.ingress[0].${this.addressType}`]: '^.+$' } } : gate ? { condition: [{ type: 'Complete', status: 'True' }] } : undefined,
          timeouts: isLoadBalancer ? { create: '20m', update: '20m' } : gate ? { create: jobTimeout(object) } : undefined,
        });
        const bridged: BridgedObject = { key, tier: applyTier(object), object, resource };
        this.objects.push(bridged);
        this.byKey.set(key, bridged);
        current.push(resource);
      }
      // Sorted by id, so depends_on does not change when objects are reordered.
      if (current.length > 0) previousTier = [...current].sort((a, b) => a.node.id.localeCompare(b.node.id));
    });
    for (const key of waitFor) {
      const [namespace, name] = key.split('/');
      if (!this.byKey.has(`Service/${namespace}/${name}`)) {
        throw new KafkaPlatformValidationError(this.node.path, 'loadBalancerServices', `Service ${key} is not among the objects`, 'list only Services the objects contain');
      }
    }
  }

  /** The `kubernetes_manifest` of an object, by kind/namespace/name. */
  public resourceFor(kind: string, name: string, namespace?: string): Manifest {
    const key = namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
    const found = this.byKey.get(key);
    if (!found) throw new Error(`${this.node.path}: no Kubernetes object ${key} in the bridge`);
    return found.resource;
  }

  /**
   * The address the cloud gave a LoadBalancer Service, read after its manifest
   * has waited for it (list the Service in `loadBalancerServices`).
   */
  public loadBalancerAddress(namespace: string, name: string): string {
    const manifest = this.resourceFor('Service', name, namespace);
    const id = `lb-address-${namespace}-${name}`;
    const existing = this.node.tryFindChild(id) as DataKubernetesServiceV1 | undefined;
    const service = existing ?? new DataKubernetesServiceV1(this, id, {
      provider: this.provider,
      metadata: { name, namespace },
      dependsOn: [manifest],
    });
    const ingress = service.status.get(0).loadBalancer.get(0).ingress.get(0);
    return this.addressType === 'hostname' ? ingress.hostname : ingress.ip;
  }
}

/** Argo CD's sync-wave annotation: the bridge applies namespaced objects in the same order a GitOps sync does. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/** An object's sync wave (0 when it has none, as in Argo CD). */
export function syncWave(object: KubernetesObject): number {
  const raw = object.metadata?.annotations?.[SYNC_WAVE_ANNOTATION];
  const wave = raw === undefined ? 0 : Number(raw);
  if (!Number.isInteger(wave)) throw new KafkaPlatformValidationError(objectKey(object), `metadata.annotations["${SYNC_WAVE_ANNOTATION}"]`, `${JSON.stringify(raw)} is not a whole number`, 'give the sync wave as a whole number, e.g. "-1"');
  return wave;
}

/** Objects grouped by sync wave, lowest first; order inside a wave is kept. */
function syncWaves(objects: KubernetesObject[]): KubernetesObject[][] {
  const byWave = new Map<number, KubernetesObject[]>();
  for (const object of objects) {
    const wave = syncWave(object);
    byWave.set(wave, [...(byWave.get(wave) ?? []), object]);
  }
  return [...byWave.keys()].sort((a, b) => a - b).map(w => byWave.get(w)!);
}

/** How long Terraform waits for a gating Job: its own deadline plus 10 minutes to schedule, or 1 hour without one. */
function jobTimeout(job: KubernetesObject): string {
  const deadline = job.spec?.activeDeadlineSeconds;
  return typeof deadline === 'number' ? `${deadline + 600}s` : '60m';
}

function dependencies(object: KubernetesObject, previousTier: Manifest[], loadBalancerDependsOn: ITerraformDependable[]): ITerraformDependable[] | undefined {
  const extra = object.kind === 'Service' && object.spec?.type === 'LoadBalancer' ? loadBalancerDependsOn : [];
  const all = [...previousTier, ...extra];
  return all.length > 0 ? all : undefined;
}

/** The provider's own default for `computed_fields`; kept whenever the bridge sets the attribute. */
export const DEFAULT_COMPUTED_FIELDS = ['metadata.annotations', 'metadata.labels'];

/**
 * `computed_fields` for an object: the provider defaults plus the path of every
 * empty object or list in it, or `undefined` (provider default) when it has none.
 * Paths use the provider's syntax: `spec.ingress[0].from[1].namespaceSelector`,
 * with `["key"]` for keys that are not identifiers.
 */
export function emptyCollectionFields(object: KubernetesObject): string[] | undefined {
  const paths: string[] = [];
  const walk = (value: any, path: string): void => {
    if (Array.isArray(value)) {
      if (value.length === 0 && path) paths.push(path);
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length === 0 && path) paths.push(path);
      for (const key of keys) {
        const step = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
        walk(value[key], step);
      }
    }
  };
  walk(object, '');
  if (paths.length === 0) return undefined;
  return [...new Set([...DEFAULT_COMPUTED_FIELDS, ...paths])];
}

/** Escapes Terraform template sequences in every string (keys included). */
export function escapeForTerraform(value: any): any {
  if (typeof value === 'string') return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  if (Array.isArray(value)) return value.map(escapeForTerraform);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) out[escapeForTerraform(k)] = escapeForTerraform(v);
    return out;
  }
  return value;
}
