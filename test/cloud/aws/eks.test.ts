import { EKS_CONTROL_PLANE_LOG_TYPES } from '../../../lib/cloud/aws/eks-cluster';
import { KAFKA_NODE_LABEL_KEY, KAFKA_NODE_TAINT_KEY } from '../../../lib/cloud/aws/node-groups';
import { KafkaPlatformValidationError } from '../../../lib/errors';
import { AwsNlbFlavour } from '../../../lib/cloud/aws/load-balancer-flavour';
import { validateManifests } from '../../support/k8s-validate';
import { AZS, nameWhere, ref, resourceBodies, resources, synthAws } from './aws-test-helpers';

describe('EKS control plane', () => {
  test('private endpoint on, public endpoint off by default', () => {
    const { json } = synthAws();
    const [cluster] = resourceBodies(json, 'aws_eks_cluster');
    expect(cluster.vpc_config).toMatchObject({ endpoint_private_access: true, endpoint_public_access: false });
    expect(cluster.vpc_config.public_access_cidrs).toBeUndefined();
    expect(cluster.version).toBe('1.33');
  });

  test('public endpoint only for the listed CIDRs; 0.0.0.0/0 is refused', () => {
    const { json } = synthAws({ publicEndpointCidrs: ['203.0.113.0/24'], kubernetesVersion: '1.32' });
    const [cluster] = resourceBodies(json, 'aws_eks_cluster');
    expect(cluster.vpc_config).toMatchObject({ endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] });
    expect(cluster.version).toBe('1.32');
    expect(() => synthAws({ publicEndpointCidrs: ['0.0.0.0/0'] })).toThrow(KafkaPlatformValidationError);
  });

  test('Secrets are envelope-encrypted with a KMS key that rotates; every KMS key rotates', () => {
    const { json } = synthAws();
    const [cluster] = resourceBodies(json, 'aws_eks_cluster');
    const keyName = cluster.encryption_config.provider.key_arn.match(/^\$\{aws_kms_key\.([^.]+)\.arn\}$/)[1];
    expect(cluster.encryption_config.resources).toEqual(['secrets']);
    expect(json.resource.aws_kms_key[keyName].enable_key_rotation).toBe(true);
    const keys = resourceBodies(json, 'aws_kms_key');
    expect(keys).toHaveLength(3);
    for (const k of keys) expect(k.enable_key_rotation).toBe(true);
  });

  test('all control-plane logs go to a log group with retention that exists before the cluster', () => {
    const { json } = synthAws({ controlPlaneLogRetentionDays: 365 });
    const [clusterName, cluster] = resources(json, 'aws_eks_cluster')[0];
    expect(cluster.enabled_cluster_log_types).toEqual(EKS_CONTROL_PLANE_LOG_TYPES);
    const group = nameWhere(json, 'aws_cloudwatch_log_group', (g) => g.name === '/aws/eks/kafka/cluster');
    expect(json.resource.aws_cloudwatch_log_group[group].retention_in_days).toBe(365);
    expect(json.resource.aws_eks_cluster[clusterName].depends_on).toContain(`aws_cloudwatch_log_group.${group}`);
  });

  test('admin principals get cluster-admin through access entries, no aws-auth ConfigMap', () => {
    const { json } = synthAws({ adminPrincipalArns: ['arn:aws:iam::111122223333:role/admins'] });
    const [cluster] = resourceBodies(json, 'aws_eks_cluster');
    expect(cluster.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: true });
    expect(resourceBodies(json, 'aws_eks_access_entry')).toEqual([expect.objectContaining({ principal_arn: 'arn:aws:iam::111122223333:role/admins' })]);
    expect(resourceBodies(json, 'aws_eks_access_policy_association')[0]).toMatchObject({
      policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', access_scope: { type: 'cluster' },
    });
  });
});

