#!/usr/bin/env bash
# The whole test suite: the core's cargo tests, then every phpt in tests-phpt/,
# then the adversarial suite in tests-adversarial/, both run by PHP's own
# run-tests.php against the built extension.
set -euo pipefail
cd "$(dirname "$0")/.."

# First, in a second: no import cycle between files beyond the reasoned ones
# scripts/import-cycles.py lists (rule: one concept per room, layers point down).
# The system interpreter (the script needs only the standard library).
py=/usr/bin/python3
[ -x "$py" ] || py=python3
echo "== import cycles (src, core/src)"
"$py" scripts/import-cycles.py src
"$py" scripts/import-cycles.py core/src

./scripts/setup.sh

echo "== cargo test (core)"
cargo test --release --quiet -p swoole-core

so="$(pwd)/target/release/libswoole.so"
# Debian's php8.2-dev ships PHP's runner beside the extension dir.
run_tests="$(php-config --extension-dir)/build/run-tests.php"

# run_phpt DIR: every phpt in DIR; fails unless each passed, was skipped, or
# failed as its --XFAIL-- section says it will.
run_phpt() {
    local dir=$1 log total passed skipped xfailed failed
    log="$(mktemp)"
    set +e
    SWOOLE_SO="$so" TEST_PHP_EXECUTABLE="$(command -v php)" NO_INTERACTION=1 \
        php "$run_tests" -q -j"${PHPT_JOBS:-2}" --show-diff -d extension="$so" "$dir" 2>&1 | tee "$log"
    set -e
    # (A line missing, e.g. "Expected fail" when none did, counts as 0.)
    total=$(grep -E "^Number of tests" "$log" | grep -oE "[0-9]+" | head -1 || true)
    passed=$(grep -E "^Tests passed" "$log" | grep -oE "[0-9]+" | head -1 || true)
    skipped=$(grep -E "^Tests skipped" "$log" | grep -oE "[0-9]+" | head -1 || true)
    xfailed=$(grep -E "^Expected fail" "$log" | grep -oE "[0-9]+" | head -1 || true)
    # run-tests.php runs a failed test once more when it looks timing-bound
    # (it uses usleep/microtime, or its output says "timed out"...); one that
    # passed then is counted as passed here, and named, as a flake to fix.
    retried=$(grep -oE "\[[^]]*\.phpt\] +\(warn: Test passed on retry attempt\)" "$log" | grep -oE "[^[]*\.phpt" | sort -u || true)
    rm -f "$log"
    total=${total:-0}; passed=${passed:-0}; skipped=${skipped:-0}; xfailed=${xfailed:-0}
    flaky=$(printf '%s' "$retried" | grep -c . || true)
    # Anything else (failed, borked, leaked, warned otherwise, an XFAIL that
    # passed...) counts as failed.
    failed=$((total - passed - skipped - xfailed - flaky))
    passed=$((passed + flaky))
    echo "phpt ($dir): ${passed} passed, ${failed} failed, ${skipped} skipped, ${xfailed} expected to fail"
    if [ "$flaky" -gt 0 ]; then
        echo "phpt ($dir): FLAKY, passed only on run-tests.php's retry: $(echo $retried)"
    fi
    [ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
}

echo "== phpt (tests-phpt/)"
run_phpt tests-phpt
echo "== adversarial (tests-adversarial/)"
run_phpt tests-adversarial
