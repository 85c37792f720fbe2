import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { parseAllDocuments } from 'yaml';
import { AwsKafkaCloud } from '../../lib/cloud/aws/aws-kafka-cloud';
import { KafkaPlatformValidationError } from '../../lib/errors';
import { KafkaProfile } from '../../lib/kafka/types';
import { KafkaPlatform } from '../../lib/platform/kafka-platform';

function awsCloud(): AwsKafkaCloud {
  return new AwsKafkaCloud({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] });
}

function withOutdir<T>(fn: (outdir: string) => T): T {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'late-'));
  try { return fn(outdir); } finally { fs.rmSync(outdir, { recursive: true, force: true }); }
}

/** Every Kubernetes object the workloads stack applies, unescaped. */
function workloadsManifests(outdir: string): any[] {
  const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'kafka-workloads', 'cdk.tf.json'), 'utf8'));
  return Object.values<any>(stack.resource.kubernetes_manifest).map((m) => JSON.parse(JSON.stringify(m.manifest).replace(/\$\$\{/g, '${')));
}

function gitopsObjects(outdir: string): any[] {
  const dir = path.join(outdir, 'gitops', 'kafka');
  return fs.readdirSync(dir).filter((f) => f !== 'kustomization.yaml').map((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8'))[0].toJS());
}

/** Where a synthesized platform shows a topic and a user: the topics table, and the users Job's env. */
function declared(objects: any[]): { topics: string[]; users: string[] } {
  const table: string = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'kafka-admin-jobs').data['topics.tsv'];
  const usersJob = objects.find((o) => o.kind === 'Job' && /^kafka-users-/.test(o.metadata.name));
  const env: any[] = usersJob.spec.template.spec.containers[0].env;
  return {
    topics: table.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]),
    users: env.filter((e) => /_NAME$/.test(e.name)).map((e) => e.value),
  };
}

describe('declarations after `new KafkaPlatform(...)`', () => {
  test('a topic and a user added to platform.kafka after construction reach the workloads stack and the GitOps YAML', () => withOutdir((outdir) => {
    const app = new App({ outdir, stackTraces: false });
    const platform = new KafkaPlatform(app, 'kafka', { cloud: awsCloud(), ecosystem: false });
    platform.kafka.addTopic({ name: 'orders', partitions: 12, replicationFactor: 3, config: { 'retention.ms': '604800000' } });
    const credentials = platform.kafka.addUser('orders-service');
    app.synth();

    for (const objects of [workloadsManifests(outdir), gitopsObjects(outdir)]) {
      const { topics, users } = declared(objects);
      expect(topics).toContain('orders');
      expect(users).toContain('orders-service');
      // The bootstrap Job may create (and only read) the new user's Secret.
      const role = objects.find((o) => o.kind === 'Role' && o.metadata.name === 'kafka-secrets-bootstrap');
      expect(role.rules[0].resourceNames).toContain(credentials.secretName);
    }
  }));

  test('the late topic is validated like any other', () => {
    const platform = new KafkaPlatform(Testing.app(), 'kafka', { cloud: awsCloud(), ecosystem: false, gitops: false });
    expect(() => platform.kafka.addTopic({ name: 'orders', partitions: 3, replicationFactor: 2 })).toThrow(KafkaPlatformValidationError);
  });

  test('once the platform has rendered its objects, a declaration fails loudly instead of going missing', () => {
    const platform = new KafkaPlatform(Testing.app(), 'kafka', { cloud: awsCloud(), ecosystem: false, gitops: false });
    expect(platform.objects.length).toBeGreaterThan(0);
    expect(() => platform.kafka.addTopic({ name: 'late', partitions: 3, replicationFactor: 3 })).toThrow(/topics\["late"\]: was declared after KafkaPlatform kafka rendered/);
    expect(() => platform.kafka.addUser('late-user')).toThrow(/addUser\("late-user"\): was declared after KafkaPlatform kafka rendered/);
  });

  test('DEVELOPMENT-profile warnings become cdktf annotations on the workloads stack, shown by `cdktf synth`', () => withOutdir((outdir) => {
    const app = new App({ outdir, stackTraces: false });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      new KafkaPlatform(app, 'kafka', {
        cloud: awsCloud(), ecosystem: false,
        kafka: { profile: KafkaProfile.DEVELOPMENT, networkPolicy: { enabled: false } },
      });
      app.synth();
      // Shown once, by the cdktf CLI: not printed by the library as well.
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const annotations: any[] = manifest.stacks['kafka-workloads'].annotations;
    const warnings = annotations.filter((a) => a.level === '@cdktf/warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/^kafka\/kafka: profile DEVELOPMENT relaxes 1 HA invariant\(s\)[\s\S]*networkPolicy\.enabled/);
  }));
});
