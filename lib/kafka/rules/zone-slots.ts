import { MAX_ZONE_SLOTS } from '../model/zone-slots';
import { Finding, inputFinding, KafkaInputRule } from './rule';

const SCALING = 'README, "Scaling"';

/**
 * Zone slots name StatefulSets, volumes and node IDs (model/zone-slots.ts), so
 * they must be unique, in range, and never silently dropped: a zone that leaves
 * `zones` without being retired takes its brokers (and every replica on them)
 * down with its StatefulSets. A slot with no zone is how synth sees that: slots
 * are handed out from 0 without gaps, so a gap is a zone that disappeared.
 */
export const zoneSlotsRule: KafkaInputRule = ({ props, spec }) => {
  const findings: Finding[] = [];
  const listed = new Set(props.zones ?? []);
  const retired = props.retiredZones ?? [];
  const retiredSet = new Set(retired);
  const explicit = props.zoneSlots ?? {};

  for (const [zone, slot] of Object.entries(explicit)) {
    if (!Number.isInteger(slot) || slot < 0 || slot >= MAX_ZONE_SLOTS) {
      findings.push(inputFinding('zone-slots', `zoneSlots["${zone}"]`, `slot ${slot} is outside 0..${MAX_ZONE_SLOTS - 1} (broker node IDs are 1000 + slot * 100 + ordinal)`, `give each zone a distinct slot between 0 and ${MAX_ZONE_SLOTS - 1}`));
    }
    if (!listed.has(zone) && !retiredSet.has(zone)) {
      findings.push(inputFinding('zone-slots', `zoneSlots["${zone}"]`, `names zone ${zone}, which is in neither zones nor retiredZones: removing a zone from zones deletes its brokers with their replicas`,
        `if ${zone} still hosts brokers, add it to retiredZones so they are drained first (${SCALING}); if it never hosted any, drop the zoneSlots entry`));
    }
  }
  const bySlot = new Map<number, string[]>();
  for (const z of spec.zoneSlots) bySlot.set(z.slot, [...(bySlot.get(z.slot) ?? []), z.zone]);
  for (const [slot, zones] of bySlot) {
    if (zones.length > 1) findings.push(inputFinding('zone-slots', 'zoneSlots', `zones ${zones.join(' and ')} share slot ${slot}`, 'give each zone its own slot in zoneSlots'));
  }
  for (const zone of retired) {
    if (!listed.has(zone) && explicit[zone] === undefined) {
      findings.push(inputFinding('zone-slots', `retiredZones["${zone}"]`, `zone ${zone} has left zones, so its slot is unknown`, `add zoneSlots: { "${zone}": <the slot it had> } (its StatefulSet is <cluster>-broker-<slot>)`));
    }
  }
  const valid = spec.zoneSlots.filter(z => Number.isInteger(z.slot) && z.slot >= 0 && z.slot < MAX_ZONE_SLOTS);
  const highest = Math.max(-1, ...valid.map(z => z.slot));
  const gaps = Array.from({ length: highest + 1 }, (_v, s) => s).filter(s => !bySlot.has(s));
  if (gaps.length > 0) {
    findings.push(inputFinding('zone-slots', 'zones', `slot(s) ${gaps.join(', ')} have no zone: a zone removed from zones deletes its brokers with their replicas`,
      `keep the zone listed in retiredZones with zoneSlots: { "<zone>": <slot> } so its brokers are drained first (${SCALING}); for a new cluster, number the slots from 0 without gaps`));
  }
  if (spec.kraft) findings.push(...controllerZoneFindings(props.controllers?.zones, spec.controllerZones, listed, retiredSet));
  return findings;
};

function controllerZoneFindings(pinned: ReadonlyArray<string> | undefined, controllerZones: ReadonlyArray<{ zone: string; retired: boolean }>, listed: Set<string>, retired: Set<string>): Finding[] {
  const findings: Finding[] = [];
  if (pinned !== undefined) {
    if (pinned.length === 0) findings.push(inputFinding('zone-slots', 'controllers.zones', 'is empty', 'list the zones that host the controllers, e.g. the first three of zones'));
    const repeated = pinned.filter((z, i) => pinned.indexOf(z) !== i);
    if (repeated.length > 0) findings.push(inputFinding('zone-slots', 'controllers.zones', `zones repeat (${[...new Set(repeated)].join(', ')})`, 'list each zone once; a zone hosts ceil(replicas / zones) controllers at most'));
    const unknown = pinned.filter(z => !listed.has(z) && !retired.has(z));
    if (unknown.length > 0) findings.push(inputFinding('zone-slots', 'controllers.zones', `${unknown.join(', ')} not in zones`, 'list only zones of zones'));
  }
  const retiring = [...new Set(controllerZones.filter(z => z.retired).map(z => z.zone))];
  if (retiring.length > 0) {
    findings.push(inputFinding('zone-slots', 'retiredZones', `zone(s) ${retiring.join(', ')} host KRaft controllers, and controller.quorum.voters is static: retiring them would drop voters`,
      `keep ${retiring.join(', ')} in service; moving controllers out of a zone is a planned quorum migration (${SCALING})`));
  }
  return findings;
}
