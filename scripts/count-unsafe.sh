#!/bin/sh
# Counts `unsafe` blocks, fns, impls, traits and extern blocks per file
# (comment lines left out), then the total and the total outside the
# shared-memory code, for core/src (rule 3 of docs/ARCHITECTURE.md: elsewhere `unsafe` is
# the exception, each with its `// SAFETY:` line).
#   scripts/count-unsafe.sh [DIR]   (default: core/src)
set -eu
cd "$(dirname "$0")/.."
dir=${1:-core/src}
grep -rnE 'unsafe[[:space:]]*(\{|fn|impl|extern|trait)' "$dir" --include='*.rs' \
    | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' \
    | awk -F: -v core="$([ "$dir" = core/src ] && echo 1 || echo 0)" '
        { c[$1]++; t++ }
        $1 !~ /(shm\.rs|\/table\/|atomic\.rs|lock\.rs|futex\.rs|ring\.rs)$/ && $1 !~ /\/table\// { o++ }
        END {
            for (f in c) printf "%4d %s\n", c[f], f
            printf "%4d TOTAL\n", t
            if (core) printf "%4d outside shared-memory code (shm, table/, atomic, lock, futex, ring)\n", o
        }' \
    | sort -n
