// Jest config of the integration suite only (`npm run test:integration`).
// The unit config (package.json) ignores test/integration; this one runs only
// *.it.ts files, in band: each file starts a live cluster of JVMs.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testMatch: ['<rootDir>/test/integration/**/*.it.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // One scenario may legitimately take minutes (rolling restart of 3 brokers).
  testTimeout: 240_000,
  maxWorkers: 1,
  // KRaft first: it is the default mode and the seven scenarios; ZooKeeper mode after.
  testSequencer: '<rootDir>/test/integration/harness/sequencer.js',
  verbose: true,
};
