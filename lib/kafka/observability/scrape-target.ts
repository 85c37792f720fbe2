import type { IngressPeer } from '../k8s/network-policy';

/**
 * What Prometheus needs to scrape one component: its pods (by label, in a
 * namespace) and the container port serving Prometheus metrics. Ecosystem
 * components expose one; `PrometheusServer` turns each into a scrape job
 * that uses Kubernetes pod discovery.
 */
export interface ScrapeTarget {
  /** Prometheus `job` label; alert rules select on it. */
  readonly jobName: string;
  readonly namespace: string;
  /** Pod labels that identify the component's pods. */
  readonly podSelector: Record<string, string>;
  /** Container port number serving metrics. */
  readonly port: number;
  /** @default /metrics */
  readonly path?: string;
  /**
   * Scrape the pods through a probing exporter (the blackbox exporter): each
   * discovered pod address becomes the `target` parameter of a request to
   * `exporterAddress` with `module`. @default - the pods are scraped directly
   */
  readonly probe?: { readonly exporterAddress: string; readonly module: string };
  /**
   * Opens the metrics port to the Prometheus that scrapes this target (the
   * component's NetworkPolicy admits nobody else to it). `PrometheusServer`
   * calls it with its own pods. @default - the port is not guarded by this library
   */
  readonly allowScraper?: (scraper: IngressPeer) => void;
}
