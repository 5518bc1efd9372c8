#!/usr/bin/env bash
# Side-by-side peer builds: Hugo and Eleventy on the same generated news corpus.
#
#   bench/run-peers.sh N          generate N articles into /tmp/bench-N (kept while gen-corpus.mjs and the seed are
#                                 unchanged), lay out both peer sites in /tmp/peer-sites-N, build each once, print
#                                 pages / files / output MB / wall s / peak MB, the two floors, and whether both
#                                 tools emitted the same set of pages.
#
# Environment (all optional):
#   RUNS=5        time each command RUNS times, interleaved (hugo eleventy floor-cp floor-cat, repeated), with
#                 GNU time, and print min / median / max instead of the single build
#   TOOLS="hugo"  which builds to run (default "hugo eleventy"); e.g. TOOLS=hugo for N=100000; "hugo-pagefind" is Hugo
#                 followed by the Pagefind CLI over its output: what a Hugo user runs to get static search
#   OUT_ROOT=DIR  where the outputs and the *.cmd files go (default /tmp/peer-sites-N); e.g. /dev/shm/peers-N to
#                 take the disk's file-creation cost out (tmpfs): the floor-cp figure shows what that cost is
#   SEED=42       corpus seed;  ELEVENTY_DIR=/tmp/peers/eleventy  npm prefix holding @11ty/eleventy@3
#   CORPUS=DIR    where the corpus goes (default /tmp/bench-N)
#   PAGEFIND_DIR  npm prefix holding pagefind (default: this project, whose node_modules pins pagefind 1.5.2;
#                 /tmp/peers/pagefind, installed on first use, when the project's is missing)
#   RUNS=0        set up only: corpus, sites and the *.cmd files, nothing timed (what `npm run bench` uses)
#
# Each timed command is one line in $OUT_ROOT/<name>.cmd, written as `sh -c '...'` so that any external
# timer that splits a string into words can run it (every build starts by removing its previous output):
#   hugo.cmd      rm -rf + hugo build            eleventy.cmd  rm -rf + eleventy build
#   floor-cp.cmd  rm -rf + cp -r of Hugo's output: the cost of merely replacing that many files and bytes
#   floor-cat.cmd cat of every seed file to /dev/null: the cost of merely reading the corpus (page cache warm)
set -euo pipefail

N=${1:?usage: run-peers.sh N   (env: RUNS TOOLS OUT_ROOT SEED ELEVENTY_DIR)}
HERE=$(cd "$(dirname "$0")" && pwd)
SEED=${SEED:-42}
RUNS=${RUNS:-1}
TOOLS=${TOOLS:-hugo eleventy}
ELEVENTY_DIR=${ELEVENTY_DIR:-/tmp/peers/eleventy}
ELEVENTY_CLI=$ELEVENTY_DIR/node_modules/@11ty/eleventy/cmd.cjs
PROJECT=$(cd "$HERE/.." && pwd)
if [[ -z ${PAGEFIND_DIR:-} && -x $PROJECT/node_modules/.bin/pagefind ]]; then PAGEFIND_DIR=$PROJECT; fi
PAGEFIND_DIR=${PAGEFIND_DIR:-/tmp/peers/pagefind}
PAGEFIND_CLI=$PAGEFIND_DIR/node_modules/.bin/pagefind
CORPUS=${CORPUS:-/tmp/bench-$N}
SITES=/tmp/peer-sites-$N
OUT_ROOT=${OUT_ROOT:-$SITES}

# ---- peers (installed once) ----
if [[ $TOOLS == *hugo* ]] && ! command -v hugo >/dev/null; then
  echo "installing Debian's hugo" >&2
  apt-get update -qq && apt-get install -y -qq hugo >/dev/null
fi
if [[ $TOOLS == *pagefind* && ! -x $PAGEFIND_CLI ]]; then
  echo "installing pagefind@1.5.2 into $PAGEFIND_DIR" >&2
  mkdir -p "$PAGEFIND_DIR"
  npm install --prefix "$PAGEFIND_DIR" --no-audit --no-fund --silent pagefind@1.5.2
fi
if [[ $TOOLS == *eleventy* && ! -f $ELEVENTY_CLI ]]; then
  echo "installing @11ty/eleventy@3 into $ELEVENTY_DIR" >&2
  mkdir -p "$ELEVENTY_DIR"
  npm install --prefix "$ELEVENTY_DIR" --no-audit --no-fund --silent @11ty/eleventy@3
fi
echo "hugo $(command -v hugo >/dev/null && hugo version | cut -d' ' -f2 | cut -d+ -f1); eleventy $([[ -f $ELEVENTY_CLI ]] && node "$ELEVENTY_CLI" --version); $([[ -x $PAGEFIND_CLI ]] && $PAGEFIND_CLI --version) on node $(node --version); $(nproc) cores"

# ---- corpus (skipped when present and made by this generator with this seed) ----
stamp="$N $SEED $(sha1sum "$HERE/gen-corpus.mjs" | cut -c1-12)"
if [[ "$(cat "$CORPUS/.stamp" 2>/dev/null)" != "$stamp" ]]; then
  node "$HERE/gen-corpus.mjs" --articles "$N" --out "$CORPUS" --seed "$SEED"
  echo "$stamp" >"$CORPUS/.stamp"
