#!/usr/bin/env bash
# Installs what Pressroom's build and tests need on Debian 12 with Swift present: the one list of
# system packages, the shared PDF and mail judge tools (shared/tools/setup.sh, shared/tools/mail/setup.sh)
# and pdfminer.six. Idempotent.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${PRESSROOM_SHARED:-$(dirname "$repo")/shared}

packages=(
    pkg-config                                    # SwiftPM resolves the C libraries through it
    libharfbuzz-dev libfreetype-dev libpng-dev zlib1g-dev libdeflate-dev libicu-dev libhyphen-dev
    libzint-dev                                   # barcodes: payment QR codes, Code 128, DataMatrix
    libmimalloc-dev                               # the executable's allocator (Sources/pressroom/Allocator.swift)
    libjemalloc2                                  # preloaded by AllocatorTests, to see the allocator check fail
    libqpdf-dev                                   # reading any producer's PDF for imposition
    icc-profiles-free                             # sRGB.icc, the digital variant's PDF/A output intent
    hyphen-cs hyphen-pl hyphen-uk hyphen-sr hyphen-de hyphen-en-us
    unicode-data                                  # UAX #14 / #9 conformance files
    poppler-utils                                 # pdftotext, pdfinfo, pdftoppm
    ghostscript                                   # tiffsep: the print variant's plates
    librsvg2-bin                                  # rsvg-convert: SVG pages against their PDF
    chromium                                      # the watch preview's browser test (DevTools protocol)
    dnsmasq-base                                  # a DNS server on loopback for the address-check test
    libsqlite3-dev sqlite3                        # the service's embedded job store (GRDB), and its shell for tests
    postgresql                                    # the service's shared job store, started by its tests
)

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x "$shared/tools/setup.sh" ] && [ ! -f "$shared/tools/setup.sh" ]; then
    echo "error: $shared/tools/setup.sh not found: check out shared/ beside the repository or set PRESSROOM_SHARED" >&2
    exit 1
fi
sh "$shared/tools/setup.sh"
# The mail judges: the SMTP sink and mailcheck (MIME, DKIM, SpamAssassin, Chromium screenshots).
sh "$shared/tools/mail/setup.sh"

if ! python3 -c "import pdfminer.high_level, jsonschema, yaml, websocket, facturx, PIL, numpy, standardwebhooks, openapi_spec_validator" 2>/dev/null; then
    echo "Installing pdfminer.six, jsonschema, PyYAML, websocket-client, factur-x, Pillow, numpy, standardwebhooks, openapi-spec-validator"
    log=$(mktemp)
    # Debian's own python3 refuses pip installs outside a virtual environment (as setup.sh does).
    if ! python3 -m pip install -q pdfminer.six jsonschema PyYAML websocket-client factur-x Pillow numpy standardwebhooks openapi-spec-validator >"$log" 2>&1; then
        python3 -m pip install -q --break-system-packages pdfminer.six jsonschema PyYAML websocket-client factur-x Pillow numpy standardwebhooks openapi-spec-validator >"$log" 2>&1 \
            || { cat "$log" >&2; rm -f "$log"; exit 1; }
    fi
    rm -f "$log"
fi
