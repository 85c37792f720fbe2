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
  // Packages whose types and construct instances cross our API must be the consumer's own copies
  // (a second `constructs` under our package breaks `new KafkaPlatform(app, ...)`), so they are peers.
  // Ranges = what we test: the lower bound is the exact devDependency projen pins below (unit tests),
  // the newest match is what the consumer test (scripts/consumer-test) installs from the registry.
  peerDeps: [
    'constructs@^10.4.2',
    'cdktf@^0.21.0',
    'cdk8s@^2.70.106',
    '@cdktf/provider-aws@^20.1.0',
    '@cdktf/provider-kubernetes@^12.1.1',
    // 11.x binds hashicorp/helm 2.17.0 (12.x moved to helm 3.x, whose kubernetes block is an attribute).
    '@cdktf/provider-helm@^11.0.0',
  ],
  peerDependencyOptions: { pinnedDevDependency: true },
  deps: [
    'yaml@2.8.1',
  ],
  devDeps: [
    'cdktf-cli@0.21.0',
    '@cdktf/provider-generator@0.21.0',
    // Target types for scripts/gen-alicloud.ts; must match the generator's own exact pin.
    '@cdktf/commons@0.21.0',
    '@swc/core@1.13.5',
    '@swc/jest@0.2.39',
    'ts-node@10.9.2',
    'kubernetes-models@4.5.1',
    '@kubernetes-models/validate@4.0.0',
    // Schema for cert-manager Certificates the external listener can emit (same v4 line as kubernetes-models).
    '@kubernetes-models/cert-manager@4.4.4',
    '@kubernetes/client-node@1.3.0',
    // Lint (eslint.config.mjs): TypeScript rules, dependency hygiene of imports, the package manifest.
    'eslint@10.15.0',
    'typescript-eslint@8.73.0',
    'eslint-plugin-import-x@4.18.1',
    // 0.91.x: the last line that runs on Node 20 (1.x needs Node 22).
    'eslint-plugin-package-json@0.91.2',
    'jsonc-eslint-parser@2.4.2',
    // Lints the packed release tarball (scripts/consumer-test).
    'publint@0.3.25',
    // Property-based suite (test/fuzz): hostile generated props, fixed seed.
    'fast-check@4.11.0',
    // A client that is not the JVM one, for the live authorization scenarios (SCRAM-SHA-512).
    'kafkajs@2.2.4',
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
      // Jest's default leaves one core to its main thread, which only waits: on the 2-core CI machine that halves the run.
      maxWorkers: '100%',
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
    // The consumer test's programs import the published package; they are type-checked in their own project.
    exclude: ['node_modules', '../scripts/consumer-test/project/**'],
  },
  gitignore: ['cdktf.out/', 'dist/', '.gen/', '*.tsbuildinfo', 'test/integration/.cache/', '.terraform/', '.terraform.lock.hcl', 'examples/*/cdktf.out/', '.examples-out/'],
});

// swc instead of ts-jest: an order of magnitude faster; type checking is the separate `typecheck` step.
project.jest!.config.transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
project.deps.removeDependency('ts-jest');

// Lint after the type check (eslint.config.mjs: typescript-eslint, import hygiene, package.json).
const lint = project.addTask('lint', { description: 'eslint: TypeScript sources, scripts and package.json', exec: 'eslint --max-warnings 0' });
const typecheck = project.addTask('typecheck', { description: 'Type-check library, tests and examples', exec: 'tsc --noEmit -p test/tsconfig.json' });
project.testTask.prependSpawn(typecheck);
project.testTask.spawn(lint);

// The examples' cdktf.json apps run precompiled JavaScript (scripts/example-app.js compiles lib/ and examples/
// with swc, only what changed). `npm ci` warms that cache so the first `npx cdktf synth` is fast too.
project.addTask('prepare', { description: 'Precompile lib/ and examples/ for the cdktf.json apps (runs on npm ci)', exec: 'node scripts/example-app.js --compile-only' });