fi
echo "corpus: $(find "$CORPUS/seeds" -name '*.txt' | wc -l) seed files ($(du -sm "$CORPUS/seeds" | cut -f1) MB), $N articles, in $CORPUS"

# ---- sites (set-up, not timed): the skeletons plus a copy of the Markdown ----
H=$SITES/hugo E=$SITES/eleventy
HO=$OUT_ROOT/hugo-out EO=$OUT_ROOT/eleventy-out FO=$OUT_ROOT/floor-out PO=$OUT_ROOT/hugo-pagefind-out
mkdir -p "$SITES" "$OUT_ROOT"
rm -rf "$H" "$E" "$HO" "$EO" "$FO" "$PO"
cp -r "$HERE/peers/hugo" "$H"
mkdir -p "$H/content"
cp -r "$CORPUS/md" "$H/content/articles"
cp -r "$HERE/peers/eleventy" "$E"
cp -r "$CORPUS/md/." "$E/articles/"
echo "sh -c 'rm -rf $HO && exec hugo --quiet --source $H --destination $HO --cacheDir $SITES/hugo-cache'" >"$OUT_ROOT/hugo.cmd"
echo "sh -c 'rm -rf $EO && cd $E && exec node $ELEVENTY_CLI --quiet --output=$EO'" >"$OUT_ROOT/eleventy.cmd"
echo "sh -c 'rm -rf $PO && hugo --quiet --source $H --destination $PO --cacheDir $SITES/hugo-cache && exec $PAGEFIND_CLI --site $PO --silent'" >"$OUT_ROOT/hugo-pagefind.cmd"
echo "sh -c 'rm -rf $FO && exec cp -r $HO $FO'" >"$OUT_ROOT/floor-cp.cmd"
echo "sh -c 'find $CORPUS/seeds -name \"*.txt\" -exec cat {} + >/dev/null'" >"$OUT_ROOT/floor-cat.cmd"
if [[ $RUNS == 0 ]]; then echo "set up only (RUNS=0): commands in $OUT_ROOT/*.cmd"; exit 0; fi

# ---- timing with GNU time: wall seconds and peak RSS of the largest process ----
run() { # name -> appends "wall_s peak_kB" to $OUT_ROOT/name.times
  local cmd
  cmd=$(cat "$OUT_ROOT/$1.cmd")
  eval "/usr/bin/time -a -o '$OUT_ROOT/$1.times' -f '%e %M' $cmd" >"$OUT_ROOT/$1.log" 2>&1 ||
    { echo "$1 failed; the end of $OUT_ROOT/$1.log:" >&2; tail -20 "$OUT_ROOT/$1.log" >&2; exit 1; }
}
stats() { # name -> "median wall (min, max, n)  median peak"
  local w p med min max n
  w=$(cut -d' ' -f1 "$OUT_ROOT/$1.times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1], a[NR], NR}')
  p=$(cut -d' ' -f2 "$OUT_ROOT/$1.times" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  read -r med min max n <<<"$w"
  printf '%7.2f s wall (min %.2f, max %.2f, n=%d) %6s MiB peak' "$med" "$min" "$max" "$n" "$p"
}
names=""
for t in $TOOLS; do names+=" $t"; done
[[ $TOOLS == *hugo* ]] && names+=" floor-cp"
names+=" floor-cat"
for n in $names; do rm -f "$OUT_ROOT/$n.times"; done
for ((r = 0; r < RUNS; r++)); do for n in $names; do run "$n"; done; done

# ---- report ----
summary() { # tool outdir
  local pages files bytes
  pages=$(find "$2" -name '*.html' | wc -l)
  files=$(find "$2" -type f | wc -l)
  bytes=$(find "$2" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  printf '%-9s %7d pages %7d files %8.1f MB out  %s\n' "$1" "$pages" "$files" "$(awk -v b="$bytes" 'BEGIN {print b/1e6}')" "$(stats "$1")"
}
for t in $TOOLS; do summary "$t" "$OUT_ROOT/$t-out"; done
[[ $TOOLS == *hugo* ]] && printf '%-9s %s   (rm -rf + cp -r of Hugo'"'"'s output)\n' floor-cp "$(stats floor-cp)"
printf '%-9s %s   (cat of all seed files)\n' floor-cat "$(stats floor-cat)"

if [[ $TOOLS == *hugo* && $TOOLS == *eleventy* ]]; then
  (cd "$HO" && find . -name '*.html' | sort) >"$OUT_ROOT/pages-hugo.txt"
  (cd "$EO" && find . -name '*.html' | sort) >"$OUT_ROOT/pages-eleventy.txt"
  if cmp -s "$OUT_ROOT/pages-hugo.txt" "$OUT_ROOT/pages-eleventy.txt"; then
    echo "same page set: $(wc -l <"$OUT_ROOT/pages-hugo.txt") paths"
  else
    echo "page sets DIFFER (< hugo only, > eleventy only):"
    diff "$OUT_ROOT/pages-hugo.txt" "$OUT_ROOT/pages-eleventy.txt" | grep '^[<>]' | head -20
  fi
fi
echo "commands: $OUT_ROOT/{$(echo $names | tr ' ' ,)}.cmd"
