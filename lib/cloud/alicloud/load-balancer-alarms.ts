import { DataKubernetesServiceV1 } from '@cdktf/provider-kubernetes/lib/data-kubernetes-service-v1';
import { Fn, ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CmsAlarm } from '../../generated/providers/alicloud/cms-alarm';

/** The label ACK's cloud controller manager puts on every LoadBalancer Service it serves: the CLB/NLB instance ID. */
export const ACK_LOAD_BALANCER_ID_LABEL = 'service.k8s.alibaba/loadbalancer-id';

export interface LoadBalancerAlarmsProps {
  readonly name: string;
  /** Contact group notified. */
  readonly contactGroupName: string;
  /** Which Alibaba load balancer the Services get: their metrics live in different CloudMonitor namespaces. */
  readonly loadBalancerKind: AlibabaLoadBalancerKind;
  /** The Kafka LoadBalancer Services (namespace and name), in a stable order. */
  readonly services: ReadonlyArray<{ readonly namespace: string; readonly name: string }>;
  readonly kubernetes: TerraformProvider;
  /** Resources that exist only once every Service has its load balancer (the DNS records pointing at them). */
  readonly after: ITerraformDependable[];
}

export type AlibabaLoadBalancerKind = 'clb' | 'nlb';

/** One CloudMonitor metric alarm definition. */
interface AlarmSpec {
  readonly id: string;
  readonly project: string;
  readonly metric: string;
  readonly statistics: string;
  readonly operator: string;
  readonly threshold: number;
  readonly times: number;
}

/**
 * Alarms on the Kafka Services' load balancers only, in the workloads stack: the load balancers
 * are created by ACK's cloud controller manager when the Services are, and their IDs are read from
 * the label it puts on each Service. Each alarm lists those instances as its dimensions.
 */
export class LoadBalancerAlarms extends Construct {
  public readonly alarms: CmsAlarm[] = [];
  public readonly loadBalancerIds: string[];

  constructor(scope: Construct, id: string, props: LoadBalancerAlarmsProps) {
    super(scope, id);
    this.loadBalancerIds = props.services.map((service) => {
      const lookup = new DataKubernetesServiceV1(this, `service-${service.namespace}-${service.name}`, {
        provider: props.kubernetes,
        metadata: { namespace: service.namespace, name: service.name },
        // Read once the load balancer exists, not at plan time of the first apply.
        dependsOn: props.after,
      });
      // `lookup` without a default fails the apply if the label is missing, rather than alarming on nothing.
      return Fn.lookup(lookup.metadata.labels, ACK_LOAD_BALANCER_ID_LABEL) as string;
    });
    const dimensions = Fn.jsonencode(this.loadBalancerIds.map((instanceId) => ({ instanceId })));
    for (const spec of loadBalancerAlarmSpecs(props.loadBalancerKind)) {
      this.alarms.push(new CmsAlarm(this, spec.id, {
        name: `${props.name}-${spec.id}`,
        project: spec.project,
        metric: spec.metric,
        metricDimensions: dimensions,
        period: 60,
        contactGroups: [props.contactGroupName],
        effectiveInterval: '00:00-23:59',
        silenceTime: 3600,
        enabled: true,
        escalationsCritical: {
          statistics: spec.statistics,
          comparisonOperator: spec.operator,
          threshold: String(spec.threshold),
          times: spec.times,
        },
      }));
    }
  }
}

function loadBalancerAlarmSpecs(kind: AlibabaLoadBalancerKind): AlarmSpec[] {
  if (kind === 'nlb') {
    return [{ id: 'lb-unhealthy-backends', project: 'acs_nlb', metric: 'UnhealthyServerCount', statistics: 'Maximum', operator: '>=', threshold: 1, times: 3 }];
  }
  return [
    { id: 'lb-unhealthy-backends', project: 'acs_slb_dashboard', metric: 'UnhealthyServerCount', statistics: 'Maximum', operator: '>=', threshold: 1, times: 3 },
    { id: 'lb-dropped-connections', project: 'acs_slb_dashboard', metric: 'InstanceDropConnection', statistics: 'Maximum', operator: '>', threshold: 0, times: 3 },
  ];
}
