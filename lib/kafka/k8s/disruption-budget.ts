import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/** A PDB that keeps all but one replica up during voluntary disruptions. */
export function addPodDisruptionBudget(scope: Construct, name: string, namespace: string, labels: Record<string, string>, selector: Record<string, string>): ApiObject {
  return new ApiObject(scope, 'pdb', {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace, labels },
    spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
  });
}
