export * from './rule';
export * from './pack';
export { MIN_TERMINATION_GRACE_PERIOD_SECONDS } from './controlled-shutdown';
export { replicasAfterZoneLoss } from './zone-loss';
