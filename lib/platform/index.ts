export * from './gitops-writer';
export * from './kafka-platform';
export * from './manifest-bridge';
export * from './object-identity';
export * from './client-outputs';
