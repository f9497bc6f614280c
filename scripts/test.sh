#!/usr/bin/env bash
# Runs EVERYTHING, in order, stopping at the first failing stage:
#   environment (scripts/ensure-test-env.sh) → type check (extension host without DOM, webview scripts and E2E with it) → lint (ESLint: type-checked rules, layer boundaries) → format (Prettier --check) → unit tests → integration tests inside a real
#   VS Code (v1.1beta1 backend, then the Chrome Management API v1 backend) → E2E tests
#   (Playwright) against the packaged extension. E2E against v1: CBCM_API_VERSION=chromemanagement-v1 npm run test:e2e.
# Ends with one summary line: "<N> passed, <N> failed" (tests counted across unit, integration and E2E).
set -uo pipefail
cd "$(dirname "$0")/.."

LOG_DIR="test-results/logs"
mkdir -p "$LOG_DIR"
passed=0
failed=0
stages=()
started=$SECONDS

# Adds the "N passing" / "N failing" counts mocha-style reporters print (the last ones in the log).
count_tests() {
  local log="$1" p f
  p=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -Eo '^ *[0-9]+ passing' | tail -1 | grep -Eo '[0-9]+' || true)
  f=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -Eo '^ *[0-9]+ failing' | tail -1 | grep -Eo '[0-9]+' || true)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}

summary() {
  echo ""
  echo "==== test summary ($((SECONDS - started)) s) ===="
  for s in "${stages[@]}"; do echo "  $s"; done
  echo "$passed passed, $failed failed"
}

stage() {
  local name="$1"
  shift
  local log="$LOG_DIR/$name.log" t0=$SECONDS
  echo ""
  echo "==== $name: $* ===="
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  count_tests "$log"
  if [[ $rc -ne 0 ]]; then
    stages+=("$name: FAILED (exit $rc, $((SECONDS - t0)) s, log $log)")
    # A stage that failed without a test failure (type errors, harness time-out...) still counts as one failure.
    if ! sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -Eq '^ *[0-9]+ failing'; then failed=$((failed + 1)); fi
    summary
    exit "$rc"
  fi
  stages+=("$name: ok ($((SECONDS - t0)) s)")
}

stage environment bash scripts/ensure-test-env.sh
stage typecheck npm run --silent typecheck
stage lint npm run --silent lint
stage format npm run --silent format:check
stage unit npx mocha
stage integration npm run --silent test:vscode
# The same integration suite against the Chrome Management API v1 backend (cbcm.apiVersion), same emulator fleet
# (about 1 min more; CBCM_TEST_V1=0 skips it and the E2E run on v1 below).
if [[ "${CBCM_TEST_V1:-1}" == "1" ]]; then
  stage integration-v1 env CBCM_API_VERSION=chromemanagement-v1 npm run --silent test:vscode
fi
stage e2e npm run --silent test:e2e
if [[ "${CBCM_TEST_V1:-1}" == "1" ]]; then
  # And the UI tests once more on the v1 backend, with the packaged extension already built (about 1.5 min).
  stage e2e-v1 env CBCM_API_VERSION=chromemanagement-v1 npm run --silent test:e2e
fi
summary
