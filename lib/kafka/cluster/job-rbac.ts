/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { SynthTimeApiObject } from '../k8s/synth-time-object';
import { KafkaClusterSpec } from '../model/cluster-spec';

/**
 * A Job's own identity: a ServiceAccount without an automounted token (the Job's pod asks for one), a Role
 * with exactly `rules`, and the RoleBinding between them, all named `name` and labelled with `metadata`.
 * `rules` as a function is read at synth, for rules that depend on what is declared after construction.
 */
export function jobRbac(scope: Construct, spec: KafkaClusterSpec, name: string, metadata: Record<string, any>, rules: any[] | (() => any[])): void {
  // Each object its own copy: cdk8s keeps the metadata object it is given.
  const meta = () => JSON.parse(JSON.stringify(metadata));
  new ApiObject(scope, 'sa', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(), automountServiceAccountToken: false });
  if (typeof rules === 'function') {
    new SynthTimeApiObject(scope, 'role', 'rbac.authorization.k8s.io/v1', 'Role', () => ({ name, body: { metadata: meta(), rules: rules() } }));
  } else {
    new ApiObject(scope, 'role', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta(), rules });
  }
  new ApiObject(scope, 'rolebinding', {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding',
    metadata: meta(),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    subjects: [{ kind: 'ServiceAccount', name, namespace: spec.namespace }],
  });
}
