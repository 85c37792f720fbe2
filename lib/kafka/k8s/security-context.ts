import { KAFKA_RUN_AS_USER } from '../constants';

/**
 * Pod and container security contexts of every pod this library creates,
 * from one definition: the Restricted Pod Security Standard (non-root,
 * RuntimeDefault seccomp, no privilege escalation, no capabilities). The
 * variants below only add fields; none relaxes the restricted base.
 */

const RUNTIME_DEFAULT_SECCOMP = { type: 'RuntimeDefault' } as const;

function podContext(uid: number, gid: number, fsGroupChangePolicy?: 'OnRootMismatch'): Record<string, any> {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    fsGroup: gid,
    ...(fsGroupChangePolicy ? { fsGroupChangePolicy } : {}),
    seccompProfile: { ...RUNTIME_DEFAULT_SECCOMP },
  };
}

/** Restricted Pod Security Standard, container level. `readOnlyRootFilesystem` for images that never write outside their volumes. */
export function restrictedContainerSecurityContext(options: { readonly readOnlyRootFilesystem?: boolean } = {}): Record<string, any> {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    seccompProfile: { ...RUNTIME_DEFAULT_SECCOMP },
    ...(options.readOnlyRootFilesystem ? { readOnlyRootFilesystem: true } : {}),
  };
}

/** Restricted Pod Security Standard, pod level, with the image's own non-root user and group. */
export function restrictedPodSecurityContext(uid: number, gid: number = uid): Record<string, any> {
  return podContext(uid, gid);
}

/**
 * Kafka/ZooKeeper pods: the restricted pod context, and volume ownership
 * changed only when the volume root does not match (a multi-terabyte log
 * volume is not walked on every restart).
 */
export function podSecurityContext(uid: number = KAFKA_RUN_AS_USER): Record<string, any> {
  return podContext(uid, uid, 'OnRootMismatch');
}

/** Kafka/ZooKeeper containers: restricted, read-only root, and the user pinned explicitly (the scripts rely on it). */
export function containerSecurityContext(uid: number = KAFKA_RUN_AS_USER): Record<string, any> {
  const restricted = restrictedContainerSecurityContext();
  // Spelled out in this key order: the admin Jobs are rendered at synth time with their keys as built, not sorted.
  return {
    runAsNonRoot: restricted.runAsNonRoot,
    runAsUser: uid,
    runAsGroup: uid,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: restricted.allowPrivilegeEscalation,
    privileged: false,
    capabilities: restricted.capabilities,
    seccompProfile: restricted.seccompProfile,
  };
}
