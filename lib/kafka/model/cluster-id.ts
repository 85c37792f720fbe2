import * as crypto from 'crypto';

/**
 * A KRaft cluster ID derived from namespace and cluster name: the first 16
 * bytes of SHA-256 as unpadded base64url (22 chars), the format
 * `kafka-storage.sh random-uuid` produces. Deterministic, so every synth of the
 * same cluster formats storage with the same ID.
 */
export function deriveKraftClusterId(namespace: string, clusterName: string): string {
  const digest = crypto.createHash('sha256').update(`cdktf-kafka-platform/${namespace}/${clusterName}`).digest();
  const bytes = Buffer.from(digest.subarray(0, 16));
  // Kafka's Uuid.randomUuid() avoids IDs whose base64 form starts with '-' (unusable on command lines) and the reserved zero/one UUIDs.
  if (bytes[0] >> 2 === 62) bytes[0] &= 0x7f;
  return bytes.toString('base64url');
}
