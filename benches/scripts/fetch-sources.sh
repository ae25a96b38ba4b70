#!/usr/bin/env bash
# Fetch pinned real-world source packages for the shipshape real-world benchmark.
#
# Usage: benches/scripts/fetch-sources.sh [CACHE_DIR]
#
#   CACHE_DIR defaults to ${SHIPSHAPE_BENCH_CACHE:-$HOME/.cache/shipshape-bench}.
#   It must live outside the repository; nothing is written into the repo.
#
# Layout produced:
#   CACHE_DIR/downloads/pypi/<name>-<ver>/<sdist>   (pip download)
#   CACHE_DIR/downloads/npm/<name>-<ver>.tgz        (npm pack)
#   CACHE_DIR/src/<name>-<ver>/                     (unpacked sources, one per package)
#
# Idempotent: a package whose CACHE_DIR/src/<name>-<ver>/ already carries the
# .shipshape-fetched marker is skipped. Unpacking goes through a temp dir and a
# final rename, so an interrupted run never leaves a half-unpacked src dir.
#
# Needs: python3 with pip, npm, cargo, tar, find, wc (all reach the package
# registries through their ordinary clients, as configured on this machine).

set -euo pipefail

# ---------------------------------------------------------------------------
# Pinned versions (ecosystem  name  version). Bump here and only here.
# ---------------------------------------------------------------------------
PINS=(
  "pypi  django      5.2.19"
  "pypi  flask       3.1.3"
  "pypi  fastapi     0.165.0"
  "pypi  sqlalchemy  2.1.9"
  "npm   express     5.3.0"
  "npm   sequelize   6.37.8"
  "npm   knex        3.3.0"
  "npm   typeorm     1.1.1"
  "crate tokio       1.54.1"
  "crate sqlx        0.9.0"
  "crate diesel      2.3.14"
  "crate axum        0.8.9"
)
# ---------------------------------------------------------------------------

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
if [ "$#" -gt 1 ]; then
  echo "error: too many arguments" >&2
  usage >&2
  exit 2
fi

