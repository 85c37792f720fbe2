// eslint (flat config), run by `npm test` after the type check. Rules are about
// correctness and about what breaks consumers of the published package; layout
// and style are left to the reviewers.
import importX from 'eslint-plugin-import-x';
import packageJson from 'eslint-plugin-package-json';
import tseslint from 'typescript-eslint';

// Provider packages are imported class by class: their root module loads every
// binding (seconds of synth time and hundreds of MB).
const PROVIDER_ROOTS = ['@cdktf/provider-aws', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'].map((name) => ({
  name,
  message: `Deep-import the class instead, e.g. '${name}/lib/provider'.`,
}));

const nodeGlobals = Object.fromEntries(
  ['require', 'module', 'exports', 'process', 'console', '__dirname', '__filename', 'Buffer', 'setTimeout', 'clearTimeout'].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  // Some files carry disable comments for rules this config leaves off; they are harmless.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    ignores: [
      'dist/**', 'coverage/**', '**/cdktf.out/**', '**/.gen/**', '.examples-out/**', 'test/integration/.cache/**',
      // Generated from the provider schema by `npm run gen:alicloud`.
      'lib/generated/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      // Kubernetes objects and Terraform JSON are untyped documents here by design.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'eqeqeq': ['error', 'smart'],
      'no-restricted-imports': ['error', { paths: PROVIDER_ROOTS }],
      'import-x/no-self-import': 'error',
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: true, peerDependencies: true, optionalDependencies: false }],
    },
  },
  {
    // The published library: only dependencies and peers, never devDependencies (they are not installed for users).
    files: ['lib/**/*.ts'],
    rules: {
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: false, peerDependencies: true, optionalDependencies: false }],
      // Synth-time advice belongs in construct annotations (the cdktf CLI shows them), not on stderr.
      'no-console': 'error',
    },
  },
  {
    // Tests re-require modules on purpose (fresh module state, optional schemas) and build fakes with closures.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    // The consumer test's programs resolve against the fresh project's own package.json at test time.
    files: ['scripts/consumer-test/project/**'],
    rules: { 'import-x/no-extraneous-dependencies': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      'eqeqeq': ['error', 'smart'],
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.recommended],
  },
  {
    ...packageJson.configs.recommended,
    files: ['package.json'],
    rules: {
      ...packageJson.configs.recommended.rules,
      // projen writes package.json; these ask for fields this package does not use (it
      // is CommonJS without an exports map, and has no public repository URL yet).
      'package-json/require-exports': 'off',
      'package-json/require-sideEffects': 'off',
      'package-json/require-repository': 'off',
      'package-json/require-attribution': 'off',
      // Order and publishConfig are projen's output (unscoped packages are public anyway).
      'package-json/sort-collections': 'off',
      'package-json/no-redundant-publishConfig': 'off',
    },
  },
);
