import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { hashOf } from '../k8s/hash';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { kafkaScript } from '../scripts';
import { kubectlScriptPodSpec } from './kubectl-script-job';
import { jobRbac } from './job-rbac';

/** One PersistentVolumeClaim the growth Job takes to `size`. */
export interface VolumeGrowthTarget {
  readonly claim: string;
  readonly size: string;
}

export interface VolumeGrowthProps {
  readonly spec: KafkaClusterSpec;
  /** Pinned image the `kubectl` binary is copied from (the roll Job's, `rollingRestart.kubectlImage`). */
  readonly kubectlImage: string;
}

const SCRIPTS_MOUNT = '/etc/kafka-grow';
const TOOLS_MOUNT = '/opt/kafka-grow-tools';

/** The claims of every pool whose `storage.size` is above its `claimTemplateSize`, by StatefulSet then ordinal. */
export function volumeGrowthTargets(spec: KafkaClusterSpec): VolumeGrowthTarget[] {
  const claims = (sts: string, replicas: number, size: string) => Array.from({ length: replicas }, (_v, i) => ({ claim: `data-${sts}-${i}`, size }));
  const targets: VolumeGrowthTarget[] = [];
  for (const pool of [spec.controllers, spec.brokers]) {
    if (!pool || pool.storageSize === pool.claimTemplateSize) continue;
    for (const z of pool.zonePools) targets.push(...claims(z.statefulSetName, z.replicas, pool.storageSize));
  }
  const zk = spec.zookeeper;
  if (zk && zk.storageSize !== zk.claimTemplateSize) targets.push(...claims(zk.statefulSetName, zk.replicas, zk.storageSize));
  return targets;
}

/**
 * Grows the data volumes in place when `storage.size` is raised. StatefulSet
 * volume claim templates are immutable (the API server refuses the change, so
 * neither `cdktf deploy` nor a GitOps sync could apply it), so the templates keep
 * `claimTemplateSize` and this Job patches each claim to `size` and waits until
 * the volume has grown: no StatefulSet or pod is deleted, nothing needs
 * ordering against the StatefulSets, and a re-run only checks. Named after its
 * targets, like the roll Job: an unchanged synth keeps the finished Job. Its
 * ServiceAccount may only get and patch these claims, by name.
 */
export class VolumeGrowth extends Construct {
  public readonly jobName: string;

  constructor(scope: Construct, id: string, props: VolumeGrowthProps) {
    super(scope, id);
    const { spec, kubectlImage } = props;
    const { naming } = spec;
    const targets = volumeGrowthTargets(spec);
    const name = naming.name('grow-volumes');
    const component = 'grow-volumes';

    jobRbac(this, spec, name, naming.meta(name, component),
      [{ apiGroups: [''], resources: ['persistentvolumeclaims'], resourceNames: targets.map(t => t.claim), verbs: ['get', 'patch'] }]);
    const scripts = { 'grow-volumes.sh': kafkaScript('grow-volumes.sh') };
    new ApiObject(this, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: naming.meta(name, component), data: scripts });

    const env = [
      { name: 'HOME', value: '/tmp' },
      { name: 'KP_KUBECTL', value: `${TOOLS_MOUNT}/kubectl` },
      { name: 'KP_NAMESPACE', value: spec.namespace },
      { name: 'KP_GROW_TARGETS', value: targets.map(t => `${t.claim}=${t.size}`).join(' ') },
      { name: 'KP_GROW_TIMEOUT_SECONDS', value: '1800' },
      { name: 'KP_GROW_POLL_SECONDS', value: '10' },
    ];
    this.jobName = naming.name(`grow-volumes-${hashOf({ env, image: spec.images.kafka, kubectl: kubectlImage, scripts }).slice(0, 8)}`);
    const podSpec = kubectlScriptPodSpec(spec, {
      container: 'grow', script: 'grow-volumes.sh', configMapName: name, scriptsMount: SCRIPTS_MOUNT, toolsMount: TOOLS_MOUNT, env, kubectlImage,
      // The Kafka image only for bash and awk: the Job never talks to Kafka, so it gets no Kafka credentials.
      caBundle: 'none', resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } }, tmpSizeLimit: '16Mi',
    });
    new ApiObject(this, 'job', {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: naming.meta(this.jobName, component),
      spec: {
        // A refused shrink or a StorageClass without expansion must stay visible as a failed Job.
        backoffLimit: 1,
        template: {
          metadata: { labels: naming.labels(component) },
          spec: podSpec,
        },
      },
    });
  }
}