CACHE_DIR="${1:-${SHIPSHAPE_BENCH_CACHE:-$HOME/.cache/shipshape-bench}}"
CACHE_DIR="$(realpath -m -- "$CACHE_DIR")"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
case "$CACHE_DIR/" in
  "$REPO_ROOT"/*)
    echo "error: CACHE_DIR ($CACHE_DIR) must be outside the repository ($REPO_ROOT)" >&2
    exit 2 ;;
esac
mkdir -p "$CACHE_DIR"

SRC_DIR="$CACHE_DIR/src"
DL_DIR="$CACHE_DIR/downloads"
MARKER=".shipshape-fetched"
mkdir -p "$SRC_DIR" "$DL_DIR/pypi" "$DL_DIR/npm"

log() { printf '[fetch-sources] %s\n' "$*" >&2; }

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "error: '$1' is required but not found in PATH" >&2
    exit 1
  fi
}

TMP_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/shipshape-fetch.XXXXXX")"
cleanup() { rm -rf "$TMP_ROOT"; }
trap cleanup EXIT

is_done() { [ -f "$SRC_DIR/$1/$MARKER" ]; }

# install_tree SRC_PATH DEST_NAME: move an unpacked tree into src/ atomically.
install_tree() {
  local from="$1" name="$2"
  local dest="$SRC_DIR/$name"
  rm -rf "$dest" "$dest.partial"
  mv "$from" "$dest.partial"
  touch "$dest.partial/$MARKER"
  mv "$dest.partial" "$dest"
}

# unpack_archive ARCHIVE DEST_NAME: untar/unzip, expect one top-level dir.
unpack_archive() {
  local archive="$1" name="$2"
  local work="$TMP_ROOT/unpack-$name"
  rm -rf "$work"
  mkdir -p "$work"
  case "$archive" in
    *.zip)
      python3 -m zipfile -e "$archive" "$work" ;;
    *)
      tar -xf "$archive" -C "$work" --no-same-owner ;;
  esac
  local entries=()
  local e
  for e in "$work"/* "$work"/.[!.]*; do
    [ -e "$e" ] && entries+=("$e")
  done
  if [ "${#entries[@]}" -eq 1 ] && [ -d "${entries[0]}" ]; then
    install_tree "${entries[0]}" "$name"
  else
    install_tree "$work" "$name"
  fi
  rm -rf "$work"
}

# ---------------------------------------------------------------------------
# Python sdists
# ---------------------------------------------------------------------------
fetch_pypi() {
  local name="$1" ver="$2" id="$1-$2"
  if is_done "$id"; then log "skip $id (already unpacked)"; return; fi
  need python3
  local dl="$DL_DIR/pypi/$id"
  local archive
  archive="$(find "$dl" -maxdepth 1 -type f \( -name '*.tar.gz' -o -name '*.zip' \) 2>/dev/null | head -n1 || true)"
  if [ -z "$archive" ]; then
    log "pip download $name==$ver"
    rm -rf "$dl.partial"
    mkdir -p "$dl.partial"
    python3 -m pip download --quiet --disable-pip-version-check \
      --no-deps --no-binary :all: "$name==$ver" -d "$dl.partial"
    rm -rf "$dl"
    mv "$dl.partial" "$dl"
    archive="$(find "$dl" -maxdepth 1 -type f \( -name '*.tar.gz' -o -name '*.zip' \) | head -n1)"
    if [ -z "$archive" ]; then
      echo "error: pip download produced no sdist for $name==$ver" >&2
      exit 1
    fi
  else
    log "reuse $(basename "$archive")"
  fi
  log "unpack $id"
  unpack_archive "$archive" "$id"
}

# ---------------------------------------------------------------------------
# npm tarballs
# ---------------------------------------------------------------------------
fetch_npm() {
  local name="$1" ver="$2" id="$1-$2"
  if is_done "$id"; then log "skip $id (already unpacked)"; return; fi
  need npm
  local tgz="$DL_DIR/npm/$id.tgz"
  if [ ! -s "$tgz" ]; then
    log "npm pack $name@$ver"
    local work="$TMP_ROOT/npm-$id"
    mkdir -p "$work"
    (cd "$work" && npm pack --silent --ignore-scripts "$name@$ver" >/dev/null)
    local packed
    packed="$(find "$work" -maxdepth 1 -type f -name '*.tgz' | head -n1)"
    if [ -z "$packed" ]; then
      echo "error: npm pack produced no tarball for $name@$ver" >&2
      exit 1
    fi
    mv "$packed" "$tgz.partial"
    mv "$tgz.partial" "$tgz"
    rm -rf "$work"
  else
    log "reuse $(basename "$tgz")"
  fi
  log "unpack $id"
  unpack_archive "$tgz" "$id"   # content lives in package/, which becomes src/<id>
}

# ---------------------------------------------------------------------------
# Rust crates: one throwaway project + cargo vendor, keep only the named crates
# ---------------------------------------------------------------------------
fetch_crates() {
  local -a names=() vers=() todo=()
  local i
  for i in "$@"; do
    names+=("${i%%=*}")
    vers+=("${i#*=}")
  done
  for i in "${!names[@]}"; do
    if is_done "${names[$i]}-${vers[$i]}"; then
      log "skip ${names[$i]}-${vers[$i]} (already unpacked)"
    else
      todo+=("$i")
    fi
  done
  [ "${#todo[@]}" -eq 0 ] && return
  need cargo

  local proj="$TMP_ROOT/cargo-proj"
  mkdir -p "$proj/src"
  : > "$proj/src/lib.rs"
  {
    echo '[package]'
    echo 'name = "shipshape-bench-vendor"'
    echo 'version = "0.0.0"'
    echo 'edition = "2021"'
    echo 'publish = false'
    echo
    echo '[workspace]'
    echo
    echo '[dependencies]'
    for i in "${todo[@]}"; do
      # Features do not change a crate's own source; keep the vendored tree small.
      echo "${names[$i]} = { version = \"=${vers[$i]}\", default-features = false }"
    done
  } > "$proj/Cargo.toml"

  local vendor="$CACHE_DIR/cargo-vendor"
  rm -rf "$vendor"
  log "cargo vendor (${#todo[@]} crate(s); this pulls their dependency tree once)"
  (cd "$proj" && cargo vendor --quiet --versioned-dirs "$vendor" >/dev/null)

  for i in "${todo[@]}"; do
    local id="${names[$i]}-${vers[$i]}"
    if [ ! -d "$vendor/$id" ]; then
      echo "error: cargo vendor did not produce $id" >&2
      exit 1
    fi
    log "install $id"
    install_tree "$vendor/$id" "$id"
  done
  # The rest of the dependency tree is not part of the corpus.
  rm -rf "$vendor"
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------
log "cache: $CACHE_DIR"
crate_specs=()
ids=()
for row in "${PINS[@]}"; do
  read -r eco name ver <<<"$row"
  ids+=("$name-$ver")
  case "$eco" in
    pypi)  fetch_pypi "$name" "$ver" ;;
    npm)   fetch_npm "$name" "$ver" ;;
    crate) crate_specs+=("$name=$ver") ;;
    *) echo "error: unknown ecosystem '$eco' in PINS" >&2; exit 1 ;;
  esac
done
if [ "${#crate_specs[@]}" -gt 0 ]; then
  fetch_crates "${crate_specs[@]}"
fi

# ---------------------------------------------------------------------------
# Summary: files and lines of .py/.js/.mjs/.cjs/.ts/.rs per package
# ---------------------------------------------------------------------------
count_code() {
  # prints "<files> <lines>"
  local dir="$1" files lines
  files="$(find "$dir" -type f \( -name '*.py' -o -name '*.js' -o -name '*.mjs' \
    -o -name '*.cjs' -o -name '*.ts' -o -name '*.rs' \) | wc -l)"
  lines="$(find "$dir" -type f \( -name '*.py' -o -name '*.js' -o -name '*.mjs' \
    -o -name '*.cjs' -o -name '*.ts' -o -name '*.rs' \) -print0 \
    | xargs -0 -r cat -- | wc -l)"
  echo "$files $lines"
}

echo
echo "Sources in $SRC_DIR (code = .py .js .mjs .cjs .ts .rs):"
printf '%-24s %8s %10s\n' "package" "files" "lines"
printf '%-24s %8s %10s\n' "-------" "-----" "-----"
tot_files=0
tot_lines=0
for id in "${ids[@]}"; do
  read -r f l <<<"$(count_code "$SRC_DIR/$id")"
  printf '%-24s %8d %10d\n' "$id" "$f" "$l"
  tot_files=$((tot_files + f))
  tot_lines=$((tot_lines + l))
done
printf '%-24s %8d %10d\n' "total" "$tot_files" "$tot_lines"
