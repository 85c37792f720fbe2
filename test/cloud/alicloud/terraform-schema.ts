/**
 * A `terraform validate` substitute for the Alibaba Cloud provider, which cannot
 * be downloaded here: checks synthesized cdktf JSON against the provider's
 * schema (`terraform providers schema -json` format) and the field flags that
 * format cannot carry (deprecated / removed).
 *
 * Checks, for every `resource`, `data` and `provider` block of the provider:
 * - the resource/data source type exists;
 * - every attribute and nested block name exists; computed-only attributes are not set;
 * - required attributes and `min_items` blocks are present; `max_items` is respected;
 * - values have the schema's type (exact JSON types, no implicit string<->number/bool
 *   conversion, because the provider's own validation would then reject e.g. `true`
 *   for `kms_key.automatic_rotation`); `${...}` expressions are accepted for any type;
 * - nothing deprecated or removed (schema flag or field-flags.json) is used;
 * - references `${alicloud_x.name.attr}` / `${data.alicloud_x.name.attr}` point
 *   to a declared resource and an attribute its schema has.
 *
 * Independent of lib/: it reads only JSON.
 */
import * as fs from 'fs';
import * as path from 'path';

type CtyType = string | [string, any];

interface SchemaAttribute {
  readonly type?: CtyType;
  readonly nested_type?: unknown;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly deprecated?: boolean;
}

interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly min_items?: number;
  readonly max_items?: number;
  readonly block: SchemaBlock;
}

interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
  readonly deprecated?: boolean;
}

interface ProviderSchema {
  readonly provider: { readonly block: SchemaBlock };
  readonly resource_schemas: Record<string, { readonly block: SchemaBlock }>;
  readonly data_source_schemas: Record<string, { readonly block: SchemaBlock }>;
}

/** resource type -> dotted attribute path -> flags */
export type FieldFlags = Record<string, Record<string, { force_new?: boolean; deprecated?: string; removed?: string }>>;

export interface TerraformSchemaChecker {
  /** Returns every problem found in one synthesized stack (cdk.tf.json as an object). Empty means valid. */
  check(stackJson: any): string[];
  /** Throws with all problems listed. */
  assertValid(stackJson: any): void;
}

