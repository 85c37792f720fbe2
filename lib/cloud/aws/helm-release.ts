import { HelmProvider as PublishedHelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';

/**
 * hashicorp/helm version of the published `@cdktf/provider-helm` 11.x bindings
 * (a peer dependency): their generator metadata pins it in `required_providers`.
 */
export const HELM_PROVIDER_VERSION = '2.17.0';

export interface HelmKubernetesExec {
  readonly apiVersion: string;
  readonly command: string;
  readonly args: string[];
}

export interface HelmProviderProps {
  readonly host: string;
  readonly clusterCaCertificate: string;
  readonly exec: HelmKubernetesExec;
}

/** The helm provider, talking to the cluster with short-lived exec credentials (no kubeconfig on disk). */
export class HelmProvider extends PublishedHelmProvider {
  constructor(scope: Construct, id: string, props: HelmProviderProps) {
    super(scope, id, {
      kubernetes: {
        host: props.host,
        clusterCaCertificate: props.clusterCaCertificate,
        exec: { apiVersion: props.exec.apiVersion, command: props.exec.command, args: props.exec.args },
      },
    });
  }
}

export interface HelmReleaseProps extends TerraformMetaArguments {
  readonly name: string;
  readonly namespace: string;
  readonly repository: string;
  readonly chart: string;
  /** Pinned chart version. */
  readonly version: string;
  /** Values, rendered as one JSON document (valid YAML). */
  readonly values: Record<string, any>;
  /** @default 600 */
  readonly timeoutSeconds?: number;
}

/** `helm_release`, waiting for the release's pods to be ready and rolling back a failed upgrade. */
export class HelmRelease extends Release {
  constructor(scope: Construct, id: string, props: HelmReleaseProps) {
    super(scope, id, {
      provider: props.provider,
      dependsOn: props.dependsOn,
      lifecycle: props.lifecycle,
      name: props.name,
      namespace: props.namespace,
      repository: props.repository,
      chart: props.chart,
      version: props.version,
      values: [JSON.stringify(props.values)],
      wait: true,
      atomic: true,
      timeout: props.timeoutSeconds ?? 600,
    });
  }
}
