// Moved to lib/verify/harness/kafka-tools.ts (shared with `kafka-platform verify`); kept so existing imports keep working.
export * from '../../../lib/verify/harness/kafka-tools';
