import { TerraformIterator, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DataKubernetesNodes } from '@cdktf/provider-kubernetes/lib/data-kubernetes-nodes';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { CmsAlarmContactGroup } from '../../generated/providers/alicloud/cms-alarm-contact-group';
import { CmsGroupMetricRule } from '../../generated/providers/alicloud/cms-group-metric-rule';
import { CmsMonitorGroup } from '../../generated/providers/alicloud/cms-monitor-group';
import { CmsMonitorGroupInstances } from '../../generated/providers/alicloud/cms-monitor-group-instances';
import { KAFKA_NODE_LABEL_KEY, KAFKA_NODE_LABEL_VALUE } from '../kafka-node-placement';
import type { ResolvedAlarmThresholds } from './alarm-thresholds';

export interface KafkaNodeAlarmsProps {
  readonly name: string;
  readonly region: string;
  readonly contactGroup: CmsAlarmContactGroup;
  readonly thresholds: ResolvedAlarmThresholds;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** One group metric rule on the ECS metrics of the CloudMonitor agent (installed by the node pools). */
interface NodeRuleSpec {
  readonly id: string;
  readonly metric: string;
  readonly statistics: string;
  readonly threshold: number;
  readonly times: number;
}

/**
 * A CloudMonitor application group for the Kafka node pools' ECS instances, with group metric rules
 * on CPU, memory, disk space and disk inodes. Disk rules take the fullest filesystem of a node; the
 * agent reports every mounted disk, so that includes the Kafka log volumes (ESSD PVs mounted on the
 * node), which is the disk Kafka fills.
 *
 * Members: the node pools' instances are created by their scaling groups after this plan, so their
 * IDs are not known here. `addMembers` lists them in the workloads stack, from the Kubernetes nodes
 * carrying the Kafka pool label (their `providerID` is `<region>.<instance id>`).
 */
export class KafkaNodeAlarms extends Construct {
  public readonly group: CmsMonitorGroup;
  public readonly rules: CmsGroupMetricRule[];
  private readonly region: string;

  constructor(scope: Construct, id: string, props: KafkaNodeAlarmsProps) {
    super(scope, id);
    this.region = props.region;
    this.group = new CmsMonitorGroup(this, 'group', {
      monitorGroupName: `${props.name}-kafka-nodes`,
      contactGroups: [props.contactGroup.alarmContactGroupName],
      tags: { ...props.tags },
    });
    const t = props.thresholds;
    const specs: NodeRuleSpec[] = [
      { id: 'cpu', metric: 'CPUUtilization', statistics: 'Average', threshold: t.cpuPercent, times: 3 },
      { id: 'memory', metric: 'memory_usedutilization', statistics: 'Average', threshold: t.memoryPercent, times: 3 },
      { id: 'disk', metric: 'diskusage_utilization', statistics: 'Maximum', threshold: t.diskPercent, times: 2 },
      { id: 'disk-inodes', metric: 'fs_inodeutilization', statistics: 'Maximum', threshold: t.diskInodePercent, times: 2 },
    ];
    this.rules = specs.map((spec) => new CmsGroupMetricRule(this, spec.id, {
      groupId: this.group.id,
      // The rule ID is ours and ForceNew: stable names keep the rules in place across plans.
      ruleId: `${props.name}-kafka-node-${spec.id}`,
      groupMetricRuleName: `${props.name}-kafka-node-${spec.id}`,
      category: 'ecs',
      namespace: 'acs_ecs_dashboard',
      metricName: spec.metric,
      period: 60,
      silenceTime: 3600,
      effectiveInterval: '00:00-23:59',
      escalations: {
        critical: {
          statistics: spec.statistics,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          threshold: String(spec.threshold),
          times: spec.times,
        },
      },
    }));
  }

  /**
   * Puts the Kafka nodes into the group, from `workloads` (read through `kubernetes`). Nodes that
   * replace others (auto-repair, upgrades) join on the next apply of the workloads stack.
   */
  public addMembers(workloads: TerraformStack, kubernetes: KubernetesProvider): CmsMonitorGroupInstances {
    const nodes = new DataKubernetesNodes(workloads, 'kafka-nodes', {
      provider: kubernetes,
      metadata: { labels: { [KAFKA_NODE_LABEL_KEY]: KAFKA_NODE_LABEL_VALUE } },
    });
    const each = TerraformIterator.fromList(nodes.nodes);
    return new CmsMonitorGroupInstances(workloads, 'kafka-node-alarm-members', {
      groupId: this.group.id,
      instances: each.dynamic({
        category: 'ecs',
        // A node's providerID is `<region>.<ECS instance ID>`.
        instance_id: '${element(split(".", each.value.spec[0].provider_id), 1)}',
        instance_name: '${each.value.metadata[0].name}',
        region_id: this.region,
      }),
    });
  }
}
