/**
 * Idempotent connector submission through the Kafka Connect REST API.
 *
 * `SUBMIT_CONNECTORS_SCRIPT` is a POSIX shell script (curl only). It is what
 * the in-cluster Job runs, and it runs the same way against any Connect
 * worker, e.g. a local one:
 *
 *   CONNECT_URL=http://127.0.0.1:8083 CONNECTORS_DIR=./connectors sh submit-connectors.sh
 *
 * Inputs (environment):
 * - CONNECT_URL (required): base URL of the Connect REST API.
 * - CONNECTORS_DIR (required): directory with one `<connector-name>.json` per
 *   connector; each file is the body of `PUT /connectors/<name>/config`
 *   (a flat JSON object of string config values).
 * - WAIT_SECONDS (default 600): how long to wait for the REST API to answer.
 * - RETRY_SLEEP_SECONDS (default 5): pause between retries.
 * - MAX_ATTEMPTS (default 30): attempts per connector while the worker group
 *   rebalances (HTTP 409) or is briefly unavailable (HTTP 5xx, no answer).
 *
 * `PUT /connectors/<name>/config` creates the connector or replaces its
 * config, so running the script twice changes nothing the second time.
 * It exits non-zero on the first connector Connect rejects (HTTP 4xx other
 * than 409), printing Connect's error message.
 */
export const SUBMIT_CONNECTORS_SCRIPT = `#!/bin/sh
# Applies Kafka Connect connector configs idempotently (PUT /connectors/<name>/config).
# Inputs: CONNECT_URL, CONNECTORS_DIR (required); WAIT_SECONDS, RETRY_SLEEP_SECONDS, MAX_ATTEMPTS (optional).
set -eu

: "\${CONNECT_URL:?set CONNECT_URL to the Connect REST API, e.g. http://127.0.0.1:8083}"
: "\${CONNECTORS_DIR:?set CONNECTORS_DIR to a directory of <connector-name>.json files}"
wait_seconds="\${WAIT_SECONDS:-600}"
sleep_seconds="\${RETRY_SLEEP_SECONDS:-5}"
max_attempts="\${MAX_ATTEMPTS:-30}"
base_url="\${CONNECT_URL%/}"
response="$(mktemp)"
trap 'rm -f "$response"' EXIT

waited=0
until curl -fsS -o /dev/null "$base_url/connector-plugins"; do
  if [ "$waited" -ge "$wait_seconds" ]; then
    echo "Kafka Connect REST API at $base_url did not answer within \${wait_seconds}s" >&2
    exit 1
  fi
  sleep "$sleep_seconds"
  waited=$((waited + sleep_seconds + 1))
done

applied=0
for file in "$CONNECTORS_DIR"/*.json; do
  [ -e "$file" ] || continue
  name="$(basename "$file" .json)"
  attempt=1
  while :; do
    code="$(curl -sS -o "$response" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' --data-binary "@$file" "$base_url/connectors/$name/config" || echo 000)"
    case "$code" in
      200|201)
        echo "connector $name: applied (HTTP $code)"
        break
        ;;
      409|5*|000)
        if [ "$attempt" -ge "$max_attempts" ]; then
          echo "connector $name: giving up after $attempt attempts (HTTP $code): $(cat "$response")" >&2
          exit 1
        fi
        attempt=$((attempt + 1))
        sleep "$sleep_seconds"
        ;;
      *)
        echo "connector $name: rejected (HTTP $code): $(cat "$response")" >&2
        exit 1
        ;;
    esac
  done
  applied=$((applied + 1))
done
echo "applied $applied connector config(s) to $base_url"
`;

/** Body of `PUT /connectors/<name>/config`, with keys sorted so the output is stable. */
export function renderConnectorConfigJson(config: Record<string, string>): string {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(config).sort()) sorted[key] = config[key];
  return JSON.stringify(sorted, undefined, 2) + '\n';
}
