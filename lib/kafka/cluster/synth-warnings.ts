import { IConstruct } from 'constructs';

/** Metadata type of the warnings a cluster records (DEVELOPMENT relaxations, accepted risks). */
export const KAFKA_WARNING_METADATA = 'kafka-platform:warning';

/** One recorded warning and the construct it concerns. */
export interface SynthWarning {
  readonly constructPath: string;
  readonly message: string;
}

/**
 * Records a warning as construct metadata, where tools read it: `KafkaPlatform`
 * turns these into cdktf annotations (shown by `cdktf synth`), and a cdk8s app
 * prints them when it synthesizes (`cdk8s synth`). Nothing is printed at
 * construction, so a library user's tests stay quiet.
 */
export function addSynthWarning(scope: IConstruct, message: string): void {
  if (!scope.node.metadata.some(m => m.type === KAFKA_WARNING_METADATA)) {
    // cdk8s has no annotation channel of its own, but it validates every construct when it synthesizes: print there, once.
    scope.node.addValidation({
      validate: () => {
        if (!shown.has(scope)) {
          shown.add(scope);
          // eslint-disable-next-line no-console -- the one place cdk8s synth can show a warning
          for (const w of synthWarningsOf(scope)) console.warn(`[WARNING] ${w.constructPath}: ${w.message}`);
        }
        return [];
      },
    });
  }
  scope.node.addMetadata(KAFKA_WARNING_METADATA, message, { stackTrace: false });
}

/** Constructs whose warnings were printed, or handed to a tool that shows them itself. */
const shown = new WeakSet<IConstruct>();

/**
 * Takes the warnings below `root` for a tool that shows them itself (cdktf
 * annotations): cdk8s synth then no longer prints them, so each is shown once.
 */
export function takeSynthWarnings(root: IConstruct): SynthWarning[] {
  for (const c of root.node.findAll()) shown.add(c);
  return synthWarnings(root);
}

/** Warnings recorded on `root` and every construct below it, in tree order. */
export function synthWarnings(root: IConstruct): SynthWarning[] {
  return root.node.findAll().flatMap(c => synthWarningsOf(c));
}

function synthWarningsOf(scope: IConstruct): SynthWarning[] {
  return scope.node.metadata.filter(m => m.type === KAFKA_WARNING_METADATA).map(m => ({ constructPath: scope.node.path, message: String(m.data) }));
}
