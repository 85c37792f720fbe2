/* eslint-disable @typescript-eslint/no-explicit-any */
import { containerSecurityContext } from '../k8s/security-context';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { adminJobPodSpec, caBundleVolumes } from './admin-job-template';

/** A Job pod that runs one of our scripts in the Kafka image and calls `kubectl` (roll, scale, rotation, disk growth). */
export interface KubectlScriptPodOptions {
  /** Name of the main container. */
  readonly container: string;
  /** Script in the ConfigMap `configMapName`, run with bash. */
  readonly script: string;
  /** ConfigMap holding the scripts; also the ServiceAccount the pod runs as. */
  readonly configMapName: string;
  readonly scriptsMount: string;
  /** Where the init container puts `kubectl` (the env of the script points there). */
  readonly toolsMount: string;
  readonly env: any[];
  readonly kubectlImage: string;
  /**
   * The CA bundle of the internal listeners: `mount` for a Kafka client, `optional` for a Job that may run before
   * the certificates exist (and needs Kafka only later), `none` for a Job that never talks to Kafka.
   */
  readonly caBundle: 'mount' | 'optional' | 'none';
  /** @default - 100m/384Mi requested, 1 CPU/512Mi limit (a Kafka admin tool's JVM) */
  readonly resources?: Record<string, any>;
  /** @default '64Mi' */
  readonly tmpSizeLimit?: string;
  /** @default 'Never': a failed check stays visible as a failed pod instead of a restart loop */
  readonly restartPolicy?: 'Never' | 'OnFailure';
}

const KAFKA_TOOL_RESOURCES = { requests: { cpu: '100m', memory: '384Mi' }, limits: { cpu: '1', memory: '512Mi' } };

/**
 * The pod spec: the script's container in the cluster's Kafka image, and an init container that copies `kubectl`
 * out of the pinned kubectl image into a shared emptyDir, so no image of our own is needed for both tools.
 */
export function kubectlScriptPodSpec(spec: KafkaClusterSpec, o: KubectlScriptPodOptions): Record<string, any> {
  const ca = o.caBundle === 'none' ? { volumes: [], volumeMounts: [] } : caBundleVolumes(spec);
  const caVolumes = o.caBundle === 'optional' ? ca.volumes.map(v => ({ ...v, configMap: { ...v.configMap, optional: true } })) : ca.volumes;
  const podSpec = adminJobPodSpec(spec, [{
    name: o.container,
    image: spec.images.kafka,
    imagePullPolicy: 'IfNotPresent',
    command: ['/bin/bash', `${o.scriptsMount}/${o.script}`],
    env: o.env,
    resources: o.resources ?? KAFKA_TOOL_RESOURCES,
    securityContext: containerSecurityContext(),
    volumeMounts: [
      { name: 'scripts', mountPath: o.scriptsMount, readOnly: true },
      { name: 'tools', mountPath: o.toolsMount, readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
      ...ca.volumeMounts,
    ],
  }], [
    { name: 'scripts', configMap: { name: o.configMapName, defaultMode: 0o444 } },
    { name: 'tools', emptyDir: { sizeLimit: '128Mi' } },
    { name: 'tmp', emptyDir: { sizeLimit: o.tmpSizeLimit ?? '64Mi' } },
    ...caVolumes,
  ], o.configMapName);
  return {
    ...podSpec,
    restartPolicy: o.restartPolicy ?? 'Never',
    initContainers: [{
      name: 'kubectl',
      image: o.kubectlImage,
      imagePullPolicy: 'IfNotPresent',
      command: ['/bin/sh', '-c', `cp "$(command -v kubectl)" ${o.toolsMount}/kubectl`],
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
      securityContext: containerSecurityContext(),
      volumeMounts: [{ name: 'tools', mountPath: o.toolsMount }],
    }],
  };
}
