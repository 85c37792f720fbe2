/**
 * Generates the TypeScript bindings for the Alibaba Cloud Terraform provider
 * (`aliyun/alicloud`, pinned below) from the committed provider schema, with
 * `@cdktf/provider-generator`. Offline and deterministic: the same schema always
 * gives byte-identical files, which test/cloud/alicloud/bindings.test.ts checks.
 *
 * Usage: `npm run gen:alicloud` (writes lib/generated/providers/alicloud),
 * or `ts-node scripts/gen-alicloud.ts <outdir>` to generate elsewhere.
 *
 * No prebuilt `@cdktf/provider-alicloud` exists and `cdktf get` needs the
 * network and a Terraform run, so we drive the generator directly.
 */
import * as fs from 'fs';
import * as path from 'path';
// @cdktf/commons is the generator's own pinned dependency (exact 0.21.0); its target types are what the generator expects.
import { ConstructsMakerProviderTarget, Language, TerraformProviderConstraint } from '@cdktf/commons';
import { CodeMaker, TerraformProviderGenerator } from '@cdktf/provider-generator';

/** The provider release the schema was taken from. Changing it means re-extracting the schema (see alicloud/schema/README.md). */
export const ALICLOUD_PROVIDER_VERSION = '1.289.0';
export const ALICLOUD_PROVIDER_SOURCE = 'aliyun/alicloud';
const FQPN = `registry.terraform.io/${ALICLOUD_PROVIDER_SOURCE}`;

export const REPO_ROOT = path.resolve(__dirname, '..');
export const ALICLOUD_SCHEMA_PATH = path.join(REPO_ROOT, 'alicloud', 'schema', 'provider-schema.json');
/** Parent of `providers/alicloud`; the generator always writes `providers/<name>/...` below it. */
export const DEFAULT_GENERATED_ROOT = path.join(REPO_ROOT, 'lib', 'generated');

/**
 * Writes the bindings to `<generatedRoot>/providers/alicloud`, replacing what
 * was there, and returns that folder.
 */
export async function generateAlicloudBindings(generatedRoot: string = DEFAULT_GENERATED_ROOT): Promise<string> {
  const schema = JSON.parse(fs.readFileSync(ALICLOUD_SCHEMA_PATH, 'utf8'));
  if (!schema.provider_schemas?.[FQPN]) {
    throw new Error(`${ALICLOUD_SCHEMA_PATH} has no provider ${FQPN}`);
  }
  // `terraform providers schema -json` does not carry the version; the generator reads it from here.
  schema.provider_versions = { [FQPN]: ALICLOUD_PROVIDER_VERSION };

  const code = new CodeMaker();
  const generator = new TerraformProviderGenerator(code, schema);
  const constraint = new TerraformProviderConstraint({
    name: 'alicloud',
    source: ALICLOUD_PROVIDER_SOURCE,
    // Exact pin: becomes `required_providers.alicloud.version` in every synthesized stack.
    version: ALICLOUD_PROVIDER_VERSION,
  });
  generator.generate(new ConstructsMakerProviderTarget(constraint, Language.TYPESCRIPT));

  const target = path.join(generatedRoot, 'providers', 'alicloud');
  fs.rmSync(target, { recursive: true, force: true });
  await generator.save(generatedRoot);
  return target;
}

if (require.main === module) {
  const outdir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_GENERATED_ROOT;
  generateAlicloudBindings(outdir)
    .then((dir) => console.log(`alicloud ${ALICLOUD_PROVIDER_VERSION} bindings written to ${path.relative(process.cwd(), dir) || dir}`))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
