/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { hashOf } from '../k8s/hash';
import { assertPinnedImage } from '../k8s/image-pinning';
import { LABEL_KEY_PREFIX } from '../model/cluster-naming';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { DEFAULT_KUBECTL_IMAGE, KafkaRollingRestartOptions } from '../model/rolling-restart-options';
import { kafkaScript } from '../scripts';
import { kafkaAdminEnv } from './admin-job-template';
import { kubectlScriptPodSpec } from './kubectl-script-job';
import { jobRbac } from './job-rbac';

/** Annotation every broker and controller pod carries: the hash of everything a restart would change. */
export const CONFIG_HASH_ANNOTATION = `${LABEL_KEY_PREFIX}/config-hash`;

/** One pod the roll may restart, in roll order. */
export interface RollTarget {
  readonly pod: string;
  readonly nodeId: number;
}

/** A node pool as the roll sees it: its pods and the config hash its template carries. */
export interface RollPool {
  readonly configHash: string;
  /** Pods in roll order (zone by zone, highest ordinal first). */
  readonly targets: RollTarget[];
}

export interface RollingRestartProps {
  readonly spec: KafkaClusterSpec;
  readonly brokers: RollPool;
  /** @default - no controllers (ZooKeeper mode) */
  readonly controllers?: RollPool;
  /** @default - see KafkaRollingRestartOptions */
  readonly options?: KafkaRollingRestartOptions;
}

export const ROLL_SCRIPTS_MOUNT = '/etc/kafka-roll';
export const ROLL_TOOLS_MOUNT = '/opt/kafka-roll-tools';

/** The roll's scripts: one ConfigMap per roll (deploy Job, certificate CronJob) with what it sources. */
export function rollScripts(): Record<string, string> {
  return { 'roll-cluster.sh': kafkaScript('roll-cluster.sh'), 'roll-lease.sh': kafkaScript('roll-lease.sh'), 'kafka-admin-lib.sh': kafkaScript('kafka-admin-lib.sh') };
}

/**
 * RBAC both rolls share: only this cluster's broker and controller pods, by name (a roll can restart nothing
 * else), and the roll Lease (create cannot be limited by name in RBAC; the rest can).
 */
export function rollRules(spec: KafkaClusterSpec, pods: string[]): any[] {
  return [
    { apiGroups: [''], resources: ['pods'], resourceNames: pods, verbs: ['get', 'list', 'watch', 'delete'] },
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: [rollLeaseName(spec)], verbs: ['get', 'update', 'delete'] },
  ];
}

/** The Lease that keeps the deploy's roll and the certificate roll from restarting pods side by side. */
export function rollLeaseName(spec: KafkaClusterSpec): string {
  return spec.naming.name('roll');
}

/** Environment both rolls share: the admin client, kubectl, the pods in roll order and the checks' timing. */
export function rollEnv(spec: KafkaClusterSpec, options: Required<KafkaRollingRestartOptions>, brokers: RollPool, controllers?: RollPool): any[] {
  const list = (pool?: RollPool) => (pool?.targets ?? []).map(t => `${t.pod}=${t.nodeId}`).join(' ');
  return [
    ...kafkaAdminEnv(spec),
    { name: 'HOME', value: '/tmp' },
    { name: 'KP_KUBECTL', value: `${ROLL_TOOLS_MOUNT}/kubectl` },
    { name: 'KP_NAMESPACE', value: spec.namespace },
    { name: 'KP_ROLL_LEASE', value: rollLeaseName(spec) },
    { name: 'KP_ROLL_HASH_ANNOTATION', value: CONFIG_HASH_ANNOTATION },
    ...(controllers ? [{ name: 'KP_ROLL_CONTROLLERS', value: list(controllers) }] : []),
    { name: 'KP_ROLL_BROKERS', value: list(brokers) },
    { name: 'KP_ROLL_TIMEOUT_SECONDS', value: String(options.checkTimeoutSeconds) },
    { name: 'KP_ROLL_POLL_SECONDS', value: String(options.pollSeconds) },
    { name: 'KP_ROLL_MAX_QUORUM_LAG', value: String(options.maxQuorumLag) },
  ];
}

