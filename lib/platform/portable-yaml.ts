import { Document, parse, stringify, visit } from 'yaml';

/**
 * YAML that every reader of the GitOps directory reads the same way. The
 * `yaml` package writes YAML 1.2, where `yes`, `on`, `1:20` and `2001-01-01`
 * are plain strings; kubectl, Argo CD and Flux parse with YAML 1.1 rules,
 * where they are a boolean, a sexagesimal number and a timestamp. Any
 * string whose plain form a 1.1 reader would take for something else is
 * written double-quoted.
 */

/** Plain scalars a 1.1 resolver might read as non-strings are short and made of these characters; longer or other text is always a string. */
const MAYBE_AMBIGUOUS = /^[-+.~0-9A-Za-z_:]{1,40}$/;

function readsDifferentlyIn11(value: string): boolean {
  if (!MAYBE_AMBIGUOUS.test(value)) return false;
  try {
    return parse(stringify(value), { version: '1.1' }) !== value;
  } catch {
    return true;
  }
}

/** `stringify(value)` with every YAML-1.1-ambiguous string (keys included) double-quoted. */
export function stringifyPortableYaml(value: unknown, options: { lineWidth?: number; aliasDuplicateObjects?: boolean } = {}): string {
  const doc = new Document(value, { aliasDuplicateObjects: options.aliasDuplicateObjects ?? false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && readsDifferentlyIn11(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: options.lineWidth ?? 80 });
}
