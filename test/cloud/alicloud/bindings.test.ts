import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ALICLOUD_PROVIDER_VERSION, DEFAULT_GENERATED_ROOT, generateAlicloudBindings } from '../../../scripts/gen-alicloud';

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out;
}

describe('generated alicloud bindings', () => {
  const committed = path.join(DEFAULT_GENERATED_ROOT, 'providers', 'alicloud');
  let tmp: string;
  let regenerated: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alicloud-bindings-'));
    regenerated = await generateAlicloudBindings(tmp);
  }, 60_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('regenerating from alicloud/schema gives the committed files, byte for byte', () => {
    const committedFiles = listFiles(committed);
    expect(listFiles(regenerated)).toEqual(committedFiles);
    const differing = committedFiles.filter(
      (f) => !fs.readFileSync(path.join(committed, f)).equals(fs.readFileSync(path.join(regenerated, f))),
    );
    // If this fails: run `npm run gen:alicloud` and commit; never hand-edit lib/generated.
    expect(differing).toEqual([]);
  });

  test('bindings are pinned to the provider release of the schema', () => {
    const provider = fs.readFileSync(path.join(committed, 'provider', 'index.ts'), 'utf8');
    expect(ALICLOUD_PROVIDER_VERSION).toBe('1.289.0');
    expect(provider).toContain("terraformResourceType: 'alicloud'");
    expect(provider).toContain(`providerVersion: '${ALICLOUD_PROVIDER_VERSION}'`);
    expect(provider).toContain(`providerVersionConstraint: '${ALICLOUD_PROVIDER_VERSION}'`);
    expect(provider).toContain("terraformProviderSource: 'aliyun/alicloud'");
  });

  test('one deep-importable folder per resource and data source in the schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../alicloud/schema/provider-schema.json'), 'utf8'));
    const p = schema.provider_schemas['registry.terraform.io/aliyun/alicloud'];
    const expected = [
      ...Object.keys(p.resource_schemas).map((t: string) => t.replace(/^alicloud_/, '').replace(/_/g, '-')),
      ...Object.keys(p.data_source_schemas).map((t: string) => `data-${t.replace(/_/g, '-')}`),
    ];
    for (const dir of expected) {
      expect(fs.existsSync(path.join(committed, dir, 'index.ts'))).toBe(true);
    }
  });
});
