import { KafkaClusterSpec } from '../model/cluster-spec';
import { CA_BUNDLE_MOUNT_PATH, internalClientTlsProperties } from '../model/internal-tls';
import { containerSecurityContext, podSecurityContext } from '../k8s/security-context';
import { clusterTolerations } from './placement';

/** Where the admin Jobs mount their scripts and the topics table. */
export const ADMIN_SCRIPTS_MOUNT = '/etc/kafka-jobs';

/** The pod spec every admin Job shares: restricted, no API token unless a ServiceAccount is given, on the Kafka nodes. */
export function adminJobPodSpec(spec: KafkaClusterSpec, containers: any[], volumes: any[], serviceAccountName?: string): Record<string, any> {
  return {
    restartPolicy: 'OnFailure',
    ...(serviceAccountName ? { serviceAccountName, automountServiceAccountToken: true } : { automountServiceAccountToken: false }),
    enableServiceLinks: false,
    securityContext: podSecurityContext(),
    tolerations: clusterTolerations(spec),
    containers,
    volumes,
  };
}

/**
 * The admin login of a node or Job: the declared name, and the admin Secret's `username`, which an admin
 * password rotation switches (optional: a Secret you supply may lack it; the scripts then use the declared name).
 */
export function adminLoginEnv(spec: KafkaClusterSpec): Array<Record<string, any>> {
  const admin = spec.adminCredentials;
  return [
    { name: 'KP_ADMIN_USERNAME', value: admin.username },
    { name: 'KP_ADMIN_LOGIN_USERNAME', valueFrom: { secretKeyRef: { name: admin.secretName, key: admin.usernameKey, optional: true } } },
    { name: 'KP_ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: admin.secretName, key: admin.passwordKey } } },
  ];
}

/** Environment of a Job that talks to Kafka as the admin user through the internal listener. */
export function kafkaAdminEnv(spec: KafkaClusterSpec): Array<Record<string, any>> {
  return [
    { name: 'KAFKA_HOME', value: '/opt/kafka' },
    { name: 'KP_BOOTSTRAP_SERVERS', value: spec.internalBootstrapServers },
    ...adminLoginEnv(spec),
    // security.protocol and the CA truststore (kafka-admin-lib.sh writes them into the client properties).
    { name: 'KP_CLIENT_TLS_PROPERTIES', value: Object.entries(internalClientTlsProperties(spec.tls)).map(([k, v]) => `${k}=${v}`).join(' ') },
    { name: 'KAFKA_HEAP_OPTS', value: '-Xms128m -Xmx256m' },
    { name: 'LOG_DIR', value: '/tmp/logs' },
  ];
}

/** The CA bundle ConfigMap (public CA certificate only, never the node Secret) for a Kafka client's pod; none without TLS. */
export function caBundleVolumes(spec: KafkaClusterSpec): { volumes: any[]; volumeMounts: any[] } {
  if (!spec.tls.enabled) return { volumes: [], volumeMounts: [] };
  return {
    volumes: [{ name: 'ca-bundle', configMap: { name: spec.tls.caBundleConfigMapName, defaultMode: 0o444 } }],
    volumeMounts: [{ name: 'ca-bundle', mountPath: CA_BUNDLE_MOUNT_PATH, readOnly: true }],
  };
}

/** A Job running one admin script with Kafka's own tools (the cluster's Kafka image). */
export function kafkaAdminJob(spec: KafkaClusterSpec, name: string, container: string, script: string, env: any[], podLabels: Record<string, string>): Record<string, any> {
  return {
    metadata: spec.naming.meta(name, 'admin'),
    spec: {
      backoffLimit: 10,
      template: {
        metadata: { labels: podLabels },
        spec: adminJobPodSpec(spec, [{
          name: container,
          image: spec.images.kafka,
          imagePullPolicy: 'IfNotPresent',
          command: ['/bin/bash', `${ADMIN_SCRIPTS_MOUNT}/${script}`],
          env,
          resources: { requests: { cpu: '100m', memory: '384Mi' }, limits: { cpu: '1', memory: '512Mi' } },
          securityContext: containerSecurityContext(),
          volumeMounts: [{ name: 'scripts', mountPath: ADMIN_SCRIPTS_MOUNT, readOnly: true }, { name: 'tmp', mountPath: '/tmp' }, ...caBundleVolumes(spec).volumeMounts],
        }], [
          { name: 'scripts', configMap: { name: spec.naming.name('admin-jobs'), defaultMode: 0o444 } },
          { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
          ...caBundleVolumes(spec).volumes,
        ]),
      },
    },
  };
}
