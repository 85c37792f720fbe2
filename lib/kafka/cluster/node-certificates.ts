import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { hashOf } from '../k8s/hash';
import { containerSecurityContext } from '../k8s/security-context';
import { kafkaScript } from '../scripts';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { NODE_TLS_VALIDITY_DAYS } from '../model/internal-tls';
import { adminJobPodSpec } from './admin-job-template';
import { CertManagerNodeCertificate } from './cert-manager-certificates';
import { jobRbac } from './job-rbac';

export { NODE_TLS_VALIDITY_DAYS };

const SCRIPT_MOUNT = '/etc/kafka-tls-bootstrap';

/**
 * The DNS names the node certificate covers: every pod of the broker and controller headless Services
 * (a wildcard, so adding brokers needs no new certificate) and every spelling of the bootstrap Service.
 * Kafka verifies them (`ssl.endpoint.identification.algorithm=https`) on every internal connection.
 */
export function nodeCertificateDnsNames(spec: KafkaClusterSpec): string[] {
  const { naming, namespace, clusterDomain } = spec;
  const bootstrap = naming.name('bootstrap');
  return [
    `*.${naming.serviceDomain('broker')}`,
    ...(spec.kraft ? [`*.${naming.serviceDomain('controller')}`] : []),
    `${bootstrap}.${namespace}.svc.${clusterDomain}`, `${bootstrap}.${namespace}.svc`, `${bootstrap}.${namespace}`, bootstrap,
  ];
}

type EnvVar = { name: string; value: string };

/** What create-node-tls.sh needs in every mode (where the node Secret and the CA bundle are), around the mode's own `signing` input. */
function nodeCertificateScriptEnv(spec: KafkaClusterSpec, mode: 'issue' | 'ca-bundle' | 'renew', signing: EnvVar[] = []): EnvVar[] {
  const { tls, naming } = spec;
  return [
    { name: 'KP_NAMESPACE', value: spec.namespace },
    { name: 'KP_TLS_MODE', value: mode },
    { name: 'KP_TLS_NODE_SECRET', value: tls.nodeCertificateSecretName },
    { name: 'KP_TLS_CA_BUNDLE_CONFIGMAP', value: tls.caBundleConfigMapName },
    { name: 'KP_TLS_CA_BUNDLE_KEY', value: tls.caBundleKey },
    ...signing,
    { name: 'KP_SECRET_LABELS', value: Object.entries(naming.labels('tls')).map(([k, v]) => `${k}=${v}`).join(' ') },
  ];
}

/**
 * create-node-tls.sh's environment to sign node certificates (the bootstrap Job's issue mode, the certificate
 * roll's renew mode): one list of names, CA and validity, so a renewed certificate is the issued one again.
 */
export function nodeCertificateIssueEnv(spec: KafkaClusterSpec, mode: 'issue' | 'renew'): EnvVar[] {
  const { naming } = spec;
  return nodeCertificateScriptEnv(spec, mode, [
    { name: 'KP_TLS_CA_SECRET', value: naming.name('ca') },
    { name: 'KP_TLS_SANS', value: nodeCertificateDnsNames(spec).map(n => `DNS:${n}`).join(',') },
    { name: 'KP_TLS_COMMON_NAME', value: naming.name('node') },
    { name: 'KP_TLS_CA_DAYS', value: String(NODE_TLS_VALIDITY_DAYS.ca) },
    { name: 'KP_TLS_NODE_DAYS', value: String(NODE_TLS_VALIDITY_DAYS.node) },
    ...(mode === 'renew' ? [{ name: 'KP_TLS_RENEW_BEFORE_DAYS', value: String(spec.tls.renewBeforeDays) }] : []),
  ]);
}

/**
 * Where the certificates of the controller, replication and in-cluster client listeners come from.
 * Default: a Job that creates the cluster CA (Secret `<cluster>-ca`, read only by this Job) and issues
 * the node certificate Secret in-cluster. With `tls.certManager`: cert-manager objects issue it, and the
 * same Job (mode `ca-bundle`) only publishes the CA. Either way the Job writes the CA bundle ConfigMap,
 * which holds only the public CA certificate. Nothing here carries a key: the manifests are deterministic.
 */
export class NodeCertificates extends Construct {
  constructor(scope: Construct, id: string, spec: KafkaClusterSpec) {
    super(scope, id);
    const { naming, tls } = spec;
    const issue = tls.source === 'bootstrap-job';
    const caSecret = naming.name('ca');
    if (!issue) new CertManagerNodeCertificate(this, 'cert-manager', { spec, dnsNames: nodeCertificateDnsNames(spec), caSecretName: caSecret });

    const name = naming.name('tls-bootstrap');
    const meta = naming.meta(name, 'tls');
    // Least privilege: read only the CA and node Secrets (RBAC cannot narrow a read to one key; the script
    // prints no key), update only the CA bundle; create cannot be limited by name in RBAC.
    jobRbac(this, spec, name, meta, [
      { apiGroups: [''], resources: ['secrets'], resourceNames: issue ? [caSecret, tls.nodeCertificateSecretName] : [tls.nodeCertificateSecretName], verbs: ['get'] },
      { apiGroups: [''], resources: ['configmaps'], resourceNames: [tls.caBundleConfigMapName], verbs: ['get', 'update'] },
      { apiGroups: [''], resources: issue ? ['secrets', 'configmaps'] : ['configmaps'], verbs: ['create'] },
    ]);
    const scripts = { 'create-node-tls.sh': kafkaScript('create-node-tls.sh') };
    new ApiObject(this, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: scripts });

    const env = [
      ...(issue ? nodeCertificateIssueEnv(spec, 'issue') : nodeCertificateScriptEnv(spec, 'ca-bundle')),
      { name: 'HOME', value: '/tmp' },
    ];
    // Named after what it does: a changed name list or script is a new Job (Jobs are immutable).
    const jobName = naming.name(`tls-${hashOf({ env, image: spec.images.secretsJob, scripts }).slice(0, 8)}`);
    new ApiObject(this, 'job', {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: naming.meta(jobName, 'tls'),
      spec: {
        backoffLimit: 6,
        template: {
          metadata: { labels: naming.labels('tls') },
          spec: adminJobPodSpec(spec, [{
            name: 'create-node-tls',
            image: spec.images.secretsJob,
            imagePullPolicy: 'IfNotPresent',
            command: ['/bin/bash', `${SCRIPT_MOUNT}/create-node-tls.sh`],
            env,
            resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
            securityContext: containerSecurityContext(65534),
            volumeMounts: [{ name: 'scripts', mountPath: SCRIPT_MOUNT, readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
          }], [
            { name: 'scripts', configMap: { name, defaultMode: 0o444 } },
            // Keys live here only while the Job runs: memory-backed, never on a node's disk.
            { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
          ], name),
        },
      },
    });
  }
}
