import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { ContainerResources, IKafkaCluster, KafkaProfile, KafkaUserCredentials } from '../types';

/**
 * Building blocks shared by every ecosystem workload: the restricted pod
 * security profile, HA placement, PDBs, resources and Kafka client wiring.
 * Kept as plain functions over plain Kubernetes JSON so each component states
 * exactly what it synthesizes.
 */

export const APP_LABEL = 'app.kubernetes.io/name';
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

/** Labels of one component's pods; `selector` is the immutable subset used by selectors. */
export function componentLabels(cluster: IKafkaCluster, component: string, name: string): { selector: Record<string, string>; all: Record<string, string> } {
  const selector = { [APP_LABEL]: component, [INSTANCE_LABEL]: name };
  return {
    selector,
    all: { ...selector, [COMPONENT_LABEL]: component, [PART_OF_LABEL]: cluster.clusterName, [MANAGED_BY_LABEL]: 'cdktf-kafka-platform' },
  };
}

/** Restricted Pod Security Standard, container level. */
export function restrictedContainerSecurityContext(): Record<string, any> {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Restricted Pod Security Standard, pod level, with the image's own non-root user and group. */
export function restrictedPodSecurityContext(uid: number, gid: number = uid): Record<string, any> {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    fsGroup: gid,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * Anti-affinity on the node (required, so two replicas never share a node)
 * and, separately, a zone spread constraint so replicas land in different
 * zones. In the development profile both are soft so a one-node cluster works.
 */
export function haPlacement(selector: Record<string, string>, profile: KafkaProfile): Record<string, any> {
  const term = { labelSelector: { matchLabels: selector }, topologyKey: 'kubernetes.io/hostname' };
  const production = profile === KafkaProfile.PRODUCTION;
  return {
    affinity: {
      podAntiAffinity: production
        ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
        : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] },
    },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: production ? 'DoNotSchedule' : 'ScheduleAnyway',
        labelSelector: { matchLabels: selector },
      },
    ],
  };
}

/** A PDB that keeps all but one replica up during voluntary disruptions. */
export function addPodDisruptionBudget(scope: Construct, name: string, namespace: string, labels: Record<string, string>, selector: Record<string, string>): ApiObject {
  return new ApiObject(scope, 'pdb', {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace, labels },
    spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
  });
}

export interface ResourceDefaults {
  readonly cpuRequest: string;
  readonly cpuLimit: string;
  readonly memory: string;
}

/** Requests and limits; memory request equals limit so the JVM's RAM-percentage heap is safe. */
export function containerResources(resources: ContainerResources | undefined, defaults: ResourceDefaults): Record<string, any> {
  const memory = resources?.memory ?? defaults.memory;
  return {
    requests: { cpu: resources?.cpuRequest ?? defaults.cpuRequest, memory },
    limits: { cpu: resources?.cpuLimit ?? defaults.cpuLimit, memory },
  };
}

/** JVM options that size the heap from the container memory limit, leaving room for metaspace and direct buffers. */
export const JVM_HEAP_FROM_LIMIT = '-XX:InitialRAMPercentage=50.0 -XX:MaxRAMPercentage=70.0';

/**
 * Replica count check: `minimum` (2 for HA components) in production; the
 * development profile accepts 1 and says so.
 */
export function validateReplicas(cluster: IKafkaCluster, constructPath: string, prop: string, replicas: number, minimum: number): void {
  if (!Number.isInteger(replicas) || replicas < 1) {
    throw new KafkaPlatformValidationError(constructPath, prop, `must be a positive integer, got ${replicas}`, `set ${prop} to ${minimum} or more`);
  }
  if (replicas < minimum && cluster.profile === KafkaProfile.PRODUCTION) {
    throw new KafkaPlatformValidationError(
      constructPath,
      prop,
      `${replicas} replica(s) is not highly available (production profile needs at least ${minimum})`,
      `set ${prop} to ${minimum} or more, or use the development profile on the cluster`,
    );
  }
}

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

/**
 * The standard Kafka client security settings for the internal SASL listener,
 * as `[property, env var]` pairs: the JAAS line (with the password) is read
 * from the user's Secret through the env var; everything else is plain.
 */
export function kafkaClientSecurity(cluster: IKafkaCluster, credentials: KafkaUserCredentials, envPrefix: string): { env: Record<string, any>[] } {
  return {
    env: [
      plainEnv(`${envPrefix}SECURITY_PROTOCOL`, cluster.internalSecurityProtocol),
      plainEnv(`${envPrefix}SASL_MECHANISM`, cluster.saslMechanism),
      secretEnv(`${envPrefix}SASL_JAAS_CONFIG`, credentials.secretName, credentials.jaasConfigKey),
    ],
  };
}

/** An HTTP probe set: readiness gates traffic, liveness restarts a hung JVM (generous, JVMs pause). */
export function httpProbes(path: string, port: number | string, startupSeconds: number): Record<string, any> {
  return {
    startupProbe: { httpGet: { path, port }, periodSeconds: 10, failureThreshold: Math.ceil(startupSeconds / 10), timeoutSeconds: 5 },
    readinessProbe: { httpGet: { path, port }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 },
    livenessProbe: { httpGet: { path, port }, periodSeconds: 20, failureThreshold: 6, timeoutSeconds: 10 },
  };
}

/** ClusterIP Service in front of a component. */
export function addService(scope: Construct, id: string, props: { name: string; namespace: string; labels: Record<string, string>; selector: Record<string, string>; ports: Array<{ name: string; port: number; targetPort?: number | string }>; headless?: boolean; sessionAffinity?: boolean }): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
    spec: {
      ...(props.headless ? { clusterIP: 'None', publishNotReadyAddresses: true } : {}),
      ...(props.sessionAffinity ? { sessionAffinity: 'ClientIP' } : {}),
      selector: props.selector,
      ports: props.ports.map(p => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port, protocol: 'TCP' })),
    },
  });
}

/** A Kubernetes-safe DNS-1123 name check for names that become object names. */
export function validateDnsName(constructPath: string, prop: string, name: string, maxLength = 52): void {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > maxLength) {
    throw new KafkaPlatformValidationError(constructPath, prop, `"${name}" is not a valid Kubernetes name (lower-case letters, digits and "-", at most ${maxLength} characters)`, `choose a name such as "${name.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, maxLength) || 'kafka-component'}"`);
  }
}
