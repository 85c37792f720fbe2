export * from './build';
export * from './metric-sources';
export * from './model';
export * from './render';
