/**
 * The external host and port each broker pod advertises, worked out from the synthesized broker
 * StatefulSets the way kafka-start.sh does: `broker-<offset + ordinal * stride>.<domain>`, unless
 * `KP_EXTERNAL_ADVERTISED_HOST` / `_PORT` override it. Tests of each cloud's DNS records check
 * their records against this, so a record that drifts from what brokers really advertise fails.
 */
export interface AdvertisedBroker {
  readonly statefulSet: string;
  readonly ordinal: number;
  /** `<statefulSet>-<ordinal>`: the pod a per-broker LoadBalancer Service must select. */
  readonly podName: string;
  readonly host: string;
  readonly port: number;
  /** The container env of the StatefulSet (literal values only). */
  readonly env: Record<string, string>;
}

export function containerEnv(statefulSet: any): Record<string, string> {
  return Object.fromEntries(statefulSet.spec.template.spec.containers.flatMap((c: any) => c.env ?? []).map((e: any) => [e.name, e.value]));
}

/** Broker StatefulSets with an external listener, in synthesis order. */
export function externalBrokerStatefulSets(objects: any[]): any[] {
  return objects.filter((o) => o.kind === 'StatefulSet' && containerEnv(o).KP_EXTERNAL_DOMAIN);
}

export function advertisedBrokers(objects: any[]): AdvertisedBroker[] {
  return externalBrokerStatefulSets(objects).flatMap((sts) => {
    const env = containerEnv(sts);
    return Array.from({ length: sts.spec.replicas }, (_, ordinal) => ({
      statefulSet: sts.metadata.name,
      ordinal,
      podName: `${sts.metadata.name}-${ordinal}`,
      host: env.KP_EXTERNAL_ADVERTISED_HOST ?? `broker-${Number(env.KP_NODE_ID_OFFSET) + ordinal * Number(env.KP_NODE_ID_STRIDE)}.${env.KP_EXTERNAL_DOMAIN}`,
      port: Number(env.KP_EXTERNAL_ADVERTISED_PORT ?? env.KP_EXTERNAL_PORT),
      env,
    }));
  });
}
