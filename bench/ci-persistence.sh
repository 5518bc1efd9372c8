#!/usr/bin/env bash
# Simulates the GitHub Actions job of the README's "Regenerating from CI": the job restores
# `.dateline-cache/` and the output folder with actions/cache, builds, and saves both again; the
# next run happens on another runner, in another absolute path, on a fresh checkout where every
# seed file's mtime has changed. The restored cache must still hit, and the output must equal a
# clean build of the same seeds byte for byte.
#
#   bench/ci-persistence.sh [N]      N generated articles (default 200)
#
# Environment (all optional):
#   DATELINE="node lib/cli.js"   the command that runs dateline (the test runs src/cli.ts through tsx)
#   WORK=DIR                     where the runners live (default: a new temp folder, removed unless KEEP=1)
#   KEEP=1                       keep WORK: the test reads the outputs and the build logs from it
#   SEED=42                      corpus seed
#
# Layout under WORK (every build's stdout is kept in WORK/logs/<step>.out):
#   runner-a/work/site/site      run 1: checkout A, cold build, then "save" → WORK/actions-cache.tar
#   elsewhere/runner-b/_work/co  run 2: checkout B (seeds copied, then touched), "restore", build (step restored);
#                                run 3: one new seed file lands, build again (step new-seed)
#   clean, clean-new-seed        clean builds of the same seeds, with no cache, to compare with
#   restored-public              B's output after run 2 (run 3 replaces B/public)
# Exits 0 when both comparisons are byte-identical, 1 otherwise.
set -euo pipefail

N=${1:-200}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(cd "$HERE/.." && pwd)
DATELINE=${DATELINE:-node $PROJECT/lib/cli.js}
SEED=${SEED:-42}
if [[ -n ${WORK:-} ]]; then mkdir -p "$WORK"; else WORK=$(mktemp -d /tmp/dateline-ci-XXXXXX); fi
WORK=$(cd "$WORK" && pwd)
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/logs"

help=$($DATELINE --help)
json_flag="" no_cache_flag=""
grep -q -- '--json' <<<"$help" && json_flag=--json
grep -q -- '--no-cache' <<<"$help" && no_cache_flag=--no-cache

build() { # step-name checkout-dir [extra flags] — a build as the workflow runs it, from the checkout's root
  local step=$1 dir=$2
  shift 2
  (cd "$dir" && $DATELINE build --seeds seeds --out public $json_flag "$@") >"$WORK/logs/$step.out" 2>"$WORK/logs/$step.err" ||
    { echo "build $step failed:" >&2; tail -20 "$WORK/logs/$step.err" >&2; exit 1; }
  echo "$step: $(grep -E 'files: [0-9]+ written' "$WORK/logs/$step.out" || echo "see $WORK/logs/$step.out")"
}
same() { # label dir1 dir2 — byte for byte, every file, dot-files (the manifest) included
  if diff -r "$2" "$3" >"$WORK/logs/diff-$1.txt"; then
    echo "$1: identical to a clean build ($(find "$2" -type f | wc -l) files)"
  else
    echo "$1: DIFFERS from a clean build; $WORK/logs/diff-$1.txt:" >&2
    head -20 "$WORK/logs/diff-$1.txt" >&2
    return 1
  fi
}

node "$HERE/gen-corpus.mjs" --articles "$N" --out "$WORK/corpus" --seed "$SEED" >/dev/null
node "$HERE/gen-corpus.mjs" --articles 3 --out "$WORK/corpus-new" --seed $((SEED + 1)) >/dev/null
new_seed=$(find "$WORK/corpus-new/seeds" -name '*.txt' | sort | head -1)

# ---- run 1: checkout A, nothing restored (the first run of the workflow) ----
A=$WORK/runner-a/work/site/site
mkdir -p "$A"
cp -r "$WORK/corpus/seeds" "$A/seeds"
build cold "$A"
saved=()
for p in .dateline-cache public; do [[ -e $A/$p ]] && saved+=("$p"); done
tar -C "$A" -cf "$WORK/actions-cache.tar" "${saved[@]}"
echo "saved: ${saved[*]} ($(du -k "$WORK/actions-cache.tar" | cut -f1) KiB)"

# ---- run 2: another runner, another path, a fresh checkout (every mtime new), the cache restored ----
B=$WORK/elsewhere/runner-b/_work/co
mkdir -p "$B"
cp -r "$WORK/corpus/seeds" "$B/seeds"
find "$B/seeds" -type f -exec touch -d '2031-02-03 04:05:06 UTC' {} +
tar -C "$B" -xf "$WORK/actions-cache.tar"
build restored "$B"

status=0
C=$WORK/clean
mkdir -p "$C"
cp -r "$B/seeds" "$C/seeds"
build clean "$C" $no_cache_flag
same restored "$B/public" "$C/public" || status=1
cp -r "$B/public" "$WORK/restored-public" # run 3 replaces it; kept for whoever reads WORK

# ---- run 3: one new seed file lands in B ----
cp "$new_seed" "$B/seeds/zz-ci-new-seed.txt"
build new-seed "$B"
D=$WORK/clean-new-seed
mkdir -p "$D"
cp -r "$B/seeds" "$D/seeds"
build clean-new-seed "$D" $no_cache_flag
same new-seed "$B/public" "$D/public" || status=1
exit $status
