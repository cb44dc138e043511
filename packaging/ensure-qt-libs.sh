#!/usr/bin/env bash
# Qt's wheels bring Qt itself but not the system libraries it links against (EGL, fontconfig,
# xkbcommon, and for a real X11 window the xcb helper libraries). This finds the ones missing on
# this machine by asking the dynamic linker about Qt's own binaries, installs them with apt-get when
# that is possible without a password, and otherwise prints the exact command to run.
#   ensure-qt-libs.sh VENV|BUNDLE [--offscreen]   (--offscreen: only what headless tests need)
# BUNDLE: the built dist/cycle-planner folder, whose Qt is in _internal/PySide6/Qt (a ward PC's check).
set -u
venv=${1:?usage: ensure-qt-libs.sh VENV|BUNDLE [--offscreen]}
mode=${2:-window}
qt=$(ls -d "$venv"/lib/python3*/site-packages/PySide6/Qt "$venv"/_internal/PySide6/Qt 2>/dev/null | head -n 1)
[ -n "$qt" ] || exit 0
[ "$(uname -s)" = Linux ] || exit 0
command -v ldd >/dev/null 2>&1 || exit 0

binaries=("$qt/plugins/platforms/libqoffscreen.so" "$qt/lib/libQt6Gui.so.6" "$qt/lib/libQt6Widgets.so.6")
if [ "$mode" != --offscreen ]; then
  binaries+=("$qt/plugins/platforms/libqxcb.so" "$qt/lib/libQt6XcbQpa.so.6")
fi
missing=$(for b in "${binaries[@]}"; do [ -e "$b" ] && ldd "$b" 2>/dev/null; done |
  awk '/not found/ {print $1}' | sort -u)
[ -n "$missing" ] || exit 0

declare -A package=(
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libOpenGL.so.0]=libopengl0 [libfontconfig.so.1]=libfontconfig1
  [libfreetype.so.6]=libfreetype6 [libxkbcommon.so.0]=libxkbcommon0 [libxkbcommon-x11.so.0]=libxkbcommon-x11-0
  [libdbus-1.so.3]=libdbus-1-3 [libX11.so.6]=libx11-6 [libX11-xcb.so.1]=libx11-xcb1 [libxcb.so.1]=libxcb1
  [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-image.so.0]=libxcb-image0
  [libxcb-keysyms.so.1]=libxcb-keysyms1 [libxcb-randr.so.0]=libxcb-randr0 [libxcb-render.so.0]=libxcb-render0
  [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-shape.so.0]=libxcb-shape0 [libxcb-shm.so.0]=libxcb-shm0
  [libxcb-sync.so.1]=libxcb-sync1 [libxcb-util.so.1]=libxcb-util1 [libxcb-xfixes.so.0]=libxcb-xfixes0
  [libxcb-xkb.so.1]=libxcb-xkb1 [libxcb-xinerama.so.0]=libxcb-xinerama0 [libglib-2.0.so.0]=libglib2.0-0
)
packages=()
unknown=()
for lib in $missing; do
  if [ -n "${package[$lib]:-}" ]; then packages+=("${package[$lib]}"); else unknown+=("$lib"); fi
done

echo "Qt needs system libraries this machine lacks: $(echo $missing | tr '\n' ' ')"
if [ ${#packages[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
  fi
  if [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; then
    echo "Installing ${packages[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null && exit 0
    echo "apt-get could not install them."
  fi
  echo "Install them with: sudo apt-get install ${packages[*]}"
fi
[ ${#unknown[@]} -eq 0 ] || echo "Also missing (install the package that provides them): ${unknown[*]}"
# Not fatal: the app explains itself if it cannot open a window, and headless tests may still run.
exit 0
