import { KafkaPlatformValidationError } from '../../errors';

/** A Kubernetes-safe DNS-1123 name check for names that become object names. */
export function validateDnsName(constructPath: string, prop: string, name: string, maxLength = 52): void {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > maxLength) {
    throw new KafkaPlatformValidationError(constructPath, prop, `"${name}" is not a valid Kubernetes name (lower-case letters, digits and "-", at most ${maxLength} characters)`, `choose a name such as "${name.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, maxLength) || 'kafka-component'}"`);
  }
}
