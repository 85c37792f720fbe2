#!/usr/bin/env bash
# Synthesizes every example into one directory (default: .examples-out), so two
# versions of the library can be compared with `diff -r`:
#   git stash; scripts/synth-all-examples.sh /tmp/before; git stash pop
#   scripts/synth-all-examples.sh /tmp/after && diff -r /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-.examples-out}")"
rm -rf "$out"
mkdir -p "$out"
export CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=1
for example in kraft-yaml zookeeper-yaml ecosystem-yaml; do
  echo "==> $example"
  KAFKA_EXAMPLE_OUTDIR="$out/$example" npx ts-node --swc "examples/$example/main.ts" >/dev/null
done
for example in alicloud-ack aws-eks; do
  echo "==> $example"
  (cd "examples/$example" && CDKTF_OUTDIR="$out/$example" npx ts-node --swc main.ts >/dev/null)
done
echo "wrote $out"
