import { TerraformMetaArguments, TerraformProvider, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/**
 * Minimal typed bindings for the hashicorp/helm provider (no prebuilt cdktf
 * package for it is pinned in this project). Only the attributes this library
 * uses are modelled; they map 1:1 to the provider's schema (2.x).
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

export class HelmProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, private readonly props: HelmProviderProps) {
    super(scope, id, {
      terraformResourceType: 'helm',
      terraformGeneratorMetadata: { providerName: 'helm', providerVersion: HELM_PROVIDER_VERSION, providerVersionConstraint: HELM_PROVIDER_VERSION },
      terraformProviderSource: 'hashicorp/helm',
    });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      kubernetes: [{
        host: this.props.host,
        cluster_ca_certificate: this.props.clusterCaCertificate,
        exec: [{ api_version: this.props.exec.apiVersion, command: this.props.exec.command, args: this.props.exec.args }],
      }],
    };
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
export class HelmRelease extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly props: HelmReleaseProps) {
    super(scope, id, {
      terraformResourceType: 'helm_release',
      terraformGeneratorMetadata: { providerName: 'helm', providerVersion: HELM_PROVIDER_VERSION, providerVersionConstraint: HELM_PROVIDER_VERSION },
      provider: props.provider,
      dependsOn: props.dependsOn,
      lifecycle: props.lifecycle,
    });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      name: this.props.name,
      namespace: this.props.namespace,
      repository: this.props.repository,
      chart: this.props.chart,
      version: this.props.version,
      values: [JSON.stringify(this.props.values)],
      wait: true,
      atomic: true,
      timeout: this.props.timeoutSeconds ?? 600,
    };
  }
}
