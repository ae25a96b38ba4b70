#!/usr/bin/env bash
# Real-world throughput/memory benchmark of the shipshape release binary.
#
# Usage: benches/scripts/realworld.sh [CACHE_DIR]
#
#   CACHE_DIR defaults to ${SHIPSHAPE_BENCH_CACHE:-$HOME/.cache/shipshape-bench}
#   and must already hold CACHE_DIR/src/<name>-<version>/ trees
#   (run benches/scripts/fetch-sources.sh first).
#
# For every source tree, and for all of them together ("all" = CACHE_DIR/src),
# and for every thread count, runs under /usr/bin/time -f '%e %M':
#   shipshape scan DIR              --format json --output OUT --quiet --threads N
#   shipshape scan DIR --parse-only --format json --output OUT --quiet --threads N
# RUNS times each, and prints a Markdown table (median wall time, max peak RSS).
# files/lines/MB come from the JSON report's summary.{files_analyzed,lines,bytes}.
#
# Environment:
#   THREADS="1 2"     thread counts to measure
#   RUNS=3            repetitions per (corpus, mode, threads); median wall is reported
#   CORPORA=""        space-separated subset of corpus names (e.g. "flask-3.1.3 all");
#                     empty = every tree under CACHE_DIR/src plus "all"
#   MODES="scan parse-only"  modes to measure
#   SHIPSHAPE_BIN=""  binary to run; default <repo>/target/release/shipshape
#                     (or $CARGO_TARGET_DIR/release/shipshape), built with
#                     `cargo build --release` if missing
#   OK_EXIT_CODES="0 1"  exit codes of shipshape accepted as a successful run
#                     (1 = "findings reported"); anything else aborts
#   OUT_DIR=""        where JSON reports and raw timings go (default: a temp dir,
#                     removed at the end unless KEEP_OUT=1)
#   REPORT=""         also write the Markdown table to this file
#
# The table goes to stdout; progress goes to stderr.

set -euo pipefail

usage() {
  sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  -*) echo "error: unknown option '$1'" >&2; usage >&2; exit 2 ;;
esac
if [ "$#" -gt 1 ]; then
  echo "error: too many arguments" >&2
  usage >&2
  exit 2
fi

log() { printf '[realworld] %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
CACHE_DIR="${1:-${SHIPSHAPE_BENCH_CACHE:-$HOME/.cache/shipshape-bench}}"
SRC_DIR="$CACHE_DIR/src"

THREADS="${THREADS:-1 2}"
RUNS="${RUNS:-3}"
CORPORA="${CORPORA:-}"
MODES="${MODES:-scan parse-only}"
OK_EXIT_CODES="${OK_EXIT_CODES:-0 1}"

is_posint() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }
is_posint "$RUNS" || die "RUNS must be a positive integer (got '$RUNS')"
[ -n "${THREADS// /}" ] || die "THREADS is empty"
for t in $THREADS; do
  is_posint "$t" || die "THREADS must be positive integers (got '$t')"
done
for m in $MODES; do
  case "$m" in
    scan|parse-only) ;;
    *) die "MODES may contain only 'scan' and 'parse-only' (got '$m')" ;;
  esac
done
command -v python3 >/dev/null 2>&1 || die "python3 is required"

