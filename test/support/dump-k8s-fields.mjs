// Prints every @kubernetes/client-node generated model's attribute map as JSON:
// { "<ModelName>": [{ "name", "baseName", "type" }, ...], ... }.
// The package is ESM-only, so jest (CommonJS) calls this script in a child
// process instead of importing the package.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
// Resolve the package root via its package.json: the package has no "exports" map.
const pkgJson = require.resolve('@kubernetes/client-node/package.json');
const serializerPath = join(dirname(pkgJson), 'dist', 'gen', 'models', 'ObjectSerializer.js');
const models = await import(pathToFileURL(serializerPath).href);

const out = {};
for (const [exportName, value] of Object.entries(models)) {
  if (typeof value !== 'function' || !Array.isArray(value.attributeTypeMap)) continue;
  out[exportName] = value.attributeTypeMap.map((a) => ({ name: a.name, baseName: a.baseName, type: a.type }));
}
process.stdout.write(JSON.stringify(out));
