/** Official kubectl image the roll Job copies `kubectl` from (pinned, never latest). */
export const DEFAULT_KUBECTL_IMAGE = 'registry.k8s.io/kubectl:v1.33.5';

/**
 * How the roll Job restarts brokers and controllers after a change that needs
 * a restart (see the README, "Rolling restarts"). Each check waits up to
 * `checkTimeoutSeconds`; then the Job fails and restarts nothing more.
 */
export interface KafkaRollingRestartOptions {
  /** How long one check (safe to restart, pod back and Ready, replicas back in sync) may wait before the roll fails. @default 900 */
  readonly checkTimeoutSeconds?: number;
  /** Seconds between two attempts of a check. @default 10 */
  readonly pollSeconds?: number;
  /** Metadata-log records a controller may lag behind the leader and still count as caught up. @default 100 */
  readonly maxQuorumLag?: number;
  /** Official kubectl image the Job takes `kubectl` from; pin it. @default 'registry.k8s.io/kubectl:v1.33.5' */
  readonly kubectlImage?: string;
}
