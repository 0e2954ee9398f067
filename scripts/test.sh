#!/usr/bin/env bash
# The whole test suite: the core's cargo tests, then every phpt in tests-phpt/
# run by PHP's own run-tests.php against the built extension.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

echo "== cargo test (core)"
cargo test --release --quiet -p swoole-core

echo "== phpt (tests-phpt/)"
so="$(pwd)/target/release/libswoole.so"
# Debian's php8.2-dev ships PHP's runner beside the extension dir.
run_tests="$(php-config --extension-dir)/build/run-tests.php"
log="$(mktemp)"
set +e
SWOOLE_SO="$so" TEST_PHP_EXECUTABLE="$(command -v php)" NO_INTERACTION=1 \
    php "$run_tests" -q -j"${PHPT_JOBS:-2}" --show-diff -d extension="$so" tests-phpt 2>&1 | tee "$log"
set -e
total=$(grep -E "^Number of tests" "$log" | grep -oE "[0-9]+" | head -1)
passed=$(grep -E "^Tests passed" "$log" | grep -oE "[0-9]+" | head -1)
skipped=$(grep -E "^Tests skipped" "$log" | grep -oE "[0-9]+" | head -1)
rm -f "$log"
total=${total:-0}; passed=${passed:-0}; skipped=${skipped:-0}
# Anything that neither passed nor was skipped (failed, borked, leaked,
# warned...) counts as failed.
failed=$((total - passed - skipped))
echo "phpt: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
