import { KafkaPlatformValidationError } from '../../errors';

/** Minimum number of AZs: a Kafka cluster with RF 3 that survives the loss of one AZ. */
export const MIN_AVAILABILITY_ZONES = 3;

export interface AvailabilityZoneSelection {
  readonly region: string;
  /** Explicit AZ names, in the order racks and subnets are listed. */
  readonly availabilityZones?: string[];
  /** Use only the first `maxAzs` of `availabilityZones`. */
  readonly maxAzs?: number;
}

/**
 * The AZs the platform uses. They must be literal names, known at synth:
 * each becomes a subnet, a node group, the nodes' `topology.kubernetes.io/zone`
 * label and a broker's `broker.rack`. A count alone (`maxAzs` without names)
 * is refused: the names would come from a data source resolved only at apply
 * time, and guessing `<region>a`, `<region>b`, ... is not safe because not
 * every account can use every AZ letter of a region (e.g. us-east-1, us-west-1).
 */
export function selectAvailabilityZones(constructPath: string, selection: AvailabilityZoneSelection): string[] {
  const { region, availabilityZones, maxAzs } = selection;
  const listCommand = `aws ec2 describe-availability-zones --region ${region} --filters Name=zone-type,Values=availability-zone --query 'AvailabilityZones[].ZoneName'`;
  if (availabilityZones === undefined) {
    throw new KafkaPlatformValidationError(constructPath, maxAzs === undefined ? 'availabilityZones' : 'maxAzs',
      maxAzs === undefined
        ? 'no availability zones given'
        : 'maxAzs alone cannot be used: AZ names become Kafka racks and node labels and must be known at synth, and which AZ letters an account may use differs between accounts',
      `list the AZ names your account uses in ${region} in availabilityZones (they are printed by: ${listCommand}); maxAzs may then cap how many of them are used`);
  }
  if (maxAzs !== undefined) {
    if (!Number.isInteger(maxAzs) || maxAzs < MIN_AVAILABILITY_ZONES) {
      throw new KafkaPlatformValidationError(constructPath, 'maxAzs', `${maxAzs} is not an integer >= ${MIN_AVAILABILITY_ZONES}`, `use at least ${MIN_AVAILABILITY_ZONES} AZs so the cluster survives the loss of one`);
    }
    if (maxAzs > availabilityZones.length) {
      throw new KafkaPlatformValidationError(constructPath, 'maxAzs', `asks for ${maxAzs} AZs but availabilityZones lists ${availabilityZones.length}`, `list at least ${maxAzs} AZ names, or lower maxAzs`);
    }
  }
  const selected = maxAzs === undefined ? [...availabilityZones] : availabilityZones.slice(0, maxAzs);
  // `<region><letter>` for AZs, `<region>-<name>` for Local and Wavelength Zones.
  const inRegion = new RegExp(`^${region.replace(/[^a-z0-9]/g, (c) => `\\${c}`)}([a-z]|-[a-z0-9-]+)$`);
  selected.forEach((az, i) => {
    if (!inRegion.test(az)) {
      throw new KafkaPlatformValidationError(constructPath, `availabilityZones[${i}]`, `"${az}" is not an availability zone of region ${region}`, `use AZ names of ${region} (${listCommand})`);
    }
  });
  return selected;
}
