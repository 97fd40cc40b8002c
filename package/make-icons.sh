#!/usr/bin/env bash
# Regenerate every raster app icon from the SVG masters in icons/.
#
#   package/make-icons.sh
#
# Writes (and the repository commits):
#   icons/socket-monitor-{16,24,32,48,64,128,256,512}.png
#   icons/socket-monitor.ico    16, 24, 32, 48, 64, 128, 256 px (Windows, jpackage --icon)
#   icons/socket-monitor.icns   16, 32, 48, 128, 256, 512 px  (macOS, jpackage --icon)
#   src/main/resources/io/socketmonitor/icons/  the 16..256 PNGs and the SVG master,
#                                               loaded by the window at run time
#
# 16 and 24 px come from icons/socket-monitor-small.svg (tile to the edge,
# heavier strokes on a pixel grid); the other sizes from icons/socket-monitor.svg.
# Needs rsvg-convert (librsvg2-bin), ImageMagick and png2icns (icnsutils);
# missing ones are installed with apt-get. Safe to run again: output is
# overwritten with identical files.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
icons="$root/icons"
res="$root/src/main/resources/io/socketmonitor/icons"
master="$icons/socket-monitor.svg"
small="$icons/socket-monitor-small.svg"

# Prints the path of a real ImageMagick 'convert' (a stand-in or an
# unrelated 'convert' earlier on PATH is skipped), or nothing.
find_imagemagick() {
  local c
  for c in magick convert-im6.q16 convert /usr/bin/convert; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
      command -v "$c"
      return 0
    fi
  done
}

need=()
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
command -v png2icns >/dev/null 2>&1 || need+=(icnsutils)
[ -n "$(find_imagemagick)" ] || need+=(imagemagick)
if [ "${#need[@]}" -gt 0 ]; then
  echo "make-icons: installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
im="$(find_imagemagick)"
[ -n "$im" ] || { echo "make-icons: ImageMagick not found" >&2; exit 1; }

png() { echo "$icons/socket-monitor-$1.png"; }

for size in 16 24 32 48 64 128 256 512; do
  src="$master"
  [ "$size" -le 24 ] && src="$small"
  rsvg-convert --width "$size" --height "$size" --format png "$src" --output "$(png "$size")"
done

# Windows .ico: one entry per size, 32-bit colour with alpha.
ico_sizes=()
for s in 16 24 32 48 64 128 256; do ico_sizes+=("$(png "$s")"); done
"$im" "${ico_sizes[@]}" -define png:exclude-chunks=date,time "$icons/socket-monitor.ico"

# macOS .icns: png2icns accepts 16, 32, 48, 128, 256, 512 (and 1024) px.
icns_sizes=()
for s in 16 32 48 128 256 512; do icns_sizes+=("$(png "$s")"); done
png2icns "$icons/socket-monitor.icns" "${icns_sizes[@]}" >/dev/null

# Run-time copies for Window.setIconImages / FlatSVGIcon.
mkdir -p "$res"
for size in 16 32 48 64 128 256; do
  cp "$(png "$size")" "$res/"
done
cp "$master" "$res/"

echo "make-icons: wrote $(ls "$icons" | wc -l) files in icons/ and $(ls "$res" | wc -l) in ${res#"$root"/}"
