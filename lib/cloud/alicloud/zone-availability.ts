import { Construct } from 'constructs';
import { DataAlicloudZones } from '../../generated/providers/alicloud/data-alicloud-zones';

export interface ZoneAvailabilityCheckProps {
  /** The zones the platform was given. */
  readonly zoneIds: readonly string[];
  /** Every instance type some node pool may use. */
  readonly instanceTypes: readonly string[];
}

/**
 * Zones are given as concrete IDs (they are the brokers' racks, needed at synth), so this checks
 * them at plan time instead of picking them: one `alicloud_zones` lookup per instance type (with
 * ESSD disks, pay-as-you-go) whose postcondition fails `terraform plan` with a clear message when
 * a given zone cannot run that type. Every listed type must exist in every zone, so that each
 * zone's Kafka pool can fall back to the same types and zones stay symmetric.
 */
export class ZoneAvailabilityCheck extends Construct {
  public readonly lookups: DataAlicloudZones[];

  constructor(scope: Construct, id: string, props: ZoneAvailabilityCheckProps) {
    super(scope, id);
    const zones = JSON.stringify([...props.zoneIds]);
    this.lookups = [...new Set(props.instanceTypes)].sort().map((instanceType) => new DataAlicloudZones(this, instanceType, {
      availableInstanceType: instanceType,
      availableDiskCategory: 'cloud_essd',
      instanceChargeType: 'PostPaid',
      lifecycle: {
        postcondition: [{
          condition: `\${alltrue([for z in ${zones} : contains(self.ids, z)])}`,
          errorMessage: `Instance type ${instanceType} with ESSD disks is not available in every zone of ${props.zoneIds.join(', ')}. Remove it from the node pool's instanceTypes or choose other zones.`,
        }],
      },
    }));
  }
}
