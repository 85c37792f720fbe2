/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KAFKA_PORTS } from '../constants';
import { containerSecurityContext } from '../k8s/security-context';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { KafkaRollingRestartOptions } from '../model/rolling-restart-options';
import { kafkaScript } from '../scripts';
import { kubectlScriptPodSpec } from './kubectl-script-job';
import { nodeCertificateIssueEnv } from './node-certificates';
import { resolveRollOptions, ROLL_SCRIPTS_MOUNT, ROLL_TOOLS_MOUNT, RollPool, rollEnv, rollRules, rollScripts } from './rolling-restart';
import { jobRbac } from './job-rbac';

export interface CertificateRollProps {
  readonly spec: KafkaClusterSpec;
  readonly brokers: RollPool;
  /** @default - no controllers (ZooKeeper mode) */
  readonly controllers?: RollPool;
  /** @default - see KafkaRollingRestartOptions */
  readonly options?: KafkaRollingRestartOptions;
}

/** Pod label value (`app.kubernetes.io/component`) of the certificate roll. */
export const CERTIFICATE_ROLL_COMPONENT = 'certificate-roll';

/**
 * A renewed certificate takes effect by itself: a CronJob compares the certificate every TLS listener of every
 * broker and controller presents (a TLS handshake, no credentials) with the one in its Secret (the node
 * certificate; the external listener's), and restarts the pods that present an older one with the roll's own checks and order (roll-cluster.sh, certificate
 * trigger), holding the same Lease as the deploy's roll so the two never restart pods side by side.
 *
 * A restart, not Kafka's dynamic keystore reload: a reload refreshes what a listener presents, but not the
 * certificate a broker presents as a client (replication, the controller connection), which would expire
 * unnoticed. Without cert-manager an init container first renews a certificate in its last
 * `tls.renewBeforeDays` (create-node-tls.sh, mode renew), so nothing expires in a cluster left alone.
 */
export class CertificateRoll extends Construct {
  public readonly cronJobName: string;

  constructor(scope: Construct, id: string, props: CertificateRollProps) {
    super(scope, id);
    const { spec, brokers, controllers } = props;
    const { naming, tls } = spec;
    const options = resolveRollOptions(scope.node.path, props.options ?? {});
    const renew = tls.enabled && tls.source === 'bootstrap-job';
    const ext = spec.externalListener;
    const name = naming.name(CERTIFICATE_ROLL_COMPONENT);
    const meta = naming.meta(name, CERTIFICATE_ROLL_COMPONENT);
    this.cronJobName = name;
    const pods = [...(controllers?.targets ?? []), ...brokers.targets].map(t => t.pod);
    const caSecret = naming.name('ca');

    jobRbac(this, spec, name, meta, [
      ...rollRules(spec, pods),
      // Reads the certificates it compares; the renewal also signs with the CA and replaces the node Secret, nothing else.
      { apiGroups: [''], resources: ['secrets'], resourceNames: [...(renew ? [caSecret] : []), ...(tls.enabled ? [tls.nodeCertificateSecretName] : []), ...(ext ? [ext.tlsSecretName] : [])], verbs: ['get'] },
      ...(renew ? [{ apiGroups: [''], resources: ['secrets'], resourceNames: [tls.nodeCertificateSecretName], verbs: ['update'] }] : []),
    ]);
    const scripts = { ...rollScripts(), ...(renew ? { 'create-node-tls.sh': kafkaScript('create-node-tls.sh') } : {}) };
    new ApiObject(this, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: scripts });

    // Every TLS listener of every pod, with the Secret whose certificate it must present.
    const node = tls.nodeCertificateSecretName;
    const endpoints = [
      ...(tls.enabled ? (controllers?.targets ?? []).map(t => `${t.pod}=${node}@${naming.podFqdn(t.pod, 'controller')}:${KAFKA_PORTS.controller}`) : []),
      ...brokers.targets.flatMap(t => [
        ...(tls.enabled ? [`${t.pod}=${node}@${naming.podFqdn(t.pod, 'broker')}:${KAFKA_PORTS.internal}`] : []),
        ...(ext ? [`${t.pod}=${ext.tlsSecretName}@${naming.podFqdn(t.pod, 'broker')}:${ext.port}`] : []),
      ]),
    ];
    const env = [
      ...rollEnv(spec, options, brokers, controllers),
      { name: 'KP_ROLL_TRIGGER', value: 'certificate' },
      { name: 'KP_ROLL_TLS_ENDPOINTS', value: endpoints.join(' ') },
    ];
    const podSpec = kubectlScriptPodSpec(spec, {
      container: 'roll', script: 'roll-cluster.sh', configMapName: name, scriptsMount: ROLL_SCRIPTS_MOUNT, toolsMount: ROLL_TOOLS_MOUNT,
      env, kubectlImage: options.kubectlImage, caBundle: tls.enabled ? 'mount' : 'none',
    });
    if (renew) {
      podSpec.initContainers.push(renewalContainer(spec));
      // The new key exists only here, and only while the init container runs: memory-backed, never on a node's disk.
      podSpec.volumes.push({ name: 'renewal-tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } });
    }

    // The controller NetworkPolicy admits the certificate probe's label to the controller port for a handshake.
    const probeLabel = spec.controllerTlsListener?.probeAccessLabel;
    const probeAccess = probeLabel ? { [probeLabel.key]: probeLabel.value } : {};
    new ApiObject(this, 'cronjob', {
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta,
      spec: {
        schedule: tls.rollSchedule,
        // One at a time; a run that could not start in time waits for the next slot instead of piling up.
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: 600,
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels: naming.labels(CERTIFICATE_ROLL_COMPONENT) },
          spec: {
            // A failed check stays a failed Job (and the next run tries again), not a retry loop.
            backoffLimit: 0,
            template: {
              metadata: { labels: { ...naming.labels(CERTIFICATE_ROLL_COMPONENT), [spec.clientAccessLabel.key]: spec.clientAccessLabel.value, ...probeAccess } },
              spec: podSpec,
            },
          },
        },
      },
    });
  }
}

function renewalContainer(spec: KafkaClusterSpec): Record<string, any> {
  return {
    name: 'renew-node-tls',
    image: spec.images.secretsJob,
    imagePullPolicy: 'IfNotPresent',
    command: ['/bin/bash', `${ROLL_SCRIPTS_MOUNT}/create-node-tls.sh`],
    env: [...nodeCertificateIssueEnv(spec, 'renew'), { name: 'HOME', value: '/tmp' }],
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    securityContext: containerSecurityContext(65534),
    volumeMounts: [{ name: 'scripts', mountPath: ROLL_SCRIPTS_MOUNT, readOnly: true }, { name: 'renewal-tmp', mountPath: '/tmp' }],
  };
}
