import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAwsExample } from '../../examples/aws-eks/main';

describe('examples/aws-eks', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-example-'));
    buildAwsExample({ outdir }).synth();
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const stack = (name: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));

  test('synthesizes both stacks and the GitOps YAML, offline', () => {
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(['kafka-infra', 'kafka-workloads']);
    const yamlFiles = fs.readdirSync(path.join(outdir, 'gitops', 'kafka'));
    expect(yamlFiles).toContain('kustomization.yaml');
    expect(yamlFiles.length - 1).toBe(Object.keys(stack('kafka-workloads').resource.kubernetes_manifest).length);
  });

  test('is a complete 3-AZ platform: subnets, NATs and Kafka node groups in 3 AZs', () => {
    const infra = stack('kafka-infra');
    const azsOf = (type: string, filter: (r: any) => boolean = () => true) => new Set(Object.values<any>(infra.resource[type]).filter(filter).map((r) => r.availability_zone));
    expect(azsOf('aws_subnet')).toEqual(new Set(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']));
    expect(Object.keys(infra.resource.aws_nat_gateway)).toHaveLength(3);
    expect(Object.values<any>(infra.resource.aws_eks_node_group).filter((g) => g.taint)).toHaveLength(3);
    expect(Object.values<any>(infra.resource.aws_flow_log)).toHaveLength(1);
  });

  test('keeps state paths relative, so the synthesized JSON does not depend on the checkout location', () => {
    expect(stack('kafka-infra').terraform.backend.local.path).toBe('../../../terraform.kafka-infra.tfstate');
    expect(JSON.stringify(stack('kafka-workloads'))).not.toContain(process.cwd());
  });
});
