import { TerraformStack, Testing } from 'cdktf';
import { AwsKafkaCloud, AwsKafkaCloudProps, AwsKafkaInfrastructure } from '../../../lib/cloud/aws/aws-kafka-cloud';
import { CloudInfrastructureRequest } from '../../../lib/cloud/cloud';

export const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

export const DEFAULT_REQUEST: CloudInfrastructureRequest = {
  name: 'kafka',
  namespace: 'kafka',
  brokerCount: 3,
  clientPorts: [9092, 9094],
  interNodePorts: [9093],
  externalListener: { domain: 'kafka.example.internal', internetFacing: false },
};

export interface SynthesizedAws {
  readonly stack: TerraformStack;
  readonly infra: AwsKafkaInfrastructure;
  /** Synthesized Terraform JSON (metadata removed). */
  readonly json: any;
  readonly text: string;
}

export function synthAws(props: Partial<AwsKafkaCloudProps> = {}, request: Partial<CloudInfrastructureRequest> = {}): SynthesizedAws {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'infra');
  const infra = new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: AZS, ...props })
    .createInfrastructure(stack, { ...DEFAULT_REQUEST, ...request }) as AwsKafkaInfrastructure;
  const text = Testing.synth(stack, true);
  return { stack, infra, json: JSON.parse(text), text };
}

/** Resources of one type as [name, body] pairs. */
export function resources(json: any, type: string): Array<[string, any]> {
  return Object.entries(json.resource?.[type] ?? {});
}

export function resourceBodies(json: any, type: string): any[] {
  return resources(json, type).map(([, body]) => body);
}

/** `${aws_x.name.attr}` reference to a resource of the synthesized JSON. */
export function ref(type: string, name: string, attr: string): string {
  return `\${${type}.${name}.${attr}}`;
}

/** Name of the single resource of `type` whose body matches `predicate`. */
export function nameWhere(json: any, type: string, predicate: (body: any) => boolean): string {
  const found = resources(json, type).filter(([, body]) => predicate(body));
  if (found.length !== 1) throw new Error(`expected exactly one ${type} matching, found ${found.length}`);
  return found[0][0];
}
