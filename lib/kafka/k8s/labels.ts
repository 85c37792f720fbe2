/** The recommended `app.kubernetes.io/*` labels, as every workload of the library sets them. */

export const APP_LABEL = 'app.kubernetes.io/name';
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'cdktf-kafka-platform';

/** Labels of one workload's pods; `selector` is the immutable subset used by selectors. */
export interface WorkloadLabels {
  readonly selector: Record<string, string>;
  readonly all: Record<string, string>;
}

/**
 * Labels of a workload named `instance`, running `app`, in the role
 * `component`, belonging to the Kafka cluster `partOf`.
 */
export function workloadLabels(app: string, instance: string, component: string, partOf: string): WorkloadLabels {
  const selector = { [APP_LABEL]: app, [INSTANCE_LABEL]: instance };
  return { selector, all: { ...selector, [COMPONENT_LABEL]: component, [PART_OF_LABEL]: partOf, [MANAGED_BY_LABEL]: MANAGED_BY } };
}

/** Labels of a component whose app name is also its role (`schema-registry`, `kafka-connect`, ...). */
export function componentLabels(partOf: string, component: string, name: string): WorkloadLabels {
  return workloadLabels(component, name, component, partOf);
}
