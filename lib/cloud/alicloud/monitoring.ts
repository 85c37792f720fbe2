import { Construct } from 'constructs';
import { CmsAlarm } from '../../generated/providers/alicloud/cms-alarm';
import { CmsAlarmContact } from '../../generated/providers/alicloud/cms-alarm-contact';
import { CmsAlarmContactGroup } from '../../generated/providers/alicloud/cms-alarm-contact-group';
import { KafkaPlatformValidationError } from '../../errors';
import { LoadBalancerProvider } from '../../kafka/types';

export interface AlarmContact {
  /** CloudMonitor contact name (unique in the account). */
  readonly name: string;
  /** At least one channel. */
  readonly email?: string;
  readonly dingTalkWebhook?: string;
  readonly sms?: string;
}

export interface AlarmThresholds {
  /** @default 80 */
  readonly cpuPercent?: number;
  /** @default 85 */
  readonly memoryPercent?: number;
  /** @default 75 (Kafka needs headroom to move partitions) */
  readonly diskPercent?: number;
}

export interface CloudMonitorAlarmsProps {
  readonly name: string;
  /** People or channels notified. At least one. */
  readonly contacts: readonly AlarmContact[];
  /** @default `${name}-kafka` */
  readonly contactGroupName?: string;
  readonly thresholds?: AlarmThresholds;
  readonly loadBalancerProvider: LoadBalancerProvider;
}

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
 * CloudMonitor contacts, a contact group, and alarms on the Kafka nodes (CPU, memory, disk; the
 * CloudMonitor agent is installed by the node pools) and on the broker load balancers.
 *
 * Scope: node-pool instances and the LoadBalancers of Kubernetes Services are created after this
 * plan (by the scaling group and the cloud controller manager), so their IDs cannot be listed
 * here. The alarms therefore cover all instances of the product in the region
 * (`[{"resource":"_ALL"}]`); the in-cluster Prometheus rules give the per-broker view.
 */
export class CloudMonitorAlarms extends Construct {
  public readonly contactGroup: CmsAlarmContactGroup;
  public readonly alarms: CmsAlarm[] = [];

  constructor(scope: Construct, id: string, props: CloudMonitorAlarmsProps) {
    super(scope, id);
    if (props.contacts.length === 0) {
      throw new KafkaPlatformValidationError(this.node.path, 'monitoring.contacts', 'no alarm contact given, so alarms would notify nobody', 'add at least one contact with an email, sms or dingTalkWebhook');
    }
    const contacts = props.contacts.map((contact, i) => {
      if (!contact.email && !contact.dingTalkWebhook && !contact.sms) {
        throw new KafkaPlatformValidationError(this.node.path, `monitoring.contacts[${i}]`, `contact ${contact.name} has no channel`, 'set email, sms or dingTalkWebhook');
      }
      return new CmsAlarmContact(this, `contact-${contact.name}`, {
        alarmContactName: contact.name,
        describe: `Kafka platform ${props.name} on-call`,
        channelsMail: contact.email,
        channelsDingWebHook: contact.dingTalkWebhook,
        channelsSms: contact.sms,
        lang: 'en',
      });
    });
    this.contactGroup = new CmsAlarmContactGroup(this, 'group', {
      alarmContactGroupName: props.contactGroupName ?? `${props.name}-kafka`,
      describe: `Kafka platform ${props.name}`,
      contacts: contacts.map((c) => c.alarmContactName),
    });

    const t = props.thresholds ?? {};
    const percent = (key: keyof AlarmThresholds, fallback: number) => {
      const value = t[key] ?? fallback;
      if (!(value > 0 && value <= 100)) {
        throw new KafkaPlatformValidationError(this.node.path, `monitoring.thresholds.${key}`, `${value} is not a percentage`, 'use a value in (0, 100]');
      }
      return value;
    };
    const specs: AlarmSpec[] = [
      { id: 'node-cpu', project: 'acs_ecs_dashboard', metric: 'CPUUtilization', statistics: 'Average', operator: '>=', threshold: percent('cpuPercent', 80), times: 3 },
      { id: 'node-memory', project: 'acs_ecs_dashboard', metric: 'memory_usedutilization', statistics: 'Average', operator: '>=', threshold: percent('memoryPercent', 85), times: 3 },
      { id: 'node-disk', project: 'acs_ecs_dashboard', metric: 'diskusage_utilization', statistics: 'Maximum', operator: '>=', threshold: percent('diskPercent', 75), times: 2 },
      ...loadBalancerAlarms(props.loadBalancerProvider),
    ];
    for (const spec of specs) {
      this.alarms.push(new CmsAlarm(this, spec.id, {
        name: `${props.name}-${spec.id}`,
        project: spec.project,
        metric: spec.metric,
        metricDimensions: JSON.stringify([{ resource: '_ALL' }]),
        period: 60,
        contactGroups: [this.contactGroup.alarmContactGroupName],
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

function loadBalancerAlarms(provider: LoadBalancerProvider): AlarmSpec[] {
  if (provider === LoadBalancerProvider.ALIBABA_NLB) {
    return [{ id: 'lb-unhealthy-backends', project: 'acs_nlb', metric: 'UnhealthyServerCount', statistics: 'Maximum', operator: '>=', threshold: 1, times: 3 }];
  }
  return [
    { id: 'lb-unhealthy-backends', project: 'acs_slb_dashboard', metric: 'UnhealthyServerCount', statistics: 'Maximum', operator: '>=', threshold: 1, times: 3 },
    { id: 'lb-dropped-connections', project: 'acs_slb_dashboard', metric: 'InstanceDropConnection', statistics: 'Maximum', operator: '>', threshold: 0, times: 3 },
  ];
}
