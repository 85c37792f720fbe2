import { KafkaPlatformValidationError } from '../../errors';

/**
 * Every image this library deploys is pinned: by digest, or by a tag other
 * than `latest`. A moving tag makes two rollouts of the same synth differ,
 * and a rolled node pulls something nobody reviewed.
 */

const DIGEST = /@sha256:[0-9a-f]{64}$/;
/** The distribution reference grammar of a repository, with an optional registry host and port. */
const REFERENCE_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/** Docker's tag grammar. */
const TAG = /^[\w][\w.-]{0,127}$/;

/** What is wrong with `image` as a pinned reference, or undefined when it is pinned. */
export function imagePinProblem(image: string): string | undefined {
  if (typeof image !== 'string') return `image ${String(image)} is not a string`;
  // The reference grammar first: whitespace or a stray character makes the kubelet refuse the pod, pinned or not.
  const [name, digest] = image.split('@', 2);
  const repository = name.replace(/:[^/]*$/, '');
  if (!REFERENCE_NAME.test(repository) || repository.length > 255) return `image ${JSON.stringify(image)} is not an image reference ([registry[:port]/]repository[:tag][@sha256:digest])`;
  if (DIGEST.test(image)) return undefined;
  if (digest !== undefined) return `image ${JSON.stringify(image)} has a malformed digest, so it is not pinned`;
  // The tag follows the last ":" of the last path segment; an earlier ":" is a registry port.
  const lastSegment = name.split('/').pop() ?? '';
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : '';
  if (tag === '') return `image ${JSON.stringify(image)} has no tag, so it is not pinned`;
  if (tag === 'latest') return `image ${JSON.stringify(image)} uses the moving tag "latest", so it is not pinned`;
  if (!TAG.test(tag)) return `image ${JSON.stringify(image)} has the invalid tag ${JSON.stringify(tag)}, so it is not pinned`;
  return undefined;
}

/** The fix every image-pinning error names. */
export const IMAGE_PIN_FIX = 'pin a released version tag (e.g. apache/kafka:4.1.1) or a digest (repo/name@sha256:<64 hex digits>), never latest';

/** Throws KafkaPlatformValidationError unless `image` is pinned by a non-`latest` tag or a sha256 digest. */
export function assertPinnedImage(constructPath: string, prop: string, image: string): void {
  const problem = imagePinProblem(image);
  if (problem) throw new KafkaPlatformValidationError(constructPath, prop, problem, IMAGE_PIN_FIX);
}
