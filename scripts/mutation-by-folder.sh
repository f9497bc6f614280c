#!/usr/bin/env bash
# Runs Stryker one folder at a time (the whole set at once takes hours on a small machine). Each folder gets its
# own incremental file and JSON/HTML report under reports/mutation/<folder>/, and runs only the unit tests named
# after it (below), which keeps the initial test run short; a mutant only another suite would kill then counts as
# surviving, so these scores are a lower bound. Ends with the score table of every folder run so far.
#   bash scripts/mutation-by-folder.sh [folder ...]     e.g. api query (default: every folder below)
#   STRYKER_CONCURRENCY=2 MUTATE='src/api/retry.ts' bash scripts/mutation-by-folder.sh api   (narrower)
#   SPEC='test/unit/apiPureHelpers.test.ts' ... replaces the folder's test files (faster; a lower bound again)
set -uo pipefail
cd "$(dirname "$0")/.."
declare -A GLOBS=(
  [api]='src/api/**/*.ts'
  [query]='src/query/**/*.ts'
  [webview]='src/model/annotations.ts,src/webview/details/detailsModel.ts'
  [export]='src/export/**/*.ts,!src/export/exportDestination.ts'
  [auth]='src/auth/abort.ts,src/auth/jwtTokenSource.ts,src/auth/keyValidation.ts,src/auth/oauthLoopback.ts,src/auth/oauthTokenSource.ts,src/auth/redirectTarget.ts,src/auth/scopes.ts,src/auth/tokenErrors.ts,src/auth/tokenTransport.ts,src/auth/verifyAccess.ts,src/auth/accountStore.ts,src/auth/autoSignIn.ts'
  [overview]='src/overview/**/*.ts'
  [inventory]='src/inventory/**/*.ts'
)
declare -A TESTS=(
  [api]='test/unit/api*.test.ts,test/unit/chromeManagement*.test.ts,test/unit/fleetListing*.test.ts,test/unit/listingCounts.test.ts'
  [query]='test/unit/query*.test.ts,test/unit/chromeManagement*.test.ts,test/unit/newQueryFileName.test.ts'
  [webview]='test/unit/webview*.test.ts'
  [export]='test/unit/export*.test.ts'
  [auth]='test/unit/auth*.test.ts,test/unit/apiTokenTimeout.test.ts'
  [overview]='test/unit/overview*.test.ts'
  [inventory]='test/unit/inventory*.test.ts'
)
folders=("$@")
[[ ${#folders[@]} -eq 0 ]] && folders=(api query webview export auth overview inventory)
for f in "${folders[@]}"; do
  echo "==== src/$f ($(date -u +%H:%M:%S))"
  out="reports/mutation/$f"
  mkdir -p "$out"
  node -e '
    const [, base, out, mutate, tests, f] = process.argv;
    const c = JSON.parse(require("fs").readFileSync(base, "utf8"));
    c.mutate = mutate.split(",");
    c.mochaOptions.spec = tests.split(",");
    c.incrementalFile = `reports/stryker-incremental-${f}.json`;
    c.jsonReporter = { fileName: `${out}/mutation.json` };
    c.htmlReporter = { fileName: `${out}/mutation.html` };
    require("fs").writeFileSync(`${out}/stryker.config.json`, JSON.stringify(c, null, 2));
  ' stryker.config.json "$out" "${MUTATE:-${GLOBS[$f]}}" "${SPEC:-${TESTS[$f]}}" "$f"
  nice -n 19 npx stryker run "$out/stryker.config.json" --concurrency "${STRYKER_CONCURRENCY:-1}" > "$out/run.log" 2>&1 ||
    echo "src/$f: Stryker failed, see $out/run.log"
  grep -E "Final mutation score|Initial test run" "$out/run.log" | tail -n 2
done
node scripts/mutation-scores.mjs reports/mutation/*/mutation.json
