import { containerSecurityContext, podSecurityContext, restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../../../lib/kafka/k8s';
import { allContainers, EVERYTHING, synthEcosystem } from '../ecosystem/support';

/** What the Restricted Pod Security Standard requires of every container. */
const RESTRICTED = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };

describe('security contexts: one restricted base', () => {
  test('Kafka containers: restricted, read-only root, the Kafka user, in the key order the admin Jobs render', () => {
    const ctx = containerSecurityContext();
    expect(ctx).toMatchObject(RESTRICTED);
    expect(Object.entries(ctx)).toEqual([
      ['runAsNonRoot', true], ['runAsUser', 1000], ['runAsGroup', 1000], ['readOnlyRootFilesystem', true],
      ['allowPrivilegeEscalation', false], ['privileged', false], ['capabilities', { drop: ['ALL'] }], ['seccompProfile', { type: 'RuntimeDefault' }],
    ]);
    expect(containerSecurityContext(65534)).toMatchObject({ runAsUser: 65534, runAsGroup: 65534 });
  });

  test('Kafka pods: the image user owns the volumes, changed only on a root mismatch', () => {
    expect(Object.entries(podSecurityContext())).toEqual([
      ['runAsNonRoot', true], ['runAsUser', 1000], ['runAsGroup', 1000], ['fsGroup', 1000], ['fsGroupChangePolicy', 'OnRootMismatch'], ['seccompProfile', { type: 'RuntimeDefault' }],
    ]);
  });

  test('component variants are the same base, with the image user and an optional read-only root', () => {
    expect(restrictedContainerSecurityContext()).toEqual(RESTRICTED);
    expect(restrictedContainerSecurityContext({ readOnlyRootFilesystem: true })).toEqual({ ...RESTRICTED, readOnlyRootFilesystem: true });
    expect(restrictedPodSecurityContext(472)).toEqual({ runAsNonRoot: true, runAsUser: 472, runAsGroup: 472, fsGroup: 472, seccompProfile: { type: 'RuntimeDefault' } });
    expect(restrictedPodSecurityContext(1000, 2000)).toMatchObject({ runAsUser: 1000, runAsGroup: 2000, fsGroup: 2000 });
  });

  test('each call returns a fresh object: a caller that edits its copy changes no other pod', () => {
    const a = restrictedContainerSecurityContext();
    a.capabilities.drop.push('NET_RAW');
    expect(restrictedContainerSecurityContext().capabilities).toEqual({ drop: ['ALL'] });
  });

  test('every container of every component (init containers too) is restricted', () => {
    const { objects } = synthEcosystem(EVERYTHING);
    const containers = allContainers(objects);
    expect(containers.length).toBeGreaterThan(10);
    for (const { owner, container } of containers) expect({ owner, name: container.name, ctx: container.securityContext }).toMatchObject({ owner, name: container.name, ctx: RESTRICTED });
  });
});
