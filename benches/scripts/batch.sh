#!/usr/bin/env bash
# Fleet batch, cold vs warm: the benchmark sources as a fleet of repositories, one per package.
#
# Usage: benches/scripts/batch.sh [CACHE_DIR]
#
#   CACHE_DIR defaults to ${SHIPSHAPE_BENCH_CACHE:-$HOME/.cache/shipshape-bench} and must hold
#   CACHE_DIR/src/<name>-<version>/ trees (benches/scripts/fetch-sources.sh).
#
# The sources are copied into a work folder (a few files are edited in step 3; the shared
# copy is never touched) and listed in a manifest, one `[[repo]]` with a `path` per package.
# Then, each under `/usr/bin/time -v`, RUNS times:
#   cold     shipshape batch fleet.toml --cache-dir <fresh> --out cold
#   warm     the same cache, nothing changed               --out warm
#   touched  the same cache after a line was appended to TOUCH files (one per package,
#            round-robin) --out touched
#   no-cache shipshape batch --no-cache (no cache read or written)
#   scan     shipshape scan <package> for each package, one after the other (summed wall and
#            user time, the largest peak RSS): the same work without batch
# and prints a Markdown table (median of the runs: wall, user, system, peak RSS, files
# analysed and cached, findings). It checks that every mode reports the same findings per
# package as `shipshape scan` (after `touched`, the appended comments change nothing).
#
# Environment:
#   RUNS=3            repetitions (median reported)
#   THREADS=""        --threads for batch and scan (default: shipshape's, all cores)
#   TOUCH=6           files edited before the `touched` run
#   SHIPSHAPE_BIN=""  binary; default <repo>/target/release/shipshape (built when missing)
#   WORK_DIR=""       work folder (default: a temporary one, removed unless KEEP_WORK=1)
#   REPORT=""         also write the table to this file

set -euo pipefail

usage() { sed -n '2,31p' "$0" | sed 's/^# \{0,1\}//'; }
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  -*) echo "error: unknown option '$1'" >&2; usage >&2; exit 2 ;;
esac

