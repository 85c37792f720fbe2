import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { Construct } from 'constructs';
import { ClusterOidcProvider, ServiceAccountRole } from './irsa';
import { PolicyStatement } from './policy-document';

export const LOAD_BALANCER_CONTROLLER_NAMESPACE = 'kube-system';
export const LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT = 'aws-load-balancer-controller';
/** eks-charts `aws-load-balancer-controller` chart (controller v2.13). */
export const LOAD_BALANCER_CONTROLLER_CHART_VERSION = '1.13.0';

/** Tag the controller puts on everything it creates; its write permissions are limited to resources carrying it. */
const OWNED = 'elbv2.k8s.aws/cluster';

/**
 * IAM permissions of the AWS Load Balancer Controller, narrowed to what
 * Service-type NLBs need (no ALB/Ingress extras: WAF, Shield, Cognito, ACM
 * listing, rules). Write actions are limited to resources the controller
 * tagged itself; no action is a wildcard.
 */
export function loadBalancerControllerStatements(partition: string): PolicyStatement[] {
  return [
    {
      Sid: 'ElbServiceLinkedRole',
      Effect: 'Allow',
      Action: 'iam:CreateServiceLinkedRole',
      Resource: `arn:${partition}:iam::*:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`,
      Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
    },
    {
      Sid: 'Discover',
      Effect: 'Allow',
      Action: [
        'ec2:DescribeAccountAttributes', 'ec2:DescribeAddresses', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeInternetGateways',
        'ec2:DescribeVpcs', 'ec2:DescribeVpcPeeringConnections', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups',
        'ec2:DescribeInstances', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeTags', 'ec2:DescribeRouteTables',
        'ec2:GetSecurityGroupsForVpc', 'ec2:DescribeIpamPools', 'ec2:GetCoipPoolUsage', 'ec2:DescribeCoipPools',
        'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes',
        'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeListenerAttributes',
        'elasticloadbalancing:DescribeListenerCertificates', 'elasticloadbalancing:DescribeSSLPolicies',
        'elasticloadbalancing:DescribeRules', 'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetGroupAttributes', 'elasticloadbalancing:DescribeTargetHealth',
        'elasticloadbalancing:DescribeTags', 'elasticloadbalancing:DescribeTrustStores',
        'elasticloadbalancing:DescribeCapacityReservation',
      ],
      Resource: '*',
    },
    {
      Sid: 'CreateOwnSecurityGroups',
      Effect: 'Allow',
      Action: 'ec2:CreateSecurityGroup',
      Resource: '*',
    },
    {
      Sid: 'TagSecurityGroupsOnCreate',
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: `arn:${partition}:ec2:*:*:security-group/*`,
      Condition: { 'StringEquals': { 'ec2:CreateAction': 'CreateSecurityGroup' }, 'Null': { [`aws:RequestTag/${OWNED}`]: 'false' } },
    },
    {
      Sid: 'RetagOwnSecurityGroups',
      Effect: 'Allow',
      Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
      Resource: `arn:${partition}:ec2:*:*:security-group/*`,
      Condition: { Null: { [`aws:RequestTag/${OWNED}`]: 'true', [`aws:ResourceTag/${OWNED}`]: 'false' } },
    },
    {
      Sid: 'ManageSecurityGroupRules',
      // Rules on the cluster security group (pod ENIs) for ip targets: the group is not controller-tagged.
      Effect: 'Allow',
      Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
      Resource: '*',
    },
    {
      Sid: 'DeleteOwnSecurityGroups',
      Effect: 'Allow',
      Action: 'ec2:DeleteSecurityGroup',
      Resource: '*',
      Condition: { Null: { [`aws:ResourceTag/${OWNED}`]: 'false' } },
    },
    {
      Sid: 'CreateTaggedLoadBalancers',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
      Resource: '*',
      Condition: { Null: { [`aws:RequestTag/${OWNED}`]: 'false' } },
    },
    {
      Sid: 'ManageListeners',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:CreateListener', 'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:ModifyListener', 'elasticloadbalancing:ModifyListenerAttributes'],
      Resource: '*',
    },
    {
      Sid: 'TagOnCreate',
      Effect: 'Allow',
      Action: 'elasticloadbalancing:AddTags',
      Resource: [
        `arn:${partition}:elasticloadbalancing:*:*:targetgroup/*/*`,
        `arn:${partition}:elasticloadbalancing:*:*:loadbalancer/net/*/*`,
        `arn:${partition}:elasticloadbalancing:*:*:listener/net/*/*/*`,
      ],
      Condition: {
        'StringEquals': { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer', 'CreateListener'] },
        'Null': { [`aws:RequestTag/${OWNED}`]: 'false' },
      },
    },
    {
      Sid: 'RetagOwnLoadBalancers',
      Effect: 'Allow',
      Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
      Resource: [
        `arn:${partition}:elasticloadbalancing:*:*:targetgroup/*/*`,
        `arn:${partition}:elasticloadbalancing:*:*:loadbalancer/net/*/*`,
      ],
      Condition: { Null: { [`aws:RequestTag/${OWNED}`]: 'true', [`aws:ResourceTag/${OWNED}`]: 'false' } },
    },
    {
      Sid: 'ManageOwnLoadBalancers',
      Effect: 'Allow',
      Action: [
        'elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:SetIpAddressType', 'elasticloadbalancing:SetSecurityGroups',
        'elasticloadbalancing:SetSubnets', 'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:ModifyTargetGroup',
        'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:DeleteTargetGroup',
        'elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets',
      ],
      Resource: '*',
      Condition: { Null: { [`aws:ResourceTag/${OWNED}`]: 'false' } },
    },
  ];
}

export interface LoadBalancerControllerRoleProps {
  readonly name: string;
  readonly oidc: ClusterOidcProvider;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** IRSA role of the AWS Load Balancer Controller, which provisions the NLBs of the Kafka external listener. */
export class LoadBalancerControllerRole extends Construct {
  public readonly role: ServiceAccountRole;

  constructor(scope: Construct, id: string, props: LoadBalancerControllerRoleProps) {
    super(scope, id);
    const partition = new DataAwsPartition(this, 'partition');
    this.role = new ServiceAccountRole(this, 'irsa', {
      oidc: props.oidc,
      roleName: `${props.name}-aws-lb-controller`,
      namespace: LOAD_BALANCER_CONTROLLER_NAMESPACE,
      serviceAccount: LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT,
      statements: loadBalancerControllerStatements(partition.partition),
      tags: props.tags,
    });
  }
}
