#!/usr/bin/env bash
# Renders the committed icon files from resources/icons/chat.kith.Kith.svg. Run it after changing
# the artwork and commit the results: Windows and macOS builds have no SVG renderer to hand.
# Needs rsvg-convert (librsvg2-bin) and ImageMagick's convert (for the Windows .ico).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
svg="$root/resources/icons/chat.kith.Kith.svg"
out="$root/resources/icons"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" "$svg" -o "$out/kith-$s.png"
done
convert "$out/kith-16.png" "$out/kith-24.png" "$out/kith-32.png" "$out/kith-48.png" \
  "$out/kith-64.png" "$out/kith-256.png" "$root/packaging/windows/kith.ico"
