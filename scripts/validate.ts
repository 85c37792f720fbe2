/**
 * `npm run validate`: synthesizes every cdktf example (examples/<name>/cdktf.json)
 * and runs `terraform init` + `terraform validate` on each synthesized stack.
 *
 * Provider source:
 * - default: the normal Terraform registry;
 * - TF_PLUGIN_MIRROR=/opt/tf-plugins (CI): a temporary CLI config with a
 *   `filesystem_mirror` and nothing else, so nothing is downloaded. A missing
 *   mirror directory is an error. Stacks that need a provider the mirror lacks
 *   are reported loudly as NOT VALIDATED; stacks listed in REQUIRED_STACKS must
 *   always validate.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface ExampleRequirement {
  /** Stacks that must pass `terraform validate` (never skipped). */
  readonly requiredStacks: string[];
  /** Why stacks of this example may lack a provider in the mirror. */
  readonly skipNote?: string;
}

/** Add your example here to require its stacks to validate. Examples without an entry are still synthesized and validated when possible. */
const REQUIRED_STACKS: Record<string, ExampleRequirement> = {
  'aws-eks': { requiredStacks: ['kafka-infra'] },
  'alicloud-ack': { requiredStacks: [], skipNote: 'the Alibaba Cloud JSON is checked against provider-schema.json by its schema test' },
};

const ROOT = path.resolve(__dirname, '..');
const BANNER = '!'.repeat(78);

type Outcome = { example: string; stack: string; status: 'VALID' | 'FAILED' | 'NOT VALIDATED'; detail: string };

