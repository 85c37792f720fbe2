/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { hashOf } from '../k8s/hash';
import { kafkaScript } from '../scripts';
import { kubectlScriptPodSpec } from './kubectl-script-job';
import { jobRbac } from './job-rbac';
import { resolveRollOptions, ROLL_SCRIPTS_MOUNT, ROLL_TOOLS_MOUNT, rollEnv, RollingRestartProps, rollRules, rollScripts } from './rolling-restart';

/** The pools it restarts, as the roll sees them, and the roll's options (checks, timing, kubectl image). */
export type AdminPasswordRotationProps = RollingRestartProps;

/** Pod label value (`app.kubernetes.io/component`) of the admin password rotation Job. */
export const ADMIN_PASSWORD_ROTATION_COMPONENT = 'admin-password-rotation';

/**
 * Rotates the admin's password without downtime (rotate-admin-password.sh, `credentials.adminPasswordRotation`).
 *
 * The admin is every node's identity towards the others, and the controller listener's SASL/PLAIN holds one
 * password per user, so a new password cannot sit beside the old one under the same name. The admin has two
 * identities instead (both in `super.users`), and the Job moves it from one to the other in phases, each a
 * restart of the pods that started before the admin Secret changed, with the roll's checks and order and under
 * the roll Lease: controllers accept the next identity; every node logs in with it; a later deploy with
 * `retirePrevious` deletes the previous one. Named after what it applies: an unchanged synth re-runs nothing.
 * Its ServiceAccount may read and patch the admin Secret and restart this cluster's pods, nothing else.
 */
export class AdminPasswordRotation extends Construct {
  public readonly jobName: string;

  constructor(scope: Construct, id: string, props: AdminPasswordRotationProps) {
    super(scope, id);
    const { spec, brokers, controllers } = props;
    const rotation = spec.adminPasswordRotation;
    if (!rotation) throw new Error(`${this.node.path}: AdminPasswordRotation needs credentials.adminPasswordRotation`);
    const { naming } = spec;
    const options = resolveRollOptions(scope.node.path, props.options ?? {});
    const name = naming.name(ADMIN_PASSWORD_ROTATION_COMPONENT);
    const meta = naming.meta(name, ADMIN_PASSWORD_ROTATION_COMPONENT);
    const pods = [...(controllers?.targets ?? []), ...brokers.targets].map(t => t.pod);
    const adminSecret = spec.adminCredentials.secretName;

    jobRbac(this, spec, name, meta, [
      ...rollRules(spec, pods),
      { apiGroups: [''], resources: ['secrets'], resourceNames: [adminSecret], verbs: ['get', 'patch'] },
    ]);
    const scripts = { ...rollScripts(), 'rotate-admin-password.sh': kafkaScript('rotate-admin-password.sh'), 'credential-lib.sh': kafkaScript('credential-lib.sh') };
    new ApiObject(this, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: scripts });

    const env = [
      ...rollEnv(spec, options, brokers, controllers),
      // Before the first phase every pod must run its current template: the Job rolls to it like the roll Job.
      ...(controllers ? [{ name: 'KP_ROLL_CONTROLLER_HASH', value: controllers.configHash }] : []),
      { name: 'KP_ROLL_BROKER_HASH', value: brokers.configHash },
      { name: 'KP_ADMIN_SECRET', value: adminSecret },
      { name: 'KP_ADMIN_ALTERNATE_USERNAME', value: spec.adminAlternateUsername },
      { name: 'KP_ADMIN_ROTATION_GENERATION', value: String(rotation.generation) },
      { name: 'KP_ADMIN_ROTATION_RETIRE', value: String(rotation.retirePrevious === true) },
    ];
    this.jobName = naming.name(`admin-rotate-${hashOf({ env, image: spec.images.kafka, kubectl: options.kubectlImage, scripts }).slice(0, 8)}`);
    const podSpec = kubectlScriptPodSpec(spec, {
      container: 'rotate-admin-password', script: 'rotate-admin-password.sh', configMapName: name, scriptsMount: ROLL_SCRIPTS_MOUNT, toolsMount: ROLL_TOOLS_MOUNT,
      env, kubectlImage: options.kubectlImage, caBundle: spec.tls.enabled ? 'mount' : 'none',
    });
    new ApiObject(this, 'job', {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: naming.meta(this.jobName, ADMIN_PASSWORD_ROTATION_COMPONENT),
      spec: {
        // The Secret records the phase: a retry resumes it. One retry covers a lost node; a failed check stays visible.
        backoffLimit: 1,
        template: {
          metadata: { labels: { ...naming.labels(ADMIN_PASSWORD_ROTATION_COMPONENT), [spec.clientAccessLabel.key]: spec.clientAccessLabel.value } },
          spec: podSpec,
        },
      },
    });
  }
}
