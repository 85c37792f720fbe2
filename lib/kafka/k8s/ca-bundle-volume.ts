import { CA_BUNDLE_MOUNT_PATH } from '../constants';
import { KafkaClientTls } from '../types';

/** Volume name of the CA bundle in client pods. */
export const CA_BUNDLE_VOLUME = 'kafka-ca-bundle';

/** The CA bundle as a pod volume, its read-only mount, and the path of the PEM file inside the container. */
export interface CaBundleVolume {
  readonly volumes: Record<string, any>[];
  readonly volumeMounts: Record<string, any>[];
  /** Path of the CA certificate (PEM) in the container; undefined without TLS. */
  readonly caFile?: string;
}

/**
 * Mounts the cluster's CA bundle ConfigMap (only the public CA certificate)
 * read-only into a client pod. Nothing without TLS: then the pod mounts
 * nothing, as before. Never a Secret: clients must not see a private key.
 */
export function caBundleVolume(tls: KafkaClientTls | undefined, mountPath: string = CA_BUNDLE_MOUNT_PATH): CaBundleVolume {
  if (!tls?.enabled) return { volumes: [], volumeMounts: [] };
  return {
    volumes: [{ name: CA_BUNDLE_VOLUME, configMap: { name: tls.caBundleConfigMapName, items: [{ key: tls.caBundleKey, path: tls.caBundleKey }], defaultMode: 0o444 } }],
    volumeMounts: [{ name: CA_BUNDLE_VOLUME, mountPath, readOnly: true }],
    caFile: `${mountPath}/${tls.caBundleKey}`,
  };
}
