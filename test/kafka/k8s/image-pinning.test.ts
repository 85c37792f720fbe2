import { KafkaPlatformValidationError } from '../../../lib/errors';
import { assertPinnedImage, IMAGE_PIN_FIX, imagePinProblem } from '../../../lib/kafka/k8s';
import { ECOSYSTEM_IMAGES, SchemaRegistry } from '../../../lib/kafka/ecosystem';
import { MONITORING_IMAGES } from '../../../lib/kafka/monitoring';
import { synthWith } from '../ecosystem/support';

const DIGEST = `sha256:${'a1'.repeat(32)}`;

describe('assertPinnedImage: the one image check of the library', () => {
  test.each([
    'apache/kafka:4.1.1',
    'registry.local:5000/team/kafka:4.1.1',
    'ghcr.io/kafbat/kafka-ui:v1.2.0',
    `apache/kafka@${DIGEST}`,
    `registry.local:5000/kafka:4.1.1@${DIGEST}`,
  ])('accepts %s', image => {
    expect(imagePinProblem(image)).toBeUndefined();
    expect(() => assertPinnedImage('p', 'image', image)).not.toThrow();
  });

  test.each([
    ['apache/kafka', /has no tag, so it is not pinned/],
    ['apache/kafka:', /has no tag/],
    ['registry.local:5000/kafka', /has no tag/],
    ['apache/kafka:latest', /uses the moving tag "latest", so it is not pinned/],
    ['apache/kafka:-rc1', /has the invalid tag "-rc1"/],
    ['apache/kafka@sha256:abc', /has a malformed digest/],
    [`apache/kafka@sha256:${'A1'.repeat(32)}`, /has a malformed digest/],
  ])('refuses %s', (image, problem) => {
    let caught: unknown;
    try { assertPinnedImage('app/kafka', 'images.kafka', image); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(KafkaPlatformValidationError);
    const err = caught as KafkaPlatformValidationError;
    expect(err.constructPath).toBe('app/kafka');
    expect(err.prop).toBe('images.kafka');
    expect(err.problem).toMatch(problem);
    expect(err.fix).toBe(IMAGE_PIN_FIX);
  });

  test('every default image of the ecosystem and monitoring is pinned', () => {
    for (const image of [...Object.values(ECOSYSTEM_IMAGES), ...Object.values(MONITORING_IMAGES)]) expect({ image, problem: imagePinProblem(image) }).toEqual({ image, problem: undefined });
  });

  test('a component reports an unpinned image with its own prop', () => {
    expect(() => synthWith((cluster, chart) => new SchemaRegistry(chart, 'sr', { cluster, image: 'confluentinc/cp-schema-registry:latest' })))
      .toThrow('[test/sr] image: image "confluentinc/cp-schema-registry:latest" uses the moving tag "latest", so it is not pinned');
  });
});
