import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/**
 * An ApiObject whose content is computed when the chart is synthesized, not
 * when it is constructed: users and topics can be added to a cluster after it
 * exists (ecosystem components call `addUser`/`addTopic`), and the Jobs that
 * apply them must see every one of them.
 */
export class SynthTimeApiObject extends ApiObject {
  constructor(scope: Construct, id: string, apiVersion: string, kind: string, private readonly build: () => { name: string; body: Record<string, any> }) {
    super(scope, id, { apiVersion, kind });
  }

  public toJson(): any {
    const base = super.toJson();
    const { name, body } = this.build();
    const rendered = JSON.parse(JSON.stringify(body));
    return { apiVersion: base.apiVersion, kind: base.kind, metadata: { ...base.metadata, ...(rendered.metadata ?? {}), name }, ...withoutMetadata(rendered) };
  }
}

function withoutMetadata(body: Record<string, any>): Record<string, any> {
  const { metadata: _ignored, ...rest } = body;
  return rest;
}
