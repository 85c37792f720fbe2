import { CA_BUNDLE_MOUNT_PATH } from '../constants';
import type { KafkaClientTls } from '../types';
import type { KafkaClusterProps } from './cluster-props';
import { ClusterNaming } from './cluster-naming';

export { CA_BUNDLE_MOUNT_PATH };

/**
 * TLS of the listeners inside the Kubernetes cluster (controller, replication
 * and in-cluster clients), resolved once. Every part that opens a connection
 * to the brokers (admin Jobs, the roll Job, ecosystem components, client
 * configs) reads this instead of deciding the protocol itself.
 */
export interface InternalTlsSpec extends KafkaClientTls {
  /** False only with the loud opt-in `tls.dangerouslyUsePlaintextInternalListeners`. */
  readonly enabled: boolean;
  /** Who issues the node certificate. */
  readonly source: 'bootstrap-job' | 'cert-manager';
  /** Secret in cert-manager's format (`tls.crt`, `tls.key`, `ca.crt`); only brokers and controllers mount it. */
  readonly nodeCertificateSecretName: string;
  /** ConfigMap holding only the cluster CA certificate (public): what clients mount. */
  readonly caBundleConfigMapName: string;
  /** Key of the CA certificate (PEM) in the CA bundle ConfigMap. */
  readonly caBundleKey: string;
  /** `security.protocol` of the internal listener (replication and in-cluster clients). */
  readonly internalProtocol: 'SASL_SSL' | 'SASL_PLAINTEXT';
  /** The user's cert-manager issuer of the node certificate (`tls.certManager.issuerRef`); none: a CA Issuer made for this cluster. */
  readonly certManagerIssuerRef?: { readonly name: string; readonly kind: 'Issuer' | 'ClusterIssuer' };
  /** Days before its expiry that the in-cluster renewal replaces the node certificate (bootstrap-job source). */
  readonly renewBeforeDays: number;
  /** Cron schedule of the certificate roll CronJob. */
  readonly rollSchedule: string;
}

/** Validity of the cluster CA the bootstrap Job creates (10 years) and of the node certificate it issues (2 years). */
export const NODE_TLS_VALIDITY_DAYS = { ca: 3650, node: 730 } as const;
export const DEFAULT_RENEW_BEFORE_DAYS = 240;
export const DEFAULT_CERTIFICATE_ROLL_SCHEDULE = '7 * * * *';

export function resolveInternalTls(props: KafkaClusterProps, naming: ClusterNaming): InternalTlsSpec {
  const enabled = !props.tls?.dangerouslyUsePlaintextInternalListeners;
  const certManager = props.tls?.certManager !== undefined;
  return {
    enabled,
    source: certManager ? 'cert-manager' : 'bootstrap-job',
    nodeCertificateSecretName: naming.name('node-tls'),
    caBundleConfigMapName: naming.name('ca-bundle'),
    caBundleKey: 'ca.crt',
    internalProtocol: enabled ? 'SASL_SSL' : 'SASL_PLAINTEXT',
    renewBeforeDays: props.tls?.renewBeforeDays ?? DEFAULT_RENEW_BEFORE_DAYS,
    rollSchedule: props.tls?.rollSchedule ?? DEFAULT_CERTIFICATE_ROLL_SCHEDULE,
    ...(props.tls?.certManager?.issuerRef ? {
      certManagerIssuerRef: { name: props.tls.certManager.issuerRef.name, kind: props.tls.certManager.issuerRef.kind ?? 'ClusterIssuer' },
    } : {}),
  };
}

/**
 * The client properties a Kafka client inside the cluster needs for the
 * internal listener's TLS (SASL settings come from the caller): the CA bundle
 * as a PEM truststore, so no keystore or password is needed on the client side.
 */
export function internalClientTlsProperties(tls: Pick<KafkaClientTls, 'enabled' | 'caBundleKey'>, caMountPath: string = CA_BUNDLE_MOUNT_PATH): Record<string, string> {
  if (!tls.enabled) return { 'security.protocol': 'SASL_PLAINTEXT' };
  return {
    'security.protocol': 'SASL_SSL',
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': `${caMountPath}/${tls.caBundleKey}`,
  };
}
