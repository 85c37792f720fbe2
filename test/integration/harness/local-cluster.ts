// Moved to lib/verify/harness/local-cluster.ts (shared with `kafka-platform verify`); kept so existing imports keep working.
export * from '../../../lib/verify/harness/local-cluster';
export { expandK8sVars } from '../../../lib/verify/harness/pod-spec';
