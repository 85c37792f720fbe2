import { javascript, typescript } from 'projen';

/**
 * Project definition. Run `npx projen` after editing; never hand-edit the
 * files it generates (package.json, tsconfig*.json, .gitignore, ...).
 */
const project = new typescript.TypeScriptProject({
  name: 'cdktf-kafka-platform',
  description: 'Highly available Apache Kafka on Kubernetes (EKS or ACK) from one typed cdktf + cdk8s program.',
  license: 'Apache-2.0',
  copyrightOwner: 'cdktf-kafka-platform authors',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',
  projenrcTs: true,
  srcdir: 'lib',
  testdir: 'test',
  libdir: 'dist',
  sampleCode: false,
  entrypoint: 'dist/index.js',
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  eslint: false,
  prettier: false,
  // TS 7 breaks ts-jest and much other tooling; keep 5.9.x until the ecosystem follows.
  typescriptVersion: '5.9.3',
  projenVersion: '0.103.25',
  deps: [
    'cdktf@0.21.0',
    'constructs@10.4.2',
    '@cdktf/provider-aws@20.1.0',
    '@cdktf/provider-kubernetes@12.1.1',
    'cdk8s@2.70.106',
    'cdk8s-plus-28@2.5.6',
    'yaml@2.8.1',
  ],
  devDeps: [
    'cdktf-cli@0.21.0',
    '@cdktf/provider-generator@0.21.0',
    '@swc/core@1.13.5',
    '@swc/jest@0.2.39',
    'ts-node@10.9.2',
    'kubernetes-models@4.5.1',
    '@kubernetes-models/validate@4.0.0',
    '@kubernetes/client-node@1.3.0',
  ],
  jest: true,
  jestOptions: {
    jestVersion: '^29',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    junitReporting: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/integration/'],
      testEnvironment: 'node',
      collectCoverage: false,
    },
  },
  tsconfig: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
    },
    include: ['lib/**/*.ts'],
  },
  tsconfigDev: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
    },
    // Paths are relative to test/, where projen writes this config.
    include: ['**/*.ts', '../lib/**/*.ts', '../examples/**/*.ts', '../scripts/**/*.ts'],
  },
  gitignore: ['cdktf.out/', 'dist/', '.gen/', '*.tsbuildinfo', 'test/integration/.cache/', '.terraform/', '.terraform.lock.hcl', 'examples/*/cdktf.out/'],
});

// swc instead of ts-jest: an order of magnitude faster; type checking is the separate `typecheck` step.
project.jest!.config.transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
project.deps.removeDependency('ts-jest');

const typecheck = project.addTask('typecheck', { description: 'Type-check library, tests and examples', exec: 'tsc --noEmit -p test/tsconfig.json' });
project.testTask.prependSpawn(typecheck);

project.synth();
