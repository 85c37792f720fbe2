/**
 * The only AWS managed policies this library attaches. The least-privilege
 * check rejects any other managed policy attached in the infrastructure stack,
 * unless the user lists it in `AwsKafkaCloudProps.additionalAllowedManagedPolicies`.
 */
export const AwsManagedPolicy = {
  EKS_CLUSTER: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
  EKS_WORKER_NODE: 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
  ECR_READ_ONLY: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
  EKS_CNI: 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
  EBS_CSI_DRIVER: 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
  CLOUDWATCH_AGENT_SERVER: 'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
} as const;

export const EXPECTED_MANAGED_POLICIES: readonly string[] = Object.values(AwsManagedPolicy);

/** Managed policies that are never acceptable, whatever the allow-list says. */
export const FORBIDDEN_MANAGED_POLICIES: readonly string[] = [
  'arn:aws:iam::aws:policy/AdministratorAccess',
  'arn:aws:iam::aws:policy/PowerUserAccess',
  'arn:aws:iam::aws:policy/IAMFullAccess',
];
