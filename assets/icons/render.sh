#!/bin/sh
# Renders the PNG sizes and the Windows .ico from the SVG. Run after editing
# hicolor/scalable/apps/frontline.svg (needs librsvg2-bin and icoutils), then commit.
set -eu
cd "$(dirname "$0")"
for n in 16 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${n}x${n}/apps"
  rsvg-convert -w "$n" -h "$n" hicolor/scalable/apps/frontline.svg -o "hicolor/${n}x${n}/apps/frontline.png"
done
# 256 px as PNG inside the .ico (Vista and later), the small sizes as bitmaps.
icotool -c -o frontline.ico hicolor/16x16/apps/frontline.png hicolor/24x24/apps/frontline.png \
  hicolor/32x32/apps/frontline.png hicolor/48x48/apps/frontline.png hicolor/64x64/apps/frontline.png \
  -r hicolor/256x256/apps/frontline.png
