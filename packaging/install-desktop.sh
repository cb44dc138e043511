#!/bin/sh
# Install this bundle's desktop entry and icon for the current user (no root needed):
#   ~/.local/share/applications/cycle-planner.desktop   (Exec= this folder's cycle-planner)
#   ~/.local/share/icons/hicolor/{scalable,256x256}/apps/cycle-planner.{svg,png}
# The build copies this script into dist/cycle-planner/, so it works on a ward PC that has only the bundle;
# `make install-desktop` runs it from the build. Run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exe="$here/cycle-planner"
if [ ! -x "$exe" ]; then
  echo "error: $exe is missing; run this script from the built dist/cycle-planner folder" >&2
  exit 2
fi
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"
mkdir -p "$apps" "$icons/scalable/apps" "$icons/256x256/apps"
cp "$here/_internal/planner/resources/icons/app.svg" "$icons/scalable/apps/cycle-planner.svg"
cp "$here/_internal/icons/cycle-planner.png" "$icons/256x256/apps/cycle-planner.png"
# Exec with the absolute path, quoted (the desktop entry specification allows spaces inside quotes).
escaped=$(printf '%s' "$exe" | sed -e 's/[\\&|]/\\&/g')
sed -e "s|^Exec=.*|Exec=\"$escaped\" %f|" -e "s|^TryExec=.*||" "$here/_internal/cycle-planner.desktop" \
  > "$apps/cycle-planner.desktop"
chmod 644 "$apps/cycle-planner.desktop" "$icons/scalable/apps/cycle-planner.svg" "$icons/256x256/apps/cycle-planner.png"
# Menus and icon caches pick the new entry up at once where these tools exist; without them, at next login.
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$apps" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$icons" || true; fi
echo "installed $apps/cycle-planner.desktop -> $exe"
