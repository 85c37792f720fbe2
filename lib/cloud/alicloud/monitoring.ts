import { Construct } from 'constructs';
import { CmsAlarmContact } from '../../generated/providers/alicloud/cms-alarm-contact';
import { CmsAlarmContactGroup } from '../../generated/providers/alicloud/cms-alarm-contact-group';
import { KafkaPlatformValidationError } from '../../errors';
import { AlarmThresholds, ResolvedAlarmThresholds } from './alarm-thresholds';
import { KafkaNodeAlarms } from './kafka-node-alarms';

export interface AlarmContact {
  /** CloudMonitor contact name (unique in the account). */
  readonly name: string;
  /** At least one channel. @default - no email */
  readonly email?: string;
  /** @default - no DingTalk */
  readonly dingTalkWebhook?: string;
  /** @default - no SMS */
  readonly sms?: string;
}


export interface CloudMonitorAlarmsProps {
  readonly name: string;
  readonly region: string;
  /** People or channels notified. At least one. */
  readonly contacts: readonly AlarmContact[];
  /** @default `${name}-kafka` */
  readonly contactGroupName?: string;
  /** @default cpu 80, memory 85, disk 75, inodes 80 */
  readonly thresholds?: AlarmThresholds;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * CloudMonitor contacts, their contact group, and the alarms on the Kafka nodes (an application
 * group with group metric rules: see KafkaNodeAlarms). Nothing here watches `_ALL`: a region-wide
 * alarm pages the Kafka on-call for every other team's machines. The load-balancer alarms live in
 * the workloads stack (LoadBalancerAlarms), where the Kafka Services' load balancers are known.
 */
export class CloudMonitorAlarms extends Construct {
  public readonly contactGroup: CmsAlarmContactGroup;
  /** The contact group's name as a plain string, for alarms in other stacks (no cross-stack output needed). */
  public readonly contactGroupName: string;
  public readonly thresholds: ResolvedAlarmThresholds;
  public readonly kafkaNodes: KafkaNodeAlarms;

  constructor(scope: Construct, id: string, props: CloudMonitorAlarmsProps) {
    super(scope, id);
    if (props.contacts.length === 0) {
      throw new KafkaPlatformValidationError(this.node.path, 'monitoring.contacts', 'no alarm contact given, so alarms would notify nobody', 'add at least one contact with an email, sms or dingTalkWebhook');
    }
    const names = new Set<string>();
    const contacts = props.contacts.map((contact, i) => {
      // The name is the contact's identity in CloudMonitor and in the construct tree: a repeat would clash in both.
      if (typeof contact?.name !== 'string' || !/^[\w.@-]{1,64}$/u.test(contact.name) || names.has(contact.name)) {
        throw new KafkaPlatformValidationError(this.node.path, `monitoring.contacts[${i}].name`, `${JSON.stringify(contact?.name)} is missing, repeated or not a plain contact name`, 'give each contact its own name of letters, digits, "_", ".", "@" and "-" (at most 64)');
      }
      names.add(contact.name);
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
    this.contactGroupName = props.contactGroupName ?? `${props.name}-kafka`;
    this.contactGroup = new CmsAlarmContactGroup(this, 'group', {
      alarmContactGroupName: this.contactGroupName,
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
    this.thresholds = {
      cpuPercent: percent('cpuPercent', 80),
      memoryPercent: percent('memoryPercent', 85),
      diskPercent: percent('diskPercent', 75),
      diskInodePercent: percent('diskInodePercent', 80),
    };
    this.kafkaNodes = new KafkaNodeAlarms(this, 'kafka-nodes', {
      name: props.name,
      region: props.region,
      contactGroup: this.contactGroup,
      thresholds: this.thresholds,
      tags: props.tags,
    });
  }
}
