import * as crypto from 'crypto';

/** SHA-256 (hex) of a value's JSON: a deterministic content hash for names and checksum annotations. */
export function hashOf(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
