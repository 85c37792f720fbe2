export * from './rule';
export * from './pack';
export * from './engine';
export { MIN_TERMINATION_GRACE_PERIOD_SECONDS } from '../constants';
export { replicasAfterZoneLoss } from './zone-loss';
export { userNameProblem } from './credentials';
export { ACL_OPERATIONS_BY_RESOURCE, CLUSTER_RESOURCE_NAME } from './user-acls';
export { QUOTA_KEYS } from './user-quotas';
export { MAX_PASSWORD_GENERATION } from './user-password-rotation';
