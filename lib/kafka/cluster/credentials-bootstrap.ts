import { Construct } from 'constructs';
import { hashOf } from '../k8s/hash';
import { SynthTimeApiObject } from '../k8s/synth-time-object';
import { containerSecurityContext } from '../k8s/security-context';
import { kafkaScript } from '../scripts';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { KafkaUserCredentials } from '../types';
import { ADMIN_SCRIPTS_MOUNT, adminJobPodSpec } from './admin-job-template';
import { jobRbac } from './job-rbac';

export interface CredentialsBootstrapProps {
  readonly spec: KafkaClusterSpec;
  /** Every user whose Secret the cluster owns, read at synth (users can be added late). */
  readonly managedUsers: () => KafkaUserCredentials[];
}

/**
 * A Job that creates the missing user Secrets with random passwords inside
 * the cluster, so no password ever appears in a manifest or a Terraform
 * state. Its ServiceAccount may only read those Secrets and create new ones.
 */
export class CredentialsBootstrap extends Construct {
  constructor(scope: Construct, id: string, props: CredentialsBootstrapProps) {
    super(scope, id);
    const { spec, managedUsers } = props;
    const { naming } = spec;
    const sa = naming.name('secrets-bootstrap');
    // Least privilege: read only the user Secrets this cluster owns; create cannot be limited by name in RBAC.
    jobRbac(this, spec, sa, naming.meta(sa, 'admin'), () => [
      { apiGroups: [''], resources: ['secrets'], resourceNames: managedUsers().map(u => u.secretName), verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
    ]);
    new SynthTimeApiObject(this, 'job', 'batch/v1', 'Job', () => {
      const specs = managedUsers().map(u => `${u.username}=${u.secretName}`).join(' ');
      const labels = Object.entries({ ...naming.commonLabels, 'app.kubernetes.io/component': 'credentials' }).map(([k, v]) => `${k}=${v}`).join(' ');
      const env = [
        { name: 'KP_NAMESPACE', value: spec.namespace },
        { name: 'KP_USER_SECRETS', value: specs },
        { name: 'KP_SECRET_LABELS', value: labels },
        { name: 'HOME', value: '/tmp' },
      ];
      // The name changes with the users, so a new user gets a new Job (Jobs are immutable).
      const name = naming.name(`secrets-${hashOf({ env, script: kafkaScript('create-user-secrets.sh') }).slice(0, 8)}`);
      return {
        name,
        body: {
          metadata: naming.meta(name, 'admin'),
          spec: {
            backoffLimit: 6,
            template: {
              metadata: { labels: naming.labels('admin') },
              spec: adminJobPodSpec(spec, [{
                name: 'create-user-secrets',
                image: spec.images.secretsJob,
                imagePullPolicy: 'IfNotPresent',
                command: ['/bin/bash', `${ADMIN_SCRIPTS_MOUNT}/create-user-secrets.sh`],
                env,
                resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
                securityContext: containerSecurityContext(65534),
                volumeMounts: [{ name: 'scripts', mountPath: ADMIN_SCRIPTS_MOUNT, readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
              }], [
                { name: 'scripts', configMap: { name: naming.name('admin-jobs'), defaultMode: 0o444 } },
                { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
              ], sa),
            },
          },
        },
      };
    });
  }
}