# --- corpora ---------------------------------------------------------------
[ -d "$SRC_DIR" ] || die "no sources in $SRC_DIR; run benches/scripts/fetch-sources.sh${1:+ $1} first"
SRC_DIR="$(cd "$SRC_DIR" && pwd -P)"
all_names=()
for d in "$SRC_DIR"/*/; do
  [ -d "$d" ] || continue
  d="${d%/}"
  case "$(basename "$d")" in *.partial) continue ;; esac
  all_names+=("$(basename "$d")")
done
[ "${#all_names[@]}" -gt 0 ] || die "$SRC_DIR holds no source trees; run benches/scripts/fetch-sources.sh first"

corpus_names=()
corpus_dirs=()
if [ -z "${CORPORA// /}" ]; then
  for n in "${all_names[@]}"; do corpus_names+=("$n"); corpus_dirs+=("$SRC_DIR/$n"); done
  corpus_names+=("all"); corpus_dirs+=("$SRC_DIR")
else
  for n in $CORPORA; do
    if [ "$n" = "all" ]; then
      corpus_names+=("all"); corpus_dirs+=("$SRC_DIR")
    elif [ -d "$SRC_DIR/$n" ]; then
      corpus_names+=("$n"); corpus_dirs+=("$SRC_DIR/$n")
    else
      die "unknown corpus '$n' (have: ${all_names[*]} all)"
    fi
  done
fi

# --- /usr/bin/time ---------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  log "/usr/bin/time missing; installing Debian package 'time'"
  if [ "$(id -u)" -ne 0 ]; then
    die "/usr/bin/time is missing; install it with: apt-get install -y time"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y time >/dev/null 2>&1 || {
    apt-get update >/dev/null && apt-get install -y time >/dev/null
  }
  [ -x /usr/bin/time ] || die "could not install /usr/bin/time"
fi

# --- binary ----------------------------------------------------------------
if [ -n "${SHIPSHAPE_BIN:-}" ]; then
  BIN="$SHIPSHAPE_BIN"
  [ -x "$BIN" ] || die "SHIPSHAPE_BIN=$BIN is not an executable file"
else
  BIN="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/release/shipshape"
  case "$BIN" in /*) ;; *) BIN="$REPO_ROOT/$BIN" ;; esac
  if [ ! -x "$BIN" ]; then
    log "$BIN missing; running cargo build --release"
    (cd "$REPO_ROOT" && cargo build --release) >&2 || die "cargo build --release failed"
    [ -x "$BIN" ] || die "cargo build --release did not produce $BIN"
  fi
fi

# --- output dir ------------------------------------------------------------
USER_OUT_DIR="${OUT_DIR:+1}"
if [ -n "${OUT_DIR:-}" ]; then
  mkdir -p "$OUT_DIR"
  OUT_DIR="$(cd "$OUT_DIR" && pwd -P)"
else
  OUT_DIR="$(mktemp -d "${TMPDIR:-/tmp}/shipshape-realworld.XXXXXX")"
  if [ "${KEEP_OUT:-0}" != "1" ]; then
    trap 'rm -rf "$OUT_DIR"' EXIT
  fi
fi
RAW="$OUT_DIR/raw.tsv"
printf 'corpus\tmode\tthreads\trun\twall_s\trss_kib\tjson\n' > "$RAW"

log "binary:  $BIN"
log "sources: $SRC_DIR (${#corpus_names[@]} corpora), threads: $THREADS, runs: $RUNS"

# run_one CORPUS DIR MODE THREADS RUN
run_one() {
  local name="$1" dir="$2" mode="$3" threads="$4" run="$5"
  local tag="$name.$mode.t$threads.r$run"
  local json="$OUT_DIR/$tag.json" tfile="$OUT_DIR/$tag.time" errf="$OUT_DIR/$tag.stderr"
  local -a args=(scan "$dir")
  [ "$mode" = "parse-only" ] && args+=(--parse-only)
  args+=(--format json --output "$json" --quiet --threads "$threads")
  rm -f "$json" "$tfile"

  local rc=0
  /usr/bin/time -f '%e %M' -o "$tfile" "$BIN" "${args[@]}" >/dev/null 2>"$errf" || rc=$?

  local ok=0 c
  for c in $OK_EXIT_CODES; do [ "$rc" = "$c" ] && ok=1; done
  if [ "$ok" -ne 1 ]; then
    {
      echo "error: '$BIN ${args[*]}' exited with status $rc"
      tail -n 20 "$errf"
    } >&2
    exit 1
  fi
  [ -s "$json" ] || die "'$BIN ${args[*]}' wrote no JSON report to $json"

  # GNU time prefixes 'Command exited with non-zero status N' on failure: take the last line.
  local wall rss
  read -r wall rss < <(tail -n 1 "$tfile")
  [[ "$wall" =~ ^[0-9]+(\.[0-9]+)?$ && "$rss" =~ ^[0-9]+$ ]] \
    || die "could not parse /usr/bin/time output in $tfile: $(cat "$tfile")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$mode" "$threads" "$run" "$wall" "$rss" "$json" >> "$RAW"
  log "$(printf '%-20s %-10s t=%s run %s/%s: %6ss %8s KiB' "$name" "$mode" "$threads" "$run" "$RUNS" "$wall" "$rss")"
}

for i in "${!corpus_names[@]}"; do
  for t in $THREADS; do
    for m in $MODES; do
      for ((r = 1; r <= RUNS; r++)); do
        run_one "${corpus_names[$i]}" "${corpus_dirs[$i]}" "$m" "$t" "$r"
      done
    done
  done
done

# --- table -----------------------------------------------------------------
TABLE="$(python3 - "$RAW" <<'PY'
import csv, json, statistics, sys

raw = sys.argv[1]
groups = {}   # (corpus, mode, threads) -> list of rows, insertion order kept
with open(raw, newline="") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        key = (row["corpus"], row["mode"], int(row["threads"]))
        groups.setdefault(key, []).append(row)

def summary(path):
    with open(path) as f:
        doc = json.load(f)
    s = doc.get("summary")
    if not isinstance(s, dict):
        sys.exit(f"error: {path}: no 'summary' object in JSON report")
    out = []
    for k in ("files_analyzed", "lines", "bytes"):
        v = s.get(k)
        if not isinstance(v, int) or isinstance(v, bool):
            sys.exit(f"error: {path}: summary.{k} is missing or not an integer ({v!r})")
        out.append(v)
    return out

hdr = ["corpus", "mode", "threads", "files", "lines", "MB", "wall s", "lines/s", "peak RSS MiB"]
rows = []
for (corpus, mode, threads), runs in groups.items():
    sums = [summary(r["json"]) for r in runs]
    files, lines, nbytes = sums[-1]
    if any(s != sums[-1] for s in sums):
        print(f"warning: {corpus}/{mode}/t{threads}: summary differs between runs: {sums}",
              file=sys.stderr)
    wall = statistics.median(float(r["wall_s"]) for r in runs)
    rss_kib = max(int(r["rss_kib"]) for r in runs)
    lps = f"{lines / wall:,.0f}" if wall > 0 else "n/a"
    rows.append([corpus, mode, str(threads), f"{files:,}", f"{lines:,}",
                 f"{nbytes / 1e6:.1f}", f"{wall:.2f}", lps, f"{rss_kib / 1024:.1f}"])

right = {3, 4, 5, 6, 7, 8, 2}
w = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(hdr)]
def line(cells):
    return "| " + " | ".join(c.rjust(w[i]) if i in right else c.ljust(w[i])
                             for i, c in enumerate(cells)) + " |"
print(line(hdr))
print("|" + "|".join(("-" * (w[i] + 1) + ":") if i in right else ("-" * (w[i] + 2))
                     for i in range(len(hdr))) + "|")
for r in rows:
    print(line(r))
PY
)"

NOTE="wall s = median of $RUNS run(s); peak RSS = max over runs; MB = 10^6 bytes."
printf '%s\n\n%s\n' "$TABLE" "$NOTE"
if [ -n "${REPORT:-}" ]; then
  printf '%s\n\n%s\n' "$TABLE" "$NOTE" > "$REPORT"
  log "table written to $REPORT"
fi
if [ "${KEEP_OUT:-0}" = "1" ] || [ -n "$USER_OUT_DIR" ]; then
  log "raw timings and JSON reports in $OUT_DIR"
fi
