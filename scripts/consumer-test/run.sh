#!/usr/bin/env bash
# Consumer test (`npm run test:consumer`, run by .ci/run): what a user of the published package does.
#  1. Build the release tarball the project's own way (projen compile + package) and lint it (publint).
#  2. Lay out a fresh cdktf TypeScript project as `cdktf init --template=typescript` does (project/),
#     with the README quick start as main.ts, and install the tarball next to the newest cdktf 0.21.x,
#     constructs 10.x and the other peers within our declared ranges, from the registry.
#  3. Type-check it, synthesize the README program (AWS), an Alibaba Cloud program and a plain CommonJS
#     program (both clouds), each adding a topic after construction, and check stacks and GitOps YAML.
# CONSUMER_TEST_DIR=<dir> keeps the project there for inspection (default: a temporary directory, removed).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/scripts/consumer-test"
export CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=1 CI=true
if [ -n "${CONSUMER_TEST_DIR:-}" ]; then
  work="$CONSUMER_TEST_DIR"; rm -rf "$work"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi
step() { printf '\n--> %s\n' "$*"; }

step "Release tarball (projen compile + package)"
cd "$root"
rm -rf dist/js
npx projen compile
npx projen package
tarballs=(dist/js/*.tgz)
[ ${#tarballs[@]} -eq 1 ] || { echo "expected one tarball in dist/js, found: ${tarballs[*]}" >&2; exit 1; }
tarball="$root/${tarballs[0]}"
npx publint run --strict --pack false "$tarball"
# Nothing but the compiled library, its CLI scripts (bin/) and the manifest, README and LICENSE may ship.
unexpected=$(tar tzf "$tarball" | grep -vE '^package/(dist/.+\.(js|d\.ts|sh)|bin/[^/]+|package\.json|README\.md|LICENSE)$' || true)
[ -z "$unexpected" ] || { printf 'unexpected files in the tarball:\n%s\n' "$unexpected" >&2; exit 1; }
for peer in constructs cdktf cdk8s; do
  if tar xzf "$tarball" -O package/package.json | node -e "const p=JSON.parse(require('fs').readFileSync(0,'utf8')); process.exit(p.dependencies && p.dependencies['$peer'] ? 0 : 1)"; then
    echo "$peer is an ordinary dependency of the package: users would get a second copy" >&2; exit 1
  fi
done

step "Fresh cdktf TypeScript project in $work/app"
mkdir -p "$work/app"
cp -R "$here/project/." "$work/app/"
mv "$work/app/gitignore.template" "$work/app/.gitignore"
# main.ts is the README's quick start, exactly as printed there.
awk '/<!-- consumer-quick-start:main.ts -->/{found=1; next} found && /^```ts$/{inside=1; next} inside && /^```$/{exit} inside{print}' "$root/README.md" > "$work/app/main.ts"
[ -s "$work/app/main.ts" ] || { echo "README.md has no quick start main.ts (marker <!-- consumer-quick-start:main.ts -->)" >&2; exit 1; }
# The README's install command, with the peer ranges this package declares (newest matches from the registry).
peers=$(node -e "const p=require('$root/package.json'); console.log(Object.entries(p.peerDependencies).map(([n,r])=>n+'@'+r).join(' '))")
cd "$work/app"
# shellcheck disable=SC2086 # $peers is a list of package specs
npm install --no-audit --no-fund "$tarball" cdktf@~0.21.0 constructs@^10 $peers
# TypeScript 5.9: the registry's default 7.x breaks ts-node (see README).
npm install --no-audit --no-fund --save-dev typescript@5.9.3 ts-node@10.9.2 @types/node@^20
node -e "for (const n of ['cdktf','constructs','cdk8s','@cdktf/provider-aws','@cdktf/provider-kubernetes','@cdktf/provider-helm','cdktf-kafka-platform']) console.log('  ' + n + ' ' + require(n + '/package.json').version)"
# npm's own check of the installed tree: fails on a missing or out-of-range peer dependency.
npm ls --all >/dev/null
# One copy of each construct package: a nested one under our package is the bug this test exists for.
nested=$(find node_modules/cdktf-kafka-platform -path '*/node_modules/*' -name package.json -maxdepth 4 2>/dev/null | grep -E '/node_modules/(constructs|cdktf|cdk8s|@cdktf/[^/]+)/package.json$' || true)
[ -z "$nested" ] || { printf 'nested copies under cdktf-kafka-platform:\n%s\n' "$nested" >&2; exit 1; }

cdktf="$root/node_modules/.bin/cdktf"
synth() { # <log name> <cdktf synth args...>
  local log="$work/$1.log"; shift
  if ! "$cdktf" synth "$@" >"$log" 2>&1; then cat "$log"; echo "cdktf synth $* failed" >&2; return 1; fi
  # No stack traces or uncaught errors from our code in a successful synth.
  if grep -nE '^\s+at .+\(.*:[0-9]+:[0-9]+\)$|(TypeError|ReferenceError|KafkaPlatformValidationError)' "$log"; then
    echo "cdktf synth $* printed errors (above)" >&2; return 1
  fi
}

status=0
step "TypeScript: tsc --noEmit"
npx tsc --noEmit
step "TypeScript: cdktf synth of the README quick start (AWS)"
synth ts-aws --output cdktf.out
node "$here/check-synth.js" cdktf.out kafka orders || status=1
step "The package's CLI: npx kafka-platform --help, and verify reading the synthesized GitOps directory (no JVM: unknown scenario)"
npx kafka-platform --help | grep -q '^Usage: kafka-platform verify' || { echo "npx kafka-platform --help did not print the usage" >&2; status=1; }
verify_out=$(npx kafka-platform verify --scenarios no-such-scenario 2>&1) && { echo "kafka-platform verify accepted an unknown scenario" >&2; status=1; }
grep -q 'unknown scenario no-such-scenario' <<<"$verify_out" || { echo "kafka-platform verify did not find and read cdktf.out/gitops: $verify_out" >&2; status=1; }
step "TypeScript: cdktf synth of the Alibaba Cloud program"
synth ts-alicloud --app 'npx ts-node alicloud.ts' --output cdktf.out.alicloud
node "$here/check-synth.js" cdktf.out.alicloud kafka payments || status=1
step "JavaScript (CommonJS): cdktf synth, AWS and Alibaba Cloud in one app"
cd js
synth js --output cdktf.out
node "$here/check-synth.js" cdktf.out aws orders || status=1
node "$here/check-synth.js" cdktf.out ali payments || status=1

if [ "$status" -ne 0 ]; then echo "consumer test FAILED" >&2; exit 1; fi
echo "consumer test passed"
