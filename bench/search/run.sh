#!/usr/bin/env bash
# Benchmarks our search index against Pagefind over the same built synthetic portal.
#   bench/search/run.sh [PAGES]      (default 10000; everything goes to the git-ignored bench/search/work/)
# Prints: index build time of each (wall and CPU), total index size, and per cold query the bytes transferred,
# the time to results and the time the same query takes once its chunks have arrived.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/work"
pages="${1:-10000}"
mkdir -p "$work"

if [ ! -x "$work/node_modules/.bin/pagefind" ] || [ ! -d "$work/node_modules/playwright-core" ]; then
  (cd "$work" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund pagefind playwright-core)
fi
if [ ! -f "$work/corpus/site.config.yml" ]; then
  python3 /work/shared/bench/gen_corpus.py "$work/corpus" --pages "$pages"
fi

echo "== our build (the harness times every output; the search index alone, then again into memory)"
dotnet run -c Release --project "$here/Harness" -- "$work/corpus" "$work/corpus/_site" | tee "$work/ours.tsv"

echo "== pagefind over the same HTML (best of 2)"
TIMEFORMAT='%R s wall, %U s user, %S s sys'
for run in 1 2; do
  rm -rf "$work/pagefind-out"
  { time "$work/node_modules/.bin/pagefind" --site "$work/corpus/_site" --output-path "$work/pagefind-out" >/dev/null; } 2>&1 | tee -a "$work/pagefind-time.txt"
done

echo "== index sizes (bytes)"
echo "ours:     $(du -sb "$work/corpus/_site/search/index" | cut -f1) in $(find "$work/corpus/_site/search/index" -type f | wc -l) files"
echo "pagefind: $(du -sb "$work/pagefind-out" | cut -f1) in $(find "$work/pagefind-out" -type f | wc -l) files"

echo "== cold queries"
node "$here/query-bench.js" "$work/corpus/_site" "$work/pagefind-out" latency "forecast pipeline dashboard" "retention"
