import { Chart, Testing } from 'cdk8s';
import { K8sObject } from '../../../lib/verify/harness/k8s-objects';

// The object helpers moved to lib/verify/harness/k8s-objects.ts (shared with `kafka-platform verify`).
export * from '../../../lib/verify/harness/k8s-objects';

/** Synthesizes a chart in-process, exactly as `cdk8s synth` would, and returns its objects. */
export function synthChart(build: (chart: Chart) => void): K8sObject[] {
  const app = Testing.app();
  const chart = new Chart(app, 'integration');
  build(chart);
  return Testing.synth(chart) as K8sObject[];
}
