import { KafkaRule } from './rule';

const ZONE_LABEL_VALUE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** At least three distinct zones, so the cluster survives the loss of one (a majority of replicas and controllers stays up). */
export const zoneCountRule: KafkaRule = (ctx) => {
  if (ctx.zones.length === 0) {
    return [{ ruleId: 'zone-count', prop: 'zones', problem: 'no zones given', fix: 'pass the zone label values (topology.kubernetes.io/zone) of the nodes, e.g. ["us-east-1a","us-east-1b","us-east-1c"]', relaxable: false }];
  }
  const findings = [];
  const duplicates = ctx.zones.filter((z, i) => ctx.zones.indexOf(z) !== i);
  if (duplicates.length > 0) {
    findings.push({ ruleId: 'zone-count', prop: 'zones', problem: `zones repeat (${[...new Set(duplicates)].join(', ')})`, fix: 'list each zone once', relaxable: false });
  }
  const invalid = ctx.zones.filter(z => z.length > 63 || !ZONE_LABEL_VALUE.test(z));
  if (invalid.length > 0) {
    findings.push({ ruleId: 'zone-count', prop: 'zones', problem: `not valid label values: ${invalid.map(z => JSON.stringify(z)).join(', ')}`, fix: 'use the concrete zone names as they appear in the node label topology.kubernetes.io/zone', relaxable: false });
  }
  if (ctx.zones.length < 3) {
    findings.push({ ruleId: 'zone-count', prop: 'zones', problem: `${ctx.zones.length} zone(s) cannot survive the loss of a zone`, fix: 'spread over at least 3 zones, or set profile: KafkaProfile.DEVELOPMENT for a non-HA cluster', relaxable: true });
  }
  return findings;
};
