#!/usr/bin/env bash
# Installs what building the extension needs on Debian (only what is missing)
# and builds target/release/libswoole.so.
set -euo pipefail
cd "$(dirname "$0")/.."

# libssl-dev and pkg-config: the TLS engine links the system's libssl (PHP's own);
# openssl: the TLS tests make their certificates with its CLI;
# curl: the HTTP server's tests use it as a real client; wrk: bench/http.
# python3-websockets: the WebSocket server's tests drive it with Python's websockets (run by /usr/bin/python3);
# haproxy: the PROXY protocol test runs behind a real balancer (skipped without it).
needed=(php8.2-cli php8.2-dev libclang-dev build-essential libssl-dev pkg-config openssl curl wrk python3-websockets haproxy)
missing=()
for pkg in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: cargo not found; install Rust (https://rustup.rs), 1.85 or newer" >&2
    exit 1
fi
cargo build --release --quiet -p swoole
echo "setup: built $(pwd)/target/release/libswoole.so"
