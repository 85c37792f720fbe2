import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { GitopsInputError } from '../errors';
import { K8sObject } from '../harness/k8s-objects';

/**
 * The Kubernetes objects of a GitOps directory: every YAML document of every
 * `*.yaml`/`*.yml` file in it (not recursive), in the order of its
 * `kustomization.yaml` when there is one (the apply order our writer records),
 * else by file name.
 */
export function readGitopsObjects(dir: string): K8sObject[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new GitopsInputError(`${dir} is not a directory`, 'pass the GitOps directory `cdktf synth` wrote, e.g. cdktf.out/gitops/kafka');
  }
  const yamlFiles = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml' && f !== 'kustomization.yml').sort();
  let ordered = yamlFiles;
  const kustomization = path.join(dir, 'kustomization.yaml');
  if (fs.existsSync(kustomization)) {
    const resources: unknown = parseAllDocuments(fs.readFileSync(kustomization, 'utf8'))[0]?.toJSON()?.resources;
    if (Array.isArray(resources)) {
      const listed = resources.filter((r): r is string => typeof r === 'string' && yamlFiles.includes(r));
      ordered = [...listed, ...yamlFiles.filter((f) => !listed.includes(f))];
    }
  }
  const objects: K8sObject[] = [];
  for (const file of ordered) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      if (doc.errors.length > 0) {
        throw new GitopsInputError(`${path.join(dir, file)} is not valid YAML: ${doc.errors[0].message}`, 're-run `cdktf synth` to rewrite the directory');
      }
      const value = doc.toJSON();
      if (value && typeof value === 'object' && typeof value.kind === 'string' && value.metadata?.name) objects.push(value as K8sObject);
    }
  }
  if (objects.length === 0) {
    throw new GitopsInputError(`${dir} holds no Kubernetes objects`, 'pass the GitOps directory `cdktf synth` wrote, e.g. cdktf.out/gitops/kafka');
  }
  return objects;
}
