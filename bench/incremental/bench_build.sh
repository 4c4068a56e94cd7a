#!/usr/bin/env bash
# Incremental `build` benchmark: full build vs. incremental build after one edited release note, on the 10k corpus.
#   bench/incremental/bench_build.sh [WORK_DIR]      (default /tmp/internalsite-incremental-bench)
# Prints the timings, the ratio, and checks the incremental output is byte-identical to a full build.
# EDITS=N sets how many edits are timed on the build server (default 5; the median is reported).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/internalsite-incremental-bench}"
mkdir -p "$work"
if [ ! -f "$work/corpus/site.config.yml" ]; then
  python3 "$repo/../shared/bench/gen_corpus.py" "$work/corpus" --pages 10000 > /dev/null
fi
# Every build is timed with the CLI published in Release with ReadyToRun, as the Hugo benchmark runs it (so process
# start is not mostly JIT; the tool as packed by `dotnet pack` is not ReadyToRun and starts slower). Full and
# incremental builds use the same binary, so the ratio stays fair.
if [ ! -f "$work/cli/InternalSite.Cli.dll" ] || [ -n "${REBUILD_CLI:-}" ]; then
  dotnet publish "$repo/generator/InternalSite.Cli" -c Release -o "$work/cli" -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true > "$work/cli-build.log" \
    || { echo "publishing the CLI failed, see $work/cli-build.log" >&2; exit 1; }
fi
site="$work/corpus"
cli=(dotnet "$work/cli/InternalSite.Cli.dll" --site "$site")
export SOURCE_DATE_EPOCH=1795000000   # a fixed "now", so full and incremental builds are comparable byte for byte
note="$(find "$site/content/products" -path '*/releases/*.md' | sort | sed -n 1p)"
cp "$note" "$work/note.orig"
cleanup() { cp "$work/note.orig" "$note"; "${cli[@]}" build-server stop > /dev/null 2>&1 || true; }
trap cleanup EXIT

# Wall seconds of a command; its processor seconds (user + system) go to $work/cpu.<label>, since on a shared machine
# the wall time depends on the other jobs as much as on the build.
seconds() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time.$label" "$@" > "$work/last.log" 2>&1
  read -r wall user sys < "$work/time.$label"
  echo "$user + $sys" | bc > "$work/cpu.$label"
  echo "$wall"
}
cpu() { cat "$work/cpu.$1"; }

rm -rf "$site/_site" "$site/.internalsite-cache"
clean=$(seconds clean "${cli[@]}" build --no-cache)               # from nothing: every file written
full=$(seconds full "${cli[@]}" build --no-cache)                # everything rendered again, output folder already there
# `build` runs on the site's build server (started by the first build that uses the cache; it keeps that build in
# memory). The same edit is also timed with --no-server: a build in its own process that starts from the cache file.
export INTERNALSITE_BUILD_SERVER=1   # also when the benchmark runs with CI set
"${cli[@]}" build-server stop > /dev/null 2>&1 || true
cold=$(seconds cold "${cli[@]}" build)                      # writes the cache and starts the server
# The server's processor time (user + system, from /proc) around a build it runs, beside the client's.
server_pid=$(pgrep -f -- "--site $site build-server run" | head -1)
server_cpu() { awk -v t="$(getconf CLK_TCK)" '{ split($0, a, ") "); split(a[2], f, " "); printf "%.2f", (f[12] + f[13]) / t }' "/proc/$server_pid/stat"; }
# A writer edits a note and builds again, a few seconds apart: the server answers a build once its output is in place
# and finishes the cache file afterwards, so each edit starts after the last build's work is done, as a writer's does.
edits=${EDITS:-5}
incr_all=()
server_all=()
for i in $(seq 1 "$edits"); do
  sleep 2
  printf '\nAdded by the incremental benchmark (%s).\n' "$i" >> "$note"
  server_before=$(server_cpu)
  incr_all+=("$(seconds incr "${cli[@]}" build)")           # one edited release note, on the warm server
  server_all+=("$(echo "$(server_cpu) - $server_before" | bc)")
  tail -1 "$work/last.log"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
incr=$(median "${incr_all[@]}")
server_used=$(median "${server_all[@]}")
sleep 2
printf '\nAdded again by the incremental benchmark.\n' >> "$note"
alone=$(seconds alone "${cli[@]}" build --no-server)        # one edited release note, in a process of its own
tail -1 "$work/last.log"

rm -rf "$work/full-out"
"${cli[@]}" build --no-cache --output "$work/full-out" > /dev/null
if diff -rq "$site/_site" "$work/full-out" > "$work/diff.txt"; then identical=yes; else identical=NO; fi

ratio=$(echo "scale=3; $incr / $full" | bc)
ratio_alone=$(echo "scale=3; $alone / $full" | bc)
cpu_ratio_alone=$(echo "scale=3; $(cpu alone) / $(cpu full)" | bc)
ratio_clean=$(echo "scale=3; $incr / $clean" | bc)
echo "note edited:                 ${note#$site/}"
echo "                             wall      cpu (user+sys)"
echo "clean build (no _site):      ${clean}s    $(cpu clean)s"
echo "full build (--no-cache):     ${full}s    $(cpu full)s"
echo "build, cold cache:           ${cold}s    $(cpu cold)s"
echo "build after one edited note: ${incr}s    $(cpu incr)s client + ${server_used}s server (build server; median of ${edits} edits 2 s apart)"
echo "  each edit (wall):          ${incr_all[*]} (the first after the server started)"
echo "the same, --no-server:       ${alone}s    $(cpu alone)s"
echo "ratio incremental/full:      ${ratio} (wall, build server), ${ratio_alone} (wall, --no-server), ${cpu_ratio_alone} (cpu, --no-server)"
echo "ratio incremental/clean:     ${ratio_clean} (wall)"
echo "incremental == full output:  ${identical}"
