/** An HTTP probe set: readiness gates traffic, liveness restarts a hung JVM (generous, JVMs pause). */
export function httpProbes(path: string, port: number | string, startupSeconds: number): Record<string, any> {
  return {
    startupProbe: { httpGet: { path, port }, periodSeconds: 10, failureThreshold: Math.ceil(startupSeconds / 10), timeoutSeconds: 5 },
    readinessProbe: { httpGet: { path, port }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 },
    livenessProbe: { httpGet: { path, port }, periodSeconds: 20, failureThreshold: 6, timeoutSeconds: 10 },
  };
}
