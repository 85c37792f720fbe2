import { Aspects, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

/**
 * A stack that runs `render` once, before it is synthesized: at `app.synth()`
 * (before cross-stack references are resolved, so what `render` adds can use
 * them) and at `Testing.synth(stack)` (through an aspect). Content that
 * depends on everything the program declared is built there, not in a
 * constructor.
 */
export class RenderBeforeSynthStack extends TerraformStack {
  constructor(scope: Construct, id: string, private readonly render: () => void) {
    super(scope, id);
    Aspects.of(this).add({ visit: (node: IConstruct) => { if (node === this) render(); } });
  }

  public prepareStack(): void {
    this.render();
    super.prepareStack();
  }
}