/** Meta-arguments Terraform accepts on every resource / data block. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', '//']);
const PROVIDER_META = new Set(['alias', '//']);

const EXPRESSION = /\$\{[\s\S]*\}/;
const REFERENCE = /(?<![\w.])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)\.([a-z_][a-z0-9_]*)/g;

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && EXPRESSION.test(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return typeof value;
}

export function createTerraformSchemaChecker(options: {
  readonly providerSource: string;
  readonly providerName: string;
  /** When set, `required_providers.<name>.version` must be exactly this. */
  readonly providerVersion?: string;
  readonly schema: any;
  readonly fieldFlags: FieldFlags;
}): TerraformSchemaChecker {
  const fqpn = `registry.terraform.io/${options.providerSource}`;
  const provider: ProviderSchema = options.schema.provider_schemas?.[fqpn];
  if (!provider) throw new Error(`schema has no provider ${fqpn}`);
  const prefix = `${options.providerName}_`;

  function checkType(type: CtyType, value: unknown, where: string, errors: string[]): void {
    if (isExpression(value)) return;
    if (value === null) return;
    if (type === 'dynamic') return;
    if (typeof type === 'string') {
      const ok = (type === 'string' && typeof value === 'string')
        || (type === 'number' && typeof value === 'number' && Number.isFinite(value))
        || (type === 'bool' && typeof value === 'boolean');
      if (!ok) errors.push(`${where}: expected ${type}, got ${describe(value)} ${JSON.stringify(value)}`);
      return;
    }
    const [kind, inner] = type;
    if (kind === 'list' || kind === 'set') {
      if (!Array.isArray(value)) {
        errors.push(`${where}: expected ${kind} of ${JSON.stringify(inner)}, got ${describe(value)}`);
        return;
      }
      value.forEach((item, i) => checkType(inner, item, `${where}[${i}]`, errors));
    } else if (kind === 'map') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        errors.push(`${where}: expected map of ${JSON.stringify(inner)}, got ${describe(value)}`);
        return;
      }
      for (const [k, v] of Object.entries(value as object)) checkType(inner, v, `${where}.${k}`, errors);
    } else if (kind === 'object') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        errors.push(`${where}: expected object, got ${describe(value)}`);
        return;
      }
      for (const [k, v] of Object.entries(value as object)) {
        if (!(k in inner)) errors.push(`${where}.${k}: unknown object attribute`);
        else checkType(inner[k], v, `${where}.${k}`, errors);
      }
    } else {
      errors.push(`${where}: checker does not know cty type ${JSON.stringify(type)}`);
    }
  }

  function checkFlags(resourceType: string, fieldPath: string, where: string, errors: string[]): void {
    const flags = options.fieldFlags[resourceType]?.[fieldPath];
    if (flags?.removed) errors.push(`${where}: removed field: ${flags.removed}`);
    if (flags?.deprecated) errors.push(`${where}: deprecated field: ${flags.deprecated}`);
  }

  function checkBlock(block: SchemaBlock, value: any, resourceType: string, fieldPrefix: string, where: string, errors: string[], meta: Set<string>): void {
    if (isExpression(value)) return;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${where}: expected a block (object), got ${describe(value)}`);
      return;
    }
    const attributes = block.attributes ?? {};
    const blockTypes = block.block_types ?? {};
    const dynamicBlocks = new Set<string>();
    for (const [key, v] of Object.entries(value)) {
      const at = `${where}.${key}`;
      const fieldPath = fieldPrefix ? `${fieldPrefix}.${key}` : key;
      if (!fieldPrefix && meta.has(key)) continue;
      if (key === 'dynamic') {
        checkDynamicBlocks(blockTypes, v, resourceType, fieldPrefix, at, errors).forEach((name) => dynamicBlocks.add(name));
        continue;
      }
      const attribute = attributes[key];
      const blockType = blockTypes[key];
      if (attribute) {
        checkFlags(resourceType, fieldPath, at, errors);
        if (attribute.deprecated) errors.push(`${at}: deprecated in the provider schema`);
        if (attribute.computed && !attribute.optional && !attribute.required) {
          errors.push(`${at}: read-only (computed) attribute cannot be set`);
          continue;
        }
        if (attribute.type !== undefined) checkType(attribute.type, v, at, errors);
      } else if (blockType) {
        checkFlags(resourceType, fieldPath, at, errors);
        if (blockType.block.deprecated) errors.push(`${at}: deprecated block in the provider schema`);
        checkNestedBlocks(blockType, v, resourceType, fieldPath, at, errors);
      } else {
        errors.push(`${at}: unknown attribute or block (not in the ${resourceType} schema)`);
      }
    }
    for (const [key, attribute] of Object.entries(attributes)) {
      if (attribute.required && value[key] === undefined) errors.push(`${where}.${key}: required attribute missing`);
    }
    for (const [key, blockType] of Object.entries(blockTypes)) {
      // A dynamic block's count is only known at plan; Terraform's own validate accepts it too.
      if ((blockType.min_items ?? 0) > 0 && value[key] === undefined && !dynamicBlocks.has(key)) {
        errors.push(`${where}.${key}: at least ${blockType.min_items} block(s) required, none given`);
      }
    }
  }

  /** `dynamic "<block>" { for_each, iterator, content }`: the content is checked as one block of that type. */
  function checkDynamicBlocks(blockTypes: Record<string, SchemaBlockType>, value: any, resourceType: string, fieldPrefix: string, where: string, errors: string[]): string[] {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${where}: expected dynamic blocks by name, got ${describe(value)}`);
      return [];
    }
    for (const [name, dynamicBlock] of Object.entries<any>(value)) {
      const at = `${where}.${name}`;
      const blockType = blockTypes[name];
      if (!blockType) {
        errors.push(`${at}: dynamic block of unknown type (not in the ${resourceType} schema)`);
        continue;
      }
      for (const key of Object.keys(dynamicBlock ?? {})) {
        if (!['for_each', 'iterator', 'content', 'labels'].includes(key)) errors.push(`${at}.${key}: unknown dynamic block argument`);
      }
      if (dynamicBlock?.for_each === undefined) errors.push(`${at}.for_each: required for a dynamic block`);
      const fieldPath = fieldPrefix ? `${fieldPrefix}.${name}` : name;
      checkFlags(resourceType, fieldPath, at, errors);
      checkBlock(blockType.block, dynamicBlock?.content, resourceType, fieldPath, `${at}.content`, errors, new Set());
    }
    return Object.keys(value);
  }

  function checkNestedBlocks(blockType: SchemaBlockType, value: any, resourceType: string, fieldPath: string, where: string, errors: string[]): void {
    if (isExpression(value)) return;
    let items: any[];
    if (blockType.nesting_mode === 'map') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${where}: expected a map of blocks, got ${describe(value)}`);
        return;
      }
      items = Object.values(value);
    } else if (blockType.nesting_mode === 'single' || blockType.nesting_mode === 'group') {
      if (Array.isArray(value)) {
        errors.push(`${where}: single block expected, got a list`);
        return;
      }
      items = [value];
    } else {
      // Terraform JSON syntax: one block as an object, several as an array of objects.
      items = Array.isArray(value) ? value : [value];
    }
    if (blockType.max_items !== undefined && blockType.max_items > 0 && items.length > blockType.max_items) {
      errors.push(`${where}: at most ${blockType.max_items} block(s) allowed, got ${items.length}`);
    }
    if (blockType.min_items !== undefined && items.length < blockType.min_items) {
      errors.push(`${where}: at least ${blockType.min_items} block(s) required, got ${items.length}`);
    }
    items.forEach((item, i) => checkBlock(blockType.block, item, resourceType, fieldPath, items.length > 1 || Array.isArray(value) ? `${where}[${i}]` : where, errors, META_ARGUMENTS));
  }

  function hasTopLevelField(block: SchemaBlock, name: string): boolean {
    return name === 'id' || !!block.attributes?.[name] || !!block.block_types?.[name];
  }

  function collectStrings(value: unknown, out: string[]): void {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, out));
  }

  function checkReferences(stack: any, errors: string[]): void {
    const strings: string[] = [];
    collectStrings({ resource: stack.resource, data: stack.data, output: stack.output, provider: stack.provider }, strings);
    for (const s of strings) {
      if (!s.includes('${')) continue;
      for (const m of s.matchAll(REFERENCE)) {
        const [, dataPrefix, type, name, attr] = m;
        if (!type.startsWith(prefix)) continue;
        const isData = !!dataPrefix;
        const declared = isData ? stack.data?.[type]?.[name] : stack.resource?.[type]?.[name];
        const schema = isData ? provider.data_source_schemas[type] : provider.resource_schemas[type];
        const ref = `${isData ? 'data.' : ''}${type}.${name}.${attr}`;
        if (!declared) errors.push(`reference ${ref}: ${isData ? 'data source' : 'resource'} ${type}.${name} is not declared in this stack`);
        else if (schema && !hasTopLevelField(schema.block, attr)) errors.push(`reference ${ref}: ${type} has no attribute ${attr}`);
      }
    }
  }

  function check(stack: any): string[] {
    const errors: string[] = [];
    for (const [kind, schemas] of [['resource', provider.resource_schemas], ['data', provider.data_source_schemas]] as const) {
      for (const [type, instances] of Object.entries<any>(stack[kind] ?? {})) {
        if (!type.startsWith(prefix)) continue;
        const schema = schemas[type];
        if (!schema) {
          errors.push(`${kind}.${type}: unknown ${kind === 'data' ? 'data source' : 'resource'} type for ${options.providerSource}`);
          continue;
        }
        for (const [name, body] of Object.entries<any>(instances)) {
          checkBlock(schema.block, body, type, '', `${kind}.${type}.${name}`, errors, META_ARGUMENTS);
        }
      }
    }
    const providerBlocks = stack.provider?.[options.providerName];
    if (providerBlocks !== undefined) {
      (Array.isArray(providerBlocks) ? providerBlocks : [providerBlocks]).forEach((body: any, i: number) =>
        checkBlock(provider.provider.block, body, `provider.${options.providerName}`, '', `provider.${options.providerName}[${i}]`, errors, PROVIDER_META));
    }
    const required = stack.terraform?.required_providers?.[options.providerName];
    if (providerBlocks !== undefined || Object.keys(stack.resource ?? {}).some((t) => t.startsWith(prefix))) {
      if (!required) errors.push(`terraform.required_providers.${options.providerName}: missing`);
      else if (required.source !== options.providerSource) errors.push(`terraform.required_providers.${options.providerName}.source: expected ${options.providerSource}, got ${required.source}`);
      else if (options.providerVersion && required.version !== options.providerVersion) {
        errors.push(`terraform.required_providers.${options.providerName}.version: expected ${options.providerVersion} (the schema's release), got ${required.version}`);
      }
    }
    checkReferences(stack, errors);
    return errors;
  }

  return {
    check,
    assertValid(stack: any) {
      const errors = check(stack);
      if (errors.length > 0) throw new Error(`stack does not conform to the ${options.providerSource} schema:\n  ${errors.join('\n  ')}`);
    },
  };
}

const SCHEMA_DIR = path.resolve(__dirname, '../../../alicloud/schema');

/** The checker for the committed aliyun/alicloud 1.289.0 schema. */
export function alicloudSchemaChecker(): TerraformSchemaChecker {
  return createTerraformSchemaChecker({
    providerSource: 'aliyun/alicloud',
    providerName: 'alicloud',
    providerVersion: '1.289.0',
    schema: JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'provider-schema.json'), 'utf8')),
    fieldFlags: JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'field-flags.json'), 'utf8')),
  });
}