function main(): number {
  const mirror = process.env.TF_PLUGIN_MIRROR;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-platform-validate-'));
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1', DISABLE_VERSION_CHECK: '1' };
  delete env.TF_PLUGIN_CACHE_DIR;
  if (mirror) {
    if (!fs.existsSync(mirror) || !fs.statSync(mirror).isDirectory()) {
      console.error(`${BANNER}\nTF_PLUGIN_MIRROR=${mirror} does not exist. Refusing to validate against the public registry instead.\nInstall the provider mirror there (see DEVELOPERS.md) or unset TF_PLUGIN_MIRROR.\n${BANNER}`);
      return 1;
    }
    const config = path.join(work, 'terraformrc');
    fs.writeFileSync(config, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(path.resolve(mirror))}\n  }\n}\n`);
    env.TF_CLI_CONFIG_FILE = config;
    console.log(`Provider source: filesystem mirror ${mirror} (TF_CLI_CONFIG_FILE=${config})`);
  } else {
    console.log('Provider source: the public Terraform registry (set TF_PLUGIN_MIRROR to use a filesystem mirror)');
  }
  const terraformVersion = spawnSync('terraform', ['version'], { env, encoding: 'utf8' });
  if (terraformVersion.status !== 0) {
    console.error(`terraform is not runnable: ${terraformVersion.error ?? terraformVersion.stderr}`);
    return 1;
  }
  console.log(terraformVersion.stdout.split('\n')[0]);

  const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((e) => fs.existsSync(path.join(ROOT, 'examples', e, 'cdktf.json'))).sort();
  for (const name of Object.keys(REQUIRED_STACKS)) {
    if (REQUIRED_STACKS[name].requiredStacks.length > 0 && !examples.includes(name)) {
      console.error(`examples/${name} (required) is missing`);
      return 1;
    }
  }
  const outcomes: Outcome[] = [];
  for (const example of examples) {
    const exampleDir = path.join(ROOT, 'examples', example);
    const outdir = path.join(work, example);
    const app = JSON.parse(fs.readFileSync(path.join(exampleDir, 'cdktf.json'), 'utf8')).app as string;
    console.log(`\n==> synth examples/${example}: ${app}`);
    const synth = spawnSync(app, { cwd: exampleDir, shell: true, env: { ...env, CDKTF_OUTDIR: outdir }, encoding: 'utf8' });
    if (synth.status !== 0) {
      outcomes.push({ example, stack: '(synth)', status: 'FAILED', detail: `${synth.stdout}${synth.stderr}`.trim() });
      continue;
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const stacks = Object.values<any>(manifest.stacks).sort((a, b) => a.name.localeCompare(b.name));
    const requirement = REQUIRED_STACKS[example] ?? { requiredStacks: [] };
    for (const missing of requirement.requiredStacks.filter((s) => !stacks.some((st) => st.name === s))) {
      outcomes.push({ example, stack: missing, status: 'FAILED', detail: 'required stack was not synthesized' });
    }
    for (const stack of stacks) {
      const stackDir = path.join(outdir, stack.workingDirectory);
      const required = requiredProviders(path.join(outdir, stack.synthesizedStackPath));
      const absent = mirror ? required.filter((p) => !fs.existsSync(path.join(mirror, p.host, p.namespace, p.type, p.version))) : [];
      if (absent.length > 0) {
        const what = absent.map((p) => `${p.host}/${p.namespace}/${p.type} ${p.version}`).join(', ');
        const mustPass = requirement.requiredStacks.includes(stack.name);
        outcomes.push({
          example,
          stack: stack.name,
          status: mustPass ? 'FAILED' : 'NOT VALIDATED',
          detail: `provider(s) not in the mirror ${mirror}: ${what}${requirement.skipNote ? `; ${requirement.skipNote}` : ''}`,
        });
        continue;
      }
      console.log(`==> terraform init + validate: ${example}/${stack.name}`);
      const init = spawnSync('terraform', ['init', '-backend=false', '-input=false', '-no-color'], { cwd: stackDir, env, encoding: 'utf8' });
      if (init.status !== 0) {
        outcomes.push({ example, stack: stack.name, status: 'FAILED', detail: `terraform init failed:\n${init.stdout}${init.stderr}` });
        continue;
      }
      const validate = spawnSync('terraform', ['validate', '-no-color'], { cwd: stackDir, env, encoding: 'utf8' });
      const output = `${validate.stdout}${validate.stderr}`.trim();
      console.log(output);
      outcomes.push({ example, stack: stack.name, status: validate.status === 0 ? 'VALID' : 'FAILED', detail: output.split('\n')[0] });
    }
  }

  console.log('\n==> terraform validate summary');
  for (const o of outcomes) console.log(`${o.status.padEnd(13)} ${o.example}/${o.stack}: ${o.status === 'FAILED' ? o.detail : o.detail.split('\n')[0]}`);
  const skipped = outcomes.filter((o) => o.status === 'NOT VALIDATED');
  if (skipped.length > 0) {
    console.log(`\n${BANNER}\nWARNING: ${skipped.length} stack(s) were NOT validated by terraform:`);
    for (const o of skipped) console.log(`  - ${o.example}/${o.stack}: ${o.detail}`);
    console.log(BANNER);
  }
  fs.rmSync(work, { recursive: true, force: true });
  const failed = outcomes.filter((o) => o.status === 'FAILED');
  if (failed.length > 0 || outcomes.length === 0) {
    console.error(`\nvalidate FAILED: ${failed.length} stack(s) failed${outcomes.length === 0 ? ', and nothing was validated' : ''}`);
    return 1;
  }
  console.log(`\nvalidate OK: ${outcomes.filter((o) => o.status === 'VALID').length} stack(s) valid`);
  return 0;
}

interface ProviderRequirement { host: string; namespace: string; type: string; version: string }

/** Providers a synthesized stack needs, with the exact versions cdktf pins. */
function requiredProviders(stackFile: string): ProviderRequirement[] {
  const config = JSON.parse(fs.readFileSync(stackFile, 'utf8'));
  const required: Record<string, { source?: string; version?: string }> = config.terraform?.required_providers ?? {};
  return Object.entries(required).map(([name, spec]) => {
    const parts = (spec.source ?? name).split('/');
    const [host, namespace, type] = parts.length === 3 ? parts : parts.length === 2 ? ['registry.terraform.io', ...parts] : ['registry.terraform.io', 'hashicorp', parts[0]];
    const version = (spec.version ?? '').replace(/^[=~>< ]+/, '');
    return { host, namespace, type, version };
  });
}

process.exitCode = main();