log() { printf '[batch-bench] %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
CACHE_DIR="${1:-${SHIPSHAPE_BENCH_CACHE:-$HOME/.cache/shipshape-bench}}"
SRC_DIR="$CACHE_DIR/src"
RUNS="${RUNS:-3}"
TOUCH="${TOUCH:-6}"
THREADS="${THREADS:-}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
[[ "$TOUCH" =~ ^[0-9]+$ ]] || die "TOUCH must be a number"
[ -d "$SRC_DIR" ] || die "no sources in $SRC_DIR; run benches/scripts/fetch-sources.sh first"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
command -v python3 >/dev/null || die "python3 is required"

BIN="${SHIPSHAPE_BIN:-${CARGO_TARGET_DIR:-$REPO_ROOT/target}/release/shipshape}"
if [ ! -x "$BIN" ]; then
  log "$BIN missing; running cargo build --release -p shipshape-cli"
  (cd "$REPO_ROOT" && cargo build --release -p shipshape-cli) >&2
fi
[ -x "$BIN" ] || die "no binary at $BIN"

if [ -n "${WORK_DIR:-}" ]; then
  mkdir -p "$WORK_DIR"
  WORK="$(cd "$WORK_DIR" && pwd -P)"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/shipshape-batch-bench.XXXXXX")"
  [ "${KEEP_WORK:-0}" = "1" ] || trap 'rm -rf "$WORK"' EXIT
fi
threads=()
[ -n "$THREADS" ] && threads=(--threads "$THREADS")

# --- the fleet ---------------------------------------------------------------
packages=()
for d in "$SRC_DIR"/*/; do
  name="$(basename "$d")"
  case "$name" in *.partial) continue ;; esac
  packages+=("$name")
done
[ "${#packages[@]}" -gt 0 ] || die "$SRC_DIR holds no source trees"
log "binary: $BIN; ${#packages[@]} packages; work folder: $WORK"

# pristine: a copy of the sources that is never edited; fleet/ is reset from it every run.
if [ ! -d "$WORK/pristine" ]; then
  mkdir -p "$WORK/pristine.tmp"
  for p in "${packages[@]}"; do cp -r "$SRC_DIR/$p" "$WORK/pristine.tmp/$p"; done
  mv "$WORK/pristine.tmp" "$WORK/pristine"
fi
{
  echo "# The benchmark sources as a fleet: one repository per package."
  for p in "${packages[@]}"; do
    printf '\n[[repo]]\nname = "%s"\npath = "fleet/%s"\n' "$p" "$p"
  done
} > "$WORK/fleet.toml"

RAW="$WORK/raw.tsv"
printf 'mode\trun\twall\tuser\tsys\trss_kib\tout\n' > "$RAW"

# measure MODE RUN OUT -- COMMAND...: one timed command; exit codes 0 and 1 are fine.
measure() {
  local mode="$1" run="$2" out="$3"
  shift 4
  local tfile="$WORK/$mode.$run.time" rc=0
  /usr/bin/time -v -o "$tfile" "$@" >/dev/null 2>"$WORK/$mode.$run.stderr" || rc=$?
  [ "$rc" -le 1 ] || { tail -n 20 "$WORK/$mode.$run.stderr" >&2; die "$mode: exit $rc: $*"; }
  python3 - "$tfile" "$mode" "$run" "$out" >> "$RAW" <<'PY'
import sys
path, mode, run, out = sys.argv[1:]
values = {}
for line in open(path):
    key, _, value = line.strip().rpartition(": ")
    values[key] = value
clock = values["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
wall = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
print(f"{mode}\t{run}\t{wall:.2f}\t{values['User time (seconds)']}\t"
      f"{values['System time (seconds)']}\t{values['Maximum resident set size (kbytes)']}\t{out}")
PY
}

reset_fleet() {
  rm -rf "$WORK/fleet"
  cp -r "$WORK/pristine" "$WORK/fleet"
}

# Append a comment line to TOUCH source files, one per package in turn.
touch_files() {
  local i=0 p f
  while [ "$i" -lt "$TOUCH" ]; do
    p="${packages[$((i % ${#packages[@]}))]}"
    f="$(cd "$WORK/fleet/$p" && find . -type f \( -name '*.py' -o -name '*.js' -o -name '*.ts' -o -name '*.rs' \) \
      | LC_ALL=C sort | sed -n "$((i / ${#packages[@]} + 1))p")"
    [ -n "$f" ] || { i=$((i + 1)); continue; }
    case "$f" in
      *.py) printf '\n# edited for the warm benchmark\n' >> "$WORK/fleet/$p/$f" ;;
      *) printf '\n// edited for the warm benchmark\n' >> "$WORK/fleet/$p/$f" ;;
    esac
    i=$((i + 1))
  done
}

batch=("$BIN" batch "$WORK/fleet.toml" --quiet --fail-on none "${threads[@]}")

for ((r = 1; r <= RUNS; r++)); do
  reset_fleet
  cache="$WORK/cache.$r"
  rm -rf "$cache" "$WORK"/out.*."$r"
  log "run $r/$RUNS: cold"
  measure cold "$r" "$WORK/out.cold.$r" -- "${batch[@]}" --cache-dir "$cache" --out "$WORK/out.cold.$r" --run-id "cold-$r"
  log "run $r/$RUNS: warm"
  measure warm "$r" "$WORK/out.warm.$r" -- "${batch[@]}" --cache-dir "$cache" --out "$WORK/out.warm.$r" --run-id "warm-$r"
  touch_files
  log "run $r/$RUNS: touched ($TOUCH files)"
  measure touched "$r" "$WORK/out.touched.$r" -- "${batch[@]}" --cache-dir "$cache" --out "$WORK/out.touched.$r" --run-id "touched-$r"
  reset_fleet
  log "run $r/$RUNS: no-cache"
  measure no-cache "$r" "$WORK/out.no-cache.$r" -- "${batch[@]}" --no-cache --cache-dir "$WORK/history.$r" --out "$WORK/out.no-cache.$r"
  log "run $r/$RUNS: scan of each package"
  mkdir -p "$WORK/out.scan.$r"
  for p in "${packages[@]}"; do
    measure "scan:$p" "$r" "$WORK/out.scan.$r/$p.sarif" -- \
      "$BIN" scan "$WORK/fleet/$p" --format sarif --output "$WORK/out.scan.$r/$p.sarif" --quiet "${threads[@]}"
  done
  rm -rf "$cache" "$WORK/history.$r"
done

TABLE="$(python3 - "$RAW" "$WORK" <<'PY'
import csv, json, os, statistics, sys

raw, work = sys.argv[1:]
rows = list(csv.DictReader(open(raw), delimiter="\t"))

def sarif_counts(path):
    log = json.load(open(path))
    return len(log["runs"][0]["results"])

def summary(out):
    return json.load(open(os.path.join(out, "summary.json")))

runs = sorted({int(r["run"]) for r in rows})
per_run = {}   # (mode, run) -> dict
for run in runs:
    mine = [r for r in rows if int(r["run"]) == run]
    for mode in ["cold", "warm", "touched", "no-cache"]:
        (r,) = [x for x in mine if x["mode"] == mode]
        s = summary(r["out"])
        t = s["totals"]
        per_run[(mode, run)] = dict(
            wall=float(r["wall"]), user=float(r["user"]), sys=float(r["sys"]),
            rss=int(r["rss_kib"]), analyzed=t["files_analyzed"], cached=t["files_cached"],
            findings=t["findings"],
            join_ms=sum(x.get("join_ms", 0) for x in s["repositories"]),
            per_repo={x["name"]: sarif_counts(os.path.join(r["out"], x["sarif"]))
                      for x in s["repositories"]},
        )
    scans = [x for x in mine if x["mode"].startswith("scan:")]
    per_repo = {x["mode"][5:]: sarif_counts(x["out"]) for x in scans}
    per_run[("scan", run)] = dict(
        wall=sum(float(x["wall"]) for x in scans), user=sum(float(x["user"]) for x in scans),
        sys=sum(float(x["sys"]) for x in scans), rss=max(int(x["rss_kib"]) for x in scans),
        analyzed=None, cached=None, findings=sum(per_repo.values()), join_ms=None,
        per_repo=per_repo,
    )
    for mode in ["cold", "warm", "touched", "no-cache"]:
        if per_run[(mode, run)]["per_repo"] != per_repo:
            sys.exit(f"run {run}: {mode} and scan report different findings: "
                     f"{per_run[(mode, run)]['per_repo']} vs {per_repo}")

labels = {
    "cold": "`batch`, cold (empty cache)",
    "warm": "`batch`, warm (nothing changed)",
    "touched": "`batch`, warm, a few files edited",
    "no-cache": "`batch --no-cache`",
    "scan": "`scan` of each package in turn",
}
med = lambda mode, key: statistics.median(per_run[(mode, r)][key] for r in runs)
print(f"| {len(runs)} run(s), median | wall | user CPU | system | peak RSS | files analysed | files cached | findings | join |")
print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
for mode in ["cold", "warm", "touched", "no-cache", "scan"]:
    analyzed = med(mode, "analyzed") if mode != "scan" else None
    cell = lambda v: "—" if v is None else f"{int(v):,}"
    join = "—" if mode == "scan" else f"{med(mode, 'join_ms') / 1000:.2f} s"
    print(f"| {labels[mode]} | {med(mode, 'wall'):.2f} s | {med(mode, 'user'):.2f} s | "
          f"{med(mode, 'sys'):.2f} s | {med(mode, 'rss') / 1024:.0f} MiB | {cell(analyzed)} | "
          f"{cell(None if mode == 'scan' else med(mode, 'cached'))} | {cell(med(mode, 'findings'))} | {join} |")
walls = {m: [per_run[(m, r)]["wall"] for r in runs] for m in ["cold", "warm", "touched", "no-cache", "scan"]}
print()
print("Wall times of every run: " + "; ".join(f"{m} " + ", ".join(f"{w:.2f}" for w in ws) for m, ws in walls.items()))
PY
)"
printf '%s\n' "$TABLE"
[ -z "${REPORT:-}" ] || printf '%s\n' "$TABLE" > "$REPORT"
