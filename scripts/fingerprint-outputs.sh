#!/usr/bin/env bash
# The fingerprint of livesim's results: every preset run once, a batch, a sweep, a compare and a
# check, each file's SHA-256 (the manifests, which record wall-clock times, and the reports, which
# record when they were made, left out). A refactoring that must not change behaviour leaves this
# output byte for byte the same:
#   bash scripts/fingerprint-outputs.sh > before.txt   (on the old code)
#   bash scripts/fingerprint-outputs.sh > after.txt && diff before.txt after.txt
# About two minutes on 2 cores. Uses dist/: build first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
livesim() { node "$root/dist/cli/main.js" "$@"; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
for preset in $(livesim list --json | node -e 'for (const p of JSON.parse(require("fs").readFileSync(0, "utf8"))) console.log(p.name)'); do
  livesim run "$preset" -q --no-ui --out "run-$preset" > /dev/null
done
livesim run demo-county -q --no-ui --replicates 4 --out batch > /dev/null
livesim sweep demo-county -q --no-ui --vary anchors.li-orchard.skill=0.8,1.2 --replicates 2 --out sweep > /dev/null
livesim compare demo-county demo-county -q --no-ui --set-b anchors.guest-star.commission.welfareRate=0 --replicates 3 --out compare > /dev/null
livesim check fu-fanping --replicates 3 --quiet --out check > /dev/null || true
find . -type f ! -name manifest.json ! -name report.html | LC_ALL=C sort | xargs sha256sum