describe('node groups (HA layout)', () => {
  test('one Kafka node group per AZ, in that AZ only, labelled and tainted NoSchedule', () => {
    const { json } = synthAws();
    const kafkaGroups = resourceBodies(json, 'aws_eks_node_group').filter((g) => g.labels?.[KAFKA_NODE_LABEL_KEY] === 'kafka');
    expect(kafkaGroups).toHaveLength(3);
    for (const az of AZS) {
      const subnet = nameWhere(json, 'aws_subnet', (s) => s.availability_zone === az && s.tags['kubernetes.io/role/internal-elb'] === '1');
      const group = kafkaGroups.find((g) => g.node_group_name === `kafka-${az}`);
      expect(group.subnet_ids).toEqual([ref('aws_subnet', subnet, 'id')]);
      expect(group.taint).toEqual([{ key: KAFKA_NODE_TAINT_KEY, value: 'kafka', effect: 'NO_SCHEDULE' }]);
      expect(group.update_config).toEqual({ max_unavailable: 1 });
      // 3 brokers over 3 AZs: one broker node + one for the AZ's controller.
      expect(group.scaling_config).toEqual({ min_size: 2, desired_size: 2, max_size: 3 });
    }
  });

  test('a general node group spans all AZs without the Kafka taint', () => {
    const { json } = synthAws();
    const general = resourceBodies(json, 'aws_eks_node_group').find((g) => g.node_group_name === 'general');
    expect(general.subnet_ids).toHaveLength(3);
    expect(general.taint).toBeUndefined();
    expect(general.labels).toBeUndefined();
  });

  test('Kafka nodes carry the cluster and Kafka security groups, IMDSv2 with one hop, encrypted root volumes', () => {
    const { json } = synthAws();
    const [kafkaLtName, kafkaLt] = resources(json, 'aws_launch_template').find(([, lt]) => lt.name === 'kafka-kafka')!;
    const sg = resources(json, 'aws_security_group')[0][0];
    expect(kafkaLt.vpc_security_group_ids).toEqual([expect.stringMatching(/cluster_security_group_id/), ref('aws_security_group', sg, 'id')]);
    expect(kafkaLt.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 });
    expect(kafkaLt.block_device_mappings[0].ebs).toMatchObject({ encrypted: 'true', volume_type: 'gp3' });
    for (const g of resourceBodies(json, 'aws_eks_node_group').filter((n) => n.node_group_name.startsWith('kafka-'))) {
      expect(g.launch_template.id).toBe(ref('aws_launch_template', kafkaLtName, 'id'));
    }
  });

  test('node groups scale with brokers, and an undersized group is refused', () => {
    const { json } = synthAws({}, { brokerCount: 9 });
    for (const g of resourceBodies(json, 'aws_eks_node_group').filter((n) => n.node_group_name.startsWith('kafka-'))) {
      expect(g.scaling_config.desired_size).toBe(4);
    }
    expect(() => synthAws({ kafkaNodes: { desiredSize: 2 } }, { brokerCount: 9 })).toThrow(/kafkaNodes.desiredSize/);
  });

  test('the infrastructure tells the Kafka side how to land on these nodes', () => {
    const { infra } = synthAws();
    expect(infra.kafkaNodePlacement).toEqual({
      nodeLabels: { [KAFKA_NODE_LABEL_KEY]: 'kafka' },
      tolerations: [{ key: KAFKA_NODE_TAINT_KEY, value: 'kafka', effect: 'NoSchedule' }],
    });
    expect(infra.loadBalancerFlavour).toBeInstanceOf(AwsNlbFlavour);
    expect(infra.loadBalancerAddressType).toBe('hostname');
  });
});

describe('add-ons and storage', () => {
  test('VPC CNI, kube-proxy, CoreDNS, EBS CSI and CloudWatch observability add-ons, with IRSA where they call AWS', () => {
    const { json } = synthAws();
    const addons = Object.fromEntries(resourceBodies(json, 'aws_eks_addon').map((a) => [a.addon_name, a]));
    expect(Object.keys(addons).sort()).toEqual(['amazon-cloudwatch-observability', 'aws-ebs-csi-driver', 'coredns', 'kube-proxy', 'vpc-cni']);
    for (const name of ['vpc-cni', 'aws-ebs-csi-driver', 'amazon-cloudwatch-observability']) {
      expect(addons[name].service_account_role_arn).toMatch(/^\$\{aws_iam_role\.[^.]+\.arn\}$/);
    }
    expect(JSON.parse(addons['aws-ebs-csi-driver'].configuration_values)).toEqual({ node: { tolerateAllTaints: true } });
    // The Kafka side relies on NetworkPolicies; the VPC CNI enforces them only with its policy agent on.
    expect(JSON.parse(addons['vpc-cni'].configuration_values)).toEqual({ enableNetworkPolicy: 'true' });
    // Pods of these add-ons need nodes; the CNI must exist before nodes.
    expect(addons['aws-ebs-csi-driver'].depends_on.filter((d: string) => d.startsWith('aws_eks_node_group.'))).toHaveLength(4);
    const kafkaGroup = resourceBodies(json, 'aws_eks_node_group')[0];
    expect(kafkaGroup.depends_on.some((d: string) => d.startsWith('aws_eks_addon.'))).toBe(true);
  });

  test('the StorageClass is encrypted gp3 with WaitForFirstConsumer and expansion, and schema-valid', () => {
    const { infra } = synthAws();
    expect(infra.kubernetesObjects).toHaveLength(1);
    const sc = infra.kubernetesObjects[0];
    expect(sc).toMatchObject({
      kind: 'StorageClass',
      metadata: { name: infra.storageClassName },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', encrypted: 'true', kmsKeyId: 'alias/kafka-kafka-volumes' },
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
      reclaimPolicy: 'Retain',
    });
    expect(validateManifests([...infra.kubernetesObjects])).toEqual([]);
  });

  test('the StorageClass key alias exists in the stack and targets the rotating volume key', () => {
    const { json, infra } = synthAws();
    const alias = resourceBodies(json, 'aws_kms_alias').find((a) => a.name === infra.kubernetesObjects[0].parameters.kmsKeyId);
    const keyName = alias.target_key_id.match(/^\$\{aws_kms_key\.([^.]+)\.key_id\}$/)[1];
    expect(json.resource.aws_kms_key[keyName].enable_key_rotation).toBe(true);
  });

  test('the StorageClass contains no Terraform tokens (it is also written as GitOps YAML)', () => {
    const { infra } = synthAws();
    expect(JSON.stringify(infra.kubernetesObjects)).not.toMatch(/TfToken|\$\{/);
  });
});
