import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';

/**
 * Two objects of one kind, namespace and name in a chart: `kubectl apply`
 * (and Argo CD, Flux) keeps only the last one, silently. Component names
 * are the users' to choose, so two components, or a component and one of
 * the cluster's objects, can collide; this names the first collision.
 */
export function assertNoObjectCollisions(scope: IConstruct, prop: string): void {
  const seen = new Map<string, string>();
  for (const c of Chart.of(scope).node.findAll()) {
    if (!(c instanceof ApiObject)) continue;
    const key = `${c.kind}/${c.metadata.namespace ?? ''}/${c.name}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new KafkaPlatformValidationError(scope.node.path, prop, `${other} and ${c.node.path} are both ${c.kind} ${c.metadata.namespace ? `${c.metadata.namespace}/` : ''}${c.name}; one would replace the other`, 'give each component a name of its own (a component\'s name also names its Deployment, Service and policies)');
    }
    seen.set(key, c.node.path);
  }
}
