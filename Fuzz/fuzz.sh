#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer (swiftc -sanitize=fuzzer,address,
# in .build/fuzz, apart from the normal build) and runs each for SECONDS on its corpus in
# Fixtures/fuzz/NAME. New interesting inputs go to .build/fuzz/corpus/NAME; a crash is saved as
# .build/fuzz/crashes/NAME-crash-… and ends the run with a failure: copy it into Fixtures/fuzz/NAME
# (the tests replay that folder) and fix it.
#   Fuzz/fuzz.sh [SECONDS] [records layout expressions images fonts text]
# With FUZZ_RUNS=N each target instead runs N inputs from a fixed seed (CI: the same code gives
# the same run).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if [ -n "${FUZZ_RUNS:-}" ]; then budget=(-runs="$FUZZ_RUNS" -seed=1); else budget=(-max_total_time="$seconds"); fi
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(records layout expressions images fonts text)
flags=(--build-path .build/fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING)
log=$(mktemp)
for target in "${targets[@]}"; do
    # The linker's notes on AddressSanitizer's symbols are many and harmless: shown only on failure.
    if ! swift build "${flags[@]}" --product "fuzz-$target" >"$log" 2>&1; then
        grep -v "Cannot export local symbol" "$log" | tail -50 >&2
        rm -f "$log"
        exit 1
    fi
done
rm -f "$log"
bin=$(swift build "${flags[@]}" --show-bin-path)
mkdir -p .build/fuzz/crashes
status=0
for target in "${targets[@]}"; do
    mkdir -p ".build/fuzz/corpus/$target"
    rm -f .build/fuzz/crashes/"$target"-*
    echo "== fuzz-$target: ${budget[*]}"
    # Inputs up to 64 KiB; a case that takes 10 s or 2 GiB is a finding too.
    # Leak checks are off (per input and at exit): the Swift runtime and Foundation keep metadata
    # and caches for the process's life, which LeakSanitizer reports; growth shows in -rss_limit_mb.
    if ! ASAN_OPTIONS=detect_leaks=0 "$bin/fuzz-$target" "${budget[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
            -artifact_prefix=".build/fuzz/crashes/$target-" -print_final_stats=1 \
            ".build/fuzz/corpus/$target" "Fixtures/fuzz/$target" 2>&1 | tail -n 12; then
        status=1
    fi
    if ls .build/fuzz/crashes/"$target"-* >/dev/null 2>&1; then
        echo "fuzz-$target found a crash: $(ls .build/fuzz/crashes/"$target"-*)"
        status=1
    fi
done
exit $status
