import { App, TerraformStack, Testing } from 'cdktf';
import { AlicloudKafkaCloud, AlicloudKafkaCloudProps, AlicloudKafkaInfrastructure } from '../../../lib/cloud/alicloud/alicloud-kafka-cloud';
import { CloudInfrastructureRequest } from '../../../lib/cloud/cloud';
import { ExternalEndpoint } from '../../../lib/kafka/types';

export const BASE_PROPS: AlicloudKafkaCloudProps = {
  region: 'cn-hangzhou',
  zones: [{ zoneId: 'cn-hangzhou-h' }, { zoneId: 'cn-hangzhou-i' }, { zoneId: 'cn-hangzhou-j' }],
  alarmContacts: [{ name: 'kafka-oncall', email: 'kafka-oncall@example.com' }],
};

export const BASE_REQUEST: CloudInfrastructureRequest = {
  name: 'kafka',
  namespace: 'kafka',
  brokerCount: 3,
  clientPorts: [9092, 9094],
  interNodePorts: [9093, 9091],
  externalListener: { domain: 'kafka.example.com', internetFacing: false },
};

export const ENDPOINTS: ExternalEndpoint[] = ['bootstrap', 'broker-0', 'broker-1', 'broker-2'].map((h) => ({
  hostname: `${h}.kafka.example.com`,
  serviceNamespace: 'kafka',
  serviceName: `kafka-${h}-external`,
  port: 9094,
}));

export interface Synthesized {
  readonly infra: any;
  readonly workloads: any;
  readonly infrastructure: AlicloudKafkaInfrastructure;
}

/** Builds the infrastructure stack and a workloads stack (Kubernetes provider + DNS records) and returns both as JSON. */
export function synthesize(props: Partial<AlicloudKafkaCloudProps> = {}, request: Partial<CloudInfrastructureRequest> = {}, endpoints = ENDPOINTS): Synthesized {
  const app = Testing.app() as App;
  const infraStack = new TerraformStack(app, 'kafka-infra');
  const workloadsStack = new TerraformStack(app, 'kafka-workloads');
  const cloud = new AlicloudKafkaCloud({ ...BASE_PROPS, ...props });
  const infrastructure = cloud.createInfrastructure(infraStack, { ...BASE_REQUEST, ...request }) as AlicloudKafkaInfrastructure;
  infrastructure.createKubernetesProvider(workloadsStack);
  infrastructure.createDnsRecords(workloadsStack, endpoints, (e) => `\${kubernetes_service_v1.${e.serviceName.replace(/-/g, '_')}.status[0].load_balancer[0].ingress[0].ip}`);
  app.synth();
  return {
    infra: JSON.parse(Testing.synth(infraStack)),
    workloads: JSON.parse(Testing.synth(workloadsStack)),
    infrastructure,
  };
}

/** All instances of a resource type, keyed by logical ID. */
export function resources(stack: any, type: string): Record<string, any> {
  return stack.resource?.[type] ?? {};
}

export function values(stack: any, type: string): any[] {
  return Object.values(resources(stack, type));
}
