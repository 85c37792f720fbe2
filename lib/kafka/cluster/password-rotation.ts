import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { hashOf } from '../k8s/hash';
import { SynthTimeApiObject } from '../k8s/synth-time-object';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { kafkaScript } from '../scripts';
import { kafkaAdminEnv } from './admin-job-template';
import { kubectlScriptPodSpec } from './kubectl-script-job';
import { DeclaredUser } from './declarations';
import { jobRbac } from './job-rbac';

export interface PasswordRotationProps {
  readonly spec: KafkaClusterSpec;
  /** Every declared user, read at synth (users can be added late); those with a passwordRotation are rotated. */
  readonly users: () => DeclaredUser[];
  /** Image the kubectl binary is copied from (the roll Job's). */
  readonly kubectlImage: string;
}

const SCRIPTS_MOUNT = '/etc/kafka-rotation';
const TOOLS_MOUNT = '/opt/kafka-rotation-tools';

/**
 * The password rotation Job (rotate-passwords.sh): for each user whose
 * declared `passwordRotation.generation` is ahead of its Secret, a new random
 * password goes into the SCRAM slot its clients do not use, then into the
 * Secret; `retirePrevious` deletes the other slot. Named after what it
 * applies, so raising a generation runs a new Job and an unchanged synth
 * re-runs nothing. Its ServiceAccount may only read and patch the rotated
 * users' Secrets. The cluster's Kafka image runs Kafka's own tools; kubectl
 * is copied from its official image by an init container, as in the roll Job.
 */
export class PasswordRotation extends Construct {
  constructor(scope: Construct, id: string, props: PasswordRotationProps) {
    super(scope, id);
    const { spec, kubectlImage } = props;
    const { naming } = spec;
    const name = naming.name('password-rotation');
    const rotated = () => props.users().filter(u => u.passwordRotation !== undefined);

    jobRbac(this, spec, name, naming.meta(name, 'admin'),
      () => [{ apiGroups: [''], resources: ['secrets'], resourceNames: rotated().map(u => u.credentials.secretName), verbs: ['get', 'patch'] }]);
    const scripts = { 'rotate-passwords.sh': kafkaScript('rotate-passwords.sh'), 'kafka-admin-lib.sh': kafkaScript('kafka-admin-lib.sh'), 'credential-lib.sh': kafkaScript('credential-lib.sh') };
    new ApiObject(this, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: naming.meta(name, 'admin'), data: scripts });

    new SynthTimeApiObject(this, 'job', 'batch/v1', 'Job', () => {
      const rotations = rotated().map(u => [u.credentials.username, u.credentials.secretName, u.passwordRotation!.generation, u.passwordRotation!.retirePrevious === true].join('=')).join(' ');
      const env = [
        ...kafkaAdminEnv(spec),
        { name: 'HOME', value: '/tmp' },
        { name: 'KP_KUBECTL', value: `${TOOLS_MOUNT}/kubectl` },
        { name: 'KP_NAMESPACE', value: spec.namespace },
        { name: 'KP_ROTATIONS', value: rotations },
      ];
      // A raised generation or a retirement is a new Job (Jobs are immutable); an unchanged synth keeps the finished one.
      const jobName = naming.name(`rotate-${hashOf({ env, image: spec.images.kafka, kubectl: kubectlImage, scripts }).slice(0, 8)}`);
      const podSpec = kubectlScriptPodSpec(spec, {
        container: 'rotate-passwords', script: 'rotate-passwords.sh', configMapName: name, scriptsMount: SCRIPTS_MOUNT, toolsMount: TOOLS_MOUNT, env, kubectlImage,
        caBundle: 'mount', restartPolicy: 'OnFailure',
      });
      return {
        name: jobName,
        body: {
          metadata: naming.meta(jobName, 'admin'),
          spec: {
            backoffLimit: 6,
            template: {
              metadata: { labels: { ...naming.labels('admin'), [spec.clientAccessLabel.key]: spec.clientAccessLabel.value } },
              spec: podSpec,
            },
          },
        },
      };
    });
  }
}
