#!/usr/bin/env bash
# Builds the extension and runs an example (default: the seed's tcpServer.php,
# listening on 127.0.0.1:9501). Try it with: nc 127.0.0.1 9501
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
example="${1:-examples-php/tcpServer.php}"
echo "running $example (Ctrl-C or SIGTERM stops it)"
exec php -d extension="$(pwd)/target/release/libswoole.so" "$example"
