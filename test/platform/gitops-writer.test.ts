import { parse } from 'yaml';
import { renderGitopsFiles } from '../../lib/platform/gitops-writer';
import { sampleObjects } from './sample-objects';

describe('renderGitopsFiles', () => {
  test('one file per object in apply order, and a kustomization listing them', () => {
    const files = renderGitopsFiles(sampleObjects());
    expect(files.map((f) => f.fileName)).toEqual([
      '0-customresourcedefinition-widgets_example_com.yaml',
      '1-namespace-apps.yaml',
      '2-clusterrole-reader.yaml',
      '3-deployment-apps-app.yaml',
      '4-service-apps-app-lb.yaml',
      '5-configmap-apps-scripts.yaml',
      'kustomization.yaml',
    ]);
    expect(parse(files[files.length - 1].content)).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: files.slice(0, -1).map((f) => f.fileName),
    });
  });

  test('objects round-trip unchanged, shell scripts included, without YAML anchors for shared values', () => {
    const labels = { app: 'x' };
    const shared = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', namespace: 'apps', labels }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels } } } };
    const objects = [...sampleObjects(), shared];
    const files = renderGitopsFiles(objects).slice(0, -1);
    const parsed = files.map((f) => parse(f.content));
    for (const o of objects) expect(parsed).toContainEqual(o);
    const deployment = files.find((f) => f.fileName.endsWith('-deployment-apps-x.yaml'))!.content;
    expect(deployment).not.toMatch(/[&*]a\d/);
  });
});
