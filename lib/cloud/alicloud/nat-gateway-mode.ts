/** How the platform's private nodes and pods reach the internet (image pulls, cloud APIs). */
export enum NatGatewayMode {
  /**
   * One enhanced NAT gateway with its own EIP in every zone, and a custom route table per zone
   * sending that zone's node and pod vSwitches to it. Losing a zone loses only that zone's egress.
   */
  PER_ZONE = 'per-zone',
  /**
   * DANGEROUS cost saving: one NAT gateway (in `natZoneId`) for all zones. Blast radius: if that
   * zone fails, every surviving zone loses internet egress at the same time, so replacement nodes
   * cannot pull images and controllers cannot reach cloud APIs exactly when the cluster is
   * rebuilding capacity. Kafka traffic itself stays inside the VPC and keeps flowing.
   */
  DANGEROUSLY_ONE_SHARED = 'dangerously-one-shared',
  /** No NAT gateway and no route tables: egress is provided otherwise (CEN, a transit VPC, a firewall). */
  NONE = 'none',
}
