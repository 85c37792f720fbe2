/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The test-only break switches of authz.it.ts (negative controls): each takes
 * the synthesized objects and breaks exactly one property, so the scenario
 * that proves it must fail. CI runs them in .ci/run.
 */
import { K8sObject } from '../harness/k8s';

/** The line of rotate-passwords.sh the rotation-no-overlap break replaces: the new password then goes into the slot the clients use. */
const OTHER_SLOT = 'new_mechanism="$(other_mechanism "$current")"';

/**
 * The negative control: the same configuration without the authorizer. A
 * broker without one refuses ACL requests, so the users Job only upserts the
 * SCRAM users (its ACL table is taken away too).
 */
export function withoutAuthorizer(objs: K8sObject[]): K8sObject[] {
  return objs.map((o) => {
    if (o.kind === 'ConfigMap' && /-(broker|controller)-config$/.test(o.metadata.name)) {
      return { ...o, data: { ...o.data, 'server.properties': (o.data?.['server.properties'] ?? '').replace(/^authorizer\.class\.name=.*\n/m, '') } };
    }
    if (o.kind === 'Job' && /-users-/.test(o.metadata.name)) {
      const copy = JSON.parse(JSON.stringify(o));
      for (const c of copy.spec.template.spec.containers) c.env = c.env.filter((e: any) => e.name !== 'KP_ACLS_FILE');
      return copy;
    }
    return o;
  });
}

/** The negative control of scenario 9: the rotation Job writes the new password into the slot the clients use. */
export function withoutOverlap(objs: K8sObject[], clusterName: string): K8sObject[] {
  return objs.map((o) => {
    if (o.kind !== 'ConfigMap' || o.metadata.name !== `${clusterName}-password-rotation`) return o;
    const script: string = o.data?.['rotate-passwords.sh'] ?? '';
    if (!script.includes(OTHER_SLOT)) throw new Error(`rotation-no-overlap: rotate-passwords.sh no longer has the line ${OTHER_SLOT}`);
    return { ...o, data: { ...o.data, 'rotate-passwords.sh': script.replace(OTHER_SLOT, 'new_mechanism="$current"') } };
  });
}
