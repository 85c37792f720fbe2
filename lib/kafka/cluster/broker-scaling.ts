import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { hashOf } from '../k8s/hash';
import { assertPinnedImage } from '../k8s/image-pinning';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { DEFAULT_KUBECTL_IMAGE } from '../model/rolling-restart-options';
import { DEFAULT_SCALING_THROTTLE_BYTES_PER_SECOND, KafkaScalingOptions, SCALING_SYNC_WAVE } from '../model/scaling-options';
import { kafkaScript } from '../scripts';
import { kafkaAdminEnv } from './admin-job-template';
import { kubectlScriptPodSpec } from './kubectl-script-job';
import { jobRbac } from './job-rbac';

/** Name prefix (after the cluster name) of the scale Job. */
export const SCALE_JOB_PREFIX = 'scale-';

/** Annotation that orders an object for Argo CD; the workloads stack's bridge reads it too (README, "Scaling"). */
const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

export interface BrokerScalingProps {
  readonly spec: KafkaClusterSpec;
  /** @default - see KafkaScalingOptions */
  readonly options?: KafkaScalingOptions;
}

const SCRIPTS_MOUNT = '/etc/kafka-scale';
const TOOLS_MOUNT = '/opt/kafka-scale-tools';

/**
 * The scale Job: brings the running cluster to the declared broker set with
 * Kafka's own tools (scale-brokers.sh). Named after the declared set, so it
 * runs once per change. It runs before the broker StatefulSets are applied
 * (sync wave -1; the bridge makes their manifests wait for it), and grows or
 * shrinks them itself with `kubectl scale`, in the safe order: grow, move,
 * drain, shrink, unregister. The applied StatefulSets then carry the replicas
 * the Job already set.
 */
export class BrokerScaling extends Construct {
  /** Name of the Job for the declared broker set. */
  public readonly jobName: string;

  constructor(scope: Construct, id: string, props: BrokerScalingProps) {
    super(scope, id);
    const { spec } = props;
    const { naming } = spec;
    const options = resolveOptions(scope.node.path, props.options ?? {});
    const name = naming.name('scale');
    const labels = naming.labels('scale');
    const zonePools = spec.brokers.zonePools;
    // A retired zone's StatefulSet (0 replicas) is shrunk after the drain too; its brokers are not declared, so departing.
    const allPools = [...zonePools, ...spec.brokers.retiredZonePools];
    const statefulSets = allPools.map(z => z.statefulSetName);
    const meta = (objectName: string) => {
      const m = naming.meta(objectName, 'scale');
      return { ...m, annotations: { ...(m.annotations ?? {}), [SYNC_WAVE_ANNOTATION]: SCALING_SYNC_WAVE } };
    };

    // Only this cluster's broker StatefulSets, by name: read and scale them, nothing else.
    jobRbac(this, spec, name, meta(name), [
      { apiGroups: ['apps'], resources: ['statefulsets'], resourceNames: statefulSets, verbs: ['get'] },
      { apiGroups: ['apps'], resources: ['statefulsets/scale'], resourceNames: statefulSets, verbs: ['get', 'patch', 'update'] },
    ]);
    const scripts = {
      'scale-brokers.sh': kafkaScript('scale-brokers.sh'),
      'plan-replica-moves.sh': kafkaScript('plan-replica-moves.sh'),
      'kafka-admin-lib.sh': kafkaScript('kafka-admin-lib.sh'),
    };
    new ApiObject(this, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name), data: scripts });

    const declared = zonePools.flatMap(z => z.nodeIds.map(nodeId => `${nodeId}=${z.zone}`)).join(' ');
    const env = [
      // On a first deploy the admin Secret does not exist yet: the Job then finds no StatefulSet and ends without it.
      ...kafkaAdminEnv(spec).map(e => (e.valueFrom?.secretKeyRef ? { ...e, valueFrom: { secretKeyRef: { ...e.valueFrom.secretKeyRef, optional: true } } } : e)),
      { name: 'HOME', value: '/tmp' },
      { name: 'KP_KUBECTL', value: `${TOOLS_MOUNT}/kubectl` },
      { name: 'KP_NAMESPACE', value: spec.namespace },
      { name: 'KP_SCALE_METADATA_MODE', value: spec.kraft ? 'kraft' : 'zookeeper' },
      { name: 'KP_SCALE_BROKERS', value: declared },
      { name: 'KP_SCALE_STATEFULSETS', value: allPools.map(z => `${z.statefulSetName}=${z.replicas}`).join(' ') },
      { name: 'KP_SCALE_THROTTLE_BYTES', value: String(options.throttleBytesPerSecond) },
      { name: 'KP_SCALE_TIMEOUT_SECONDS', value: String(options.timeoutSeconds) },
      { name: 'KP_SCALE_POLL_SECONDS', value: String(options.pollSeconds) },
    ];
    // The declared broker set (and how to get there) names the Job: an unchanged synth keeps the finished Job.
    this.jobName = naming.name(`${SCALE_JOB_PREFIX}${hashOf({ env, kubectl: options.kubectlImage, scripts }).slice(0, 8)}`);
    const podSpec = kubectlScriptPodSpec(spec, {
      container: 'scale', script: 'scale-brokers.sh', configMapName: name, scriptsMount: SCRIPTS_MOUNT, toolsMount: TOOLS_MOUNT, env, kubectlImage: options.kubectlImage,
      // The CA bundle (TLS internal listeners) may not exist on a first deploy, when this Job runs first and needs no Kafka.
      caBundle: 'optional',
    });
    new ApiObject(this, 'job', {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: meta(this.jobName),
      spec: {
        // A failed step stays visible as a failed Job; a retry (a lost node) starts again from the cluster's state.
        backoffLimit: 2,
        activeDeadlineSeconds: options.timeoutSeconds,
        template: {
          metadata: { labels: { ...labels, [spec.clientAccessLabel.key]: spec.clientAccessLabel.value } },
          spec: podSpec,
        },
      },
    });
  }
}

function resolveOptions(path: string, o: KafkaScalingOptions): Required<KafkaScalingOptions> {
  const resolved = {
    throttleBytesPerSecond: o.throttleBytesPerSecond ?? DEFAULT_SCALING_THROTTLE_BYTES_PER_SECOND,
    timeoutSeconds: o.timeoutSeconds ?? 86400,
    pollSeconds: o.pollSeconds ?? 10,
    kubectlImage: o.kubectlImage ?? DEFAULT_KUBECTL_IMAGE,
  };
  const positive: Array<[keyof typeof resolved, number, string]> = [
    ['throttleBytesPerSecond', resolved.throttleBytesPerSecond, 'give a whole number of bytes per second, at least 1048576 (1 MiB/s)'],
    ['timeoutSeconds', resolved.timeoutSeconds, 'give a whole number of seconds, at least 60'],
    ['pollSeconds', resolved.pollSeconds, 'give a whole number of seconds, at least 1'],
  ];
  const minimum: Record<string, number> = { throttleBytesPerSecond: 1024 * 1024, timeoutSeconds: 60, pollSeconds: 1 };
  for (const [prop, value, fix] of positive) {
    if (!Number.isInteger(value) || value < minimum[prop]) {
      throw new KafkaPlatformValidationError(path, `scaling.${prop}`, `${value} is too small or not a whole number`, fix);
    }
  }
  assertPinnedImage(path, 'scaling.kubectlImage', resolved.kubectlImage);
  return resolved;
}
