// Moved to lib/verify/harness/secrets.ts (shared with `kafka-platform verify`); kept so existing imports keep working.
export * from '../../../lib/verify/harness/secrets';