/**
 * The automatic roll: StatefulSets stay `OnDelete` (one per zone, so Kubernetes
 * would restart a pod in every zone at once); instead a Job named after the
 * pools' config hashes runs on every change that needs a restart and deletes
 * one pod at a time, only when Kafka's own tools say the cluster can spare it
 * (roll-cluster.sh). No operator: the official kubectl binary (copied from its
 * image by an init container) and the cluster's Kafka image.
 */
export class RollingRestart extends Construct {
  /** Name of the Job for the current hashes. */
  public readonly jobName: string;

  constructor(scope: Construct, id: string, props: RollingRestartProps) {
    super(scope, id);
    const { spec, brokers, controllers } = props;
    const { naming } = spec;
    const options = resolveRollOptions(scope.node.path, props.options ?? {});
    const name = naming.name('roll');
    const labels = naming.labels('roll');
    const pods = [...(controllers?.targets ?? []), ...brokers.targets].map(t => t.pod);

    jobRbac(this, spec, name, naming.meta(name, 'roll'), rollRules(spec, pods));
    const scripts = rollScripts();
    new ApiObject(this, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: naming.meta(name, 'roll'), data: scripts });

    const env = [
      ...rollEnv(spec, options, brokers, controllers),
      ...(controllers ? [{ name: 'KP_ROLL_CONTROLLER_HASH', value: controllers.configHash }] : []),
      { name: 'KP_ROLL_BROKER_HASH', value: brokers.configHash },
    ];
    // Jobs are immutable: a new hash is a new Job, and an unchanged synth keeps the finished one.
    this.jobName = naming.name(`roll-${hashOf({ env, image: spec.images.kafka, kubectl: options.kubectlImage, scripts }).slice(0, 8)}`);
    const podSpec = kubectlScriptPodSpec(spec, { container: 'roll', script: 'roll-cluster.sh', configMapName: name, scriptsMount: ROLL_SCRIPTS_MOUNT, toolsMount: ROLL_TOOLS_MOUNT, env, kubectlImage: options.kubectlImage, caBundle: 'mount' });
    new ApiObject(this, 'job', {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: naming.meta(this.jobName, 'roll'),
      spec: {
        // A failed check must stay visible as a failed Job, not be retried into a crash loop; one retry covers a lost node.
        backoffLimit: 1,
        template: {
          metadata: { labels: { ...labels, [spec.clientAccessLabel.key]: spec.clientAccessLabel.value } },
          spec: podSpec,
        },
      },
    });
  }
}

export function resolveRollOptions(path: string, o: KafkaRollingRestartOptions): Required<KafkaRollingRestartOptions> {
  const resolved = {
    checkTimeoutSeconds: o.checkTimeoutSeconds ?? 900,
    pollSeconds: o.pollSeconds ?? 10,
    maxQuorumLag: o.maxQuorumLag ?? 100,
    kubectlImage: o.kubectlImage ?? DEFAULT_KUBECTL_IMAGE,
  };
  const positive: Array<[keyof typeof resolved, number]> = [['checkTimeoutSeconds', resolved.checkTimeoutSeconds], ['pollSeconds', resolved.pollSeconds]];
  for (const [prop, value] of positive) {
    if (!Number.isInteger(value) || value < 1) {
      throw new KafkaPlatformValidationError(path, `rollingRestart.${prop}`, `${value} is not a positive whole number of seconds`, 'give a whole number of seconds, at least 1');
    }
  }
  if (!Number.isInteger(resolved.maxQuorumLag) || resolved.maxQuorumLag < 0) {
    throw new KafkaPlatformValidationError(path, 'rollingRestart.maxQuorumLag', `${resolved.maxQuorumLag} is not a whole number of records`, 'give 0 or more records');
  }
  assertPinnedImage(path, 'rollingRestart.kubectlImage', resolved.kubectlImage);
  return resolved;
}