// Consumer test: the release tarball installed into a fresh cdktf project with the newest matching peers.
project.addTask('test:consumer', { description: 'Pack the release tarball, install it into fresh TypeScript and JavaScript cdktf projects, type-check and synthesize', exec: 'bash scripts/consumer-test/run.sh' });

// CommonJS, said explicitly so Node.js need not detect the module type of each file (publint).
project.package.addField('type', 'commonjs');
// The published package is the compiled library only: an allow-list, so new files elsewhere (examples, synth
// output, CI scripts) never leak into it. dist/ also holds the YAML examples' output and the packed tarballs.
// bin/: the package's CLI scripts (projen declares each file there in "bin").
project.package.addField('files', ['dist/**/*.js', 'dist/**/*.d.ts', 'dist/kafka/scripts/*.sh', '!dist/js/**', 'bin/']);

// Alibaba Cloud bindings: generated offline from the committed provider schema (alicloud/schema), committed under lib/generated.
project.addTask('gen:alicloud', { description: 'Regenerate the aliyun/alicloud 1.289.0 bindings into lib/generated/providers/alicloud', exec: 'ts-node --transpile-only scripts/gen-alicloud.ts' });
project.gitattributes.addAttributes('/lib/generated/**', 'linguist-generated');

// Shell scripts read by lib/kafka at synth time ship next to the compiled code.
project.compileTask.exec('mkdir -p dist/kafka/scripts && cp lib/kafka/scripts/*.sh dist/kafka/scripts/');

// Integration suite (test/integration): runs the synthesized configuration as live local JVMs (Kafka/ZooKeeper/Connect jars from Maven Central) and breaks it.
project.addTask('test:integration', { description: 'HA scenarios against a live local Kafka built from the synthesized config (needs Java 17, Maven, Maven Central)', exec: 'jest --config test/integration/jest.config.js --runInBand' });

// Terraform checks of the synthesized examples (TF_PLUGIN_MIRROR=<dir> uses a filesystem provider mirror) and the synth speed bench.
project.addTask('validate', { description: 'Synthesize the cdktf examples and run terraform init + validate on each stack (TF_PLUGIN_MIRROR selects a filesystem mirror)', exec: 'ts-node --swc scripts/validate.ts' });
// The property suite runs in `npm test` at its CI size; this runs it at 50,000+ cases per target (figures in the README).
project.addTask('fuzz', { description: 'Property-based suite at full size: 50,000 cases for KafkaCluster and KafkaEcosystem, 20,000 per KafkaPlatform cloud', exec: 'jest test/fuzz --runInBand', env: { FUZZ_RUNS: '50000', FUZZ_PLATFORM_RUNS: '20000' } });
project.addTask('bench', { description: 'npx cdktf synth of the default example vs a trivial app (ratio), then synth wall time and peak memory of the examples, 3 -> 90 brokers and 10 -> 1,000 topics', exec: 'ts-node --swc scripts/bench.ts' });

// Kafka core examples: plain YAML for GitOps users.
project.addTask('synth:kraft-yaml', { description: 'Synthesize the 3-zone KRaft example to dist/kraft-yaml', exec: 'ts-node --swc examples/kraft-yaml/main.ts' });
project.addTask('synth:zookeeper-yaml', { description: 'Synthesize the ZooKeeper-mode example to dist/zookeeper-yaml', exec: 'ts-node --swc examples/zookeeper-yaml/main.ts' });
// Ecosystem example (Schema Registry, Connect, monitoring, Grafana, UI, ksqlDB): YAML plus the Prometheus/Alertmanager files CI checks with promtool/amtool.
project.addTask('synth:ecosystem-yaml', { description: 'Synthesize the KRaft + full ecosystem example to dist/ecosystem-yaml', exec: 'ts-node --swc examples/ecosystem-yaml/main.ts' });

project.synth();
