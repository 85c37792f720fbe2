// Lives in lib/verify/harness/node-tls.ts (shared with `kafka-platform verify`).
export * from '../../../lib/verify/harness/node-tls';
