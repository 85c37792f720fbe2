import { ApiObject, App, Chart } from 'cdk8s';
import { KubernetesObject } from '../../lib/platform/object-identity';

/** A shell script with every Terraform template sequence that must survive the bridge. */
export const SCRIPT = '#!/bin/bash\nset -eu\nid="${HOSTNAME##*-}"\necho "%{not a directive}" "$${literal}" "${A:-x}"\n';

/** A small but representative set of objects, built with plain cdk8s ApiObjects. */
export function sampleObjects(): KubernetesObject[] {
  const chart = new Chart(new App({ outdir: 'unused' }), 'sample');
  new ApiObject(chart, 'deploy', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'app', namespace: 'apps' }, spec: { replicas: 2 } });
  new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'app-lb', namespace: 'apps' }, spec: { type: 'LoadBalancer', ports: [{ port: 9094 }] } });
  new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'scripts', namespace: 'apps' }, data: { 'start.sh': SCRIPT } });
  new ApiObject(chart, 'cr', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' }, rules: [] });
  new ApiObject(chart, 'crd', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' }, spec: {} });
  new ApiObject(chart, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } });
  return chart.toJson();
}

