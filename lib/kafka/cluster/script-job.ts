import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { hashOf } from '../k8s/hash';
import { containerSecurityContext } from '../k8s/security-context';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { KafkaScriptName, kafkaScript } from '../scripts';
import { adminJobPodSpec, caBundleVolumes, kafkaAdminEnv } from './admin-job-template';

export interface ScriptJobProps {
  /** Base name of the ConfigMap (`<cluster>-<base>`) and the Job (`<cluster>-<base>-<hash>`). */
  readonly base: string;
  readonly script: KafkaScriptName;
  /** Files next to the script (and kafka-admin-lib.sh), in the same ConfigMap. */
  readonly files: Record<string, string>;
  /** Env beyond the admin connection; file paths are relative to `mountPath`. */
  readonly env: Array<Record<string, any>>;
  readonly mountPath: string;
}

/**
 * One admin script run as a Job with Kafka's own tools (the cluster's image),
 * as the admin user, from its own ConfigMap. The Job is named after everything
 * it runs (env, image, files): a change is a new Job, an unchanged synth keeps
 * the finished one.
 */
export function addScriptJob(scope: Construct, spec: KafkaClusterSpec, props: ScriptJobProps): string {
  const { naming } = spec;
  const name = naming.name(props.base);
  const data = { ...props.files, [props.script]: kafkaScript(props.script), 'kafka-admin-lib.sh': kafkaScript('kafka-admin-lib.sh') };
  new ApiObject(scope, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: naming.meta(name, 'admin'), data });
  const env = [...kafkaAdminEnv(spec), ...props.env];
  const jobName = naming.name(`${props.base}-${hashOf({ env, image: spec.images.kafka, data }).slice(0, 8)}`);
  new ApiObject(scope, 'job', {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: naming.meta(jobName, 'admin'),
    spec: {
      backoffLimit: 10,
      template: {
        metadata: { labels: { ...naming.labels('admin'), [spec.clientAccessLabel.key]: spec.clientAccessLabel.value } },
        spec: adminJobPodSpec(spec, [{
          name: props.script.replace(/\.sh$/, ''),
          image: spec.images.kafka,
          imagePullPolicy: 'IfNotPresent',
          command: ['/bin/bash', `${props.mountPath}/${props.script}`],
          env,
          resources: { requests: { cpu: '100m', memory: '384Mi' }, limits: { cpu: '1', memory: '512Mi' } },
          securityContext: containerSecurityContext(),
          volumeMounts: [{ name: 'scripts', mountPath: props.mountPath, readOnly: true }, { name: 'tmp', mountPath: '/tmp' }, ...caBundleVolumes(spec).volumeMounts],
        }], [
          { name: 'scripts', configMap: { name, defaultMode: 0o444 } },
          { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
          ...caBundleVolumes(spec).volumes,
        ]),
      },
    },
  });
  return jobName;
}
