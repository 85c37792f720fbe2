// Moved to lib/verify/harness/rewrite.ts (shared with `kafka-platform verify`); kept so existing imports keep working.
export * from '../../../lib/verify/harness/rewrite';
