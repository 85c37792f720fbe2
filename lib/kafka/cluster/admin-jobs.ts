import { Construct } from 'constructs';
import { KafkaPlatformValidationError } from '../../errors';
import { hashOf } from '../k8s/hash';
import { SynthTimeApiObject } from '../k8s/synth-time-object';
import { kafkaScript } from '../scripts';
import { KafkaClusterSpec } from '../model/cluster-spec';
import { KafkaUserCredentials } from '../types';
import { ADMIN_SCRIPTS_MOUNT, kafkaAdminEnv, kafkaAdminJob } from './admin-job-template';
import { CredentialsBootstrap } from './credentials-bootstrap';
import { PasswordRotation } from './password-rotation';
import { ClusterDeclarations } from './declarations';
import { renderTopicsTable } from './topics-table';
import { renderAclTable } from './acl-entries';
import { renderQuotaTable } from './quota-table';

export interface AdminJobsProps {
  readonly spec: KafkaClusterSpec;
  readonly declarations: ClusterDeclarations;
  /** Image the rotation Job copies kubectl from. */
  readonly kubectlImage: string;
}

/**
 * The Jobs that make the cluster match its declarations, idempotently: create
 * missing user Secrets, upsert SCRAM users, create or update topics. Each Job's
 * name carries a hash of what it applies, so a change runs a new Job and an
 * unchanged synth re-runs nothing.
 */
export class AdminJobs extends Construct {
  constructor(scope: Construct, id: string, props: AdminJobsProps) {
    super(scope, id);
    const { spec, declarations } = props;
    const { naming } = spec;
    const configName = naming.name('admin-jobs');
    const clientLabels = { ...naming.labels('admin'), [spec.clientAccessLabel.key]: spec.clientAccessLabel.value };
    const topicsTable = () => renderTopicsTable(declarations.declaredTopics);
    const aclTable = () => renderAclTable(declarations.declaredUserDetails.flatMap(u => u.acls));
    const quotaTable = () => renderQuotaTable(declarations.declaredUserDetails);
    new SynthTimeApiObject(this, 'admin-jobs-config', 'v1', 'ConfigMap', () => ({
      name: configName,
      body: {
        metadata: naming.meta(configName, 'admin'),
        data: {
          'create-user-secrets.sh': kafkaScript('create-user-secrets.sh'),
          'kafka-admin-lib.sh': kafkaScript('kafka-admin-lib.sh'),
          'upsert-scram-users.sh': kafkaScript('upsert-scram-users.sh'),
          'apply-acls.sh': kafkaScript('apply-acls.sh'),
          'apply-topics.sh': kafkaScript('apply-topics.sh'),
          'topics.tsv': topicsTable(),
          'acls.tsv': aclTable(),
          'quotas.tsv': quotaTable(),
        },
      },
    }));

    const allUsers = (): KafkaUserCredentials[] => [spec.adminCredentials, ...declarations.declaredUsers];
    const withoutExistingSecret = (users: KafkaUserCredentials[]) => users.filter(u => spec.existingSecrets[u.username] === undefined);
    if (spec.createMissingSecrets) {
      new CredentialsBootstrap(this, 'secrets-bootstrap', { spec, managedUsers: () => withoutExistingSecret(allUsers()) });
    }

    new SynthTimeApiObject(this, 'users-job', 'batch/v1', 'Job', () => {
      const users = declarations.declaredUsers;
      const missing = spec.createMissingSecrets ? [] : withoutExistingSecret(users);
      if (missing.length > 0) {
        throw new KafkaPlatformValidationError(scope.node.path, 'credentials.existingSecrets', `no Secret given for ${missing.map(u => u.username).join(', ')} (added with addUser) while createMissingSecrets is false`, 'add existingSecrets entries for these users, or leave createMissingSecrets on');
      }
      const env = [
        ...kafkaAdminEnv(spec),
        { name: 'KP_ACLS_FILE', value: `${ADMIN_SCRIPTS_MOUNT}/acls.tsv` },
        { name: 'KP_QUOTAS_FILE', value: `${ADMIN_SCRIPTS_MOUNT}/quotas.tsv` },
        { name: 'KP_USER_COUNT', value: String(users.length) },
        ...users.flatMap((u, i) => [
          { name: `KP_USER_${i}_NAME`, value: u.username },
          { name: `KP_USER_${i}_PASSWORD`, valueFrom: { secretKeyRef: { name: u.secretName, key: u.passwordKey } } },
          // Which SCRAM slot the Secret's password belongs to (a rotation alternates them); absent in Secrets from before rotation.
          { name: `KP_USER_${i}_MECHANISM`, valueFrom: { secretKeyRef: { name: u.secretName, key: u.mechanismKey, optional: true } } },
        ]),
      ];
      const name = naming.name(`users-${hashOf({ env, image: spec.images.kafka, acls: aclTable(), quotas: quotaTable(), script: kafkaScript('upsert-scram-users.sh'), aclScript: kafkaScript('apply-acls.sh'), lib: kafkaScript('kafka-admin-lib.sh') }).slice(0, 8)}`);
      return { name, body: kafkaAdminJob(spec, name, 'upsert-scram-users', 'upsert-scram-users.sh', env, clientLabels) };
    });

    // Only clusters that rotate a password get the rotation Job (and its right to patch Secrets).
    declarations.whenRotationDeclared(() => new PasswordRotation(this, 'password-rotation', { spec, users: () => declarations.declaredUserDetails, kubectlImage: props.kubectlImage }));

    new SynthTimeApiObject(this, 'topics-job', 'batch/v1', 'Job', () => {
      const env = [
        ...kafkaAdminEnv(spec),
        { name: 'KP_TOPICS_FILE', value: `${ADMIN_SCRIPTS_MOUNT}/topics.tsv` },
        // KRaft writes a cluster-level min.insync.replicas once, at bootstrap; keep it at the declared value.
        ...(spec.kraft ? [{ name: 'KP_CLUSTER_MIN_INSYNC_REPLICAS', value: String(spec.minInsyncReplicas) }] : []),
      ];
      const name = naming.name(`topics-${hashOf({ env, image: spec.images.kafka, topics: topicsTable(), script: kafkaScript('apply-topics.sh'), lib: kafkaScript('kafka-admin-lib.sh') }).slice(0, 8)}`);
      return { name, body: kafkaAdminJob(spec, name, 'apply-topics', 'apply-topics.sh', env, clientLabels) };
    });
  }
}
