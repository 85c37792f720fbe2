/** Kubernetes objects as plain JSON, the way cdk8s `Chart.toJson()` returns them. */
export type KubernetesObject = Record<string, any>;

/** Apply tiers: everything in a tier waits for every earlier tier. */
export enum ApplyTier {
  /** Namespaces and CustomResourceDefinitions: everything else may live in or be an instance of them. */
  FOUNDATION = 0,
  /** Other cluster-scoped objects (StorageClass, ClusterRole, PriorityClass, ...): namespaced objects refer to them. */
  CLUSTER = 1,
  /** Namespaced objects. */
  NAMESPACED = 2,
}

export function applyTier(object: KubernetesObject): ApplyTier {
  if (object.kind === 'Namespace' || object.kind === 'CustomResourceDefinition') return ApplyTier.FOUNDATION;
  return object.metadata?.namespace ? ApplyTier.NAMESPACED : ApplyTier.CLUSTER;
}

/** `kind/namespace/name`, or `kind/name` for cluster-scoped objects. */
export function objectKey(object: KubernetesObject): string {
  const ns = object.metadata?.namespace;
  return ns ? `${object.kind}/${ns}/${object.metadata.name}` : `${object.kind}/${object.metadata.name}`;
}

/**
 * A construct id (and thus Terraform address) that depends only on kind,
 * namespace and name, so reordering objects or adding others never renames a
 * resource. Dots are kept out because Terraform resource names cannot have them.
 */
export function objectSlug(object: KubernetesObject): string {
  const ns = object.metadata?.namespace;
  const parts = [String(object.kind).toLowerCase(), ...(ns ? [ns] : []), String(object.metadata?.name ?? '')];
  return parts.join('-').replace(/[^a-zA-Z0-9-]/g, '_');
}
