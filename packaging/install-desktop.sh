#!/usr/bin/env bash
# Put Logistic Regression Studio in the current user's application menu (freedesktop: GNOME,
# KDE, Xfce, ...), or take it out again. Nothing outside $XDG_DATA_HOME (~/.local/share) changes.
#
#   packaging/install-desktop.sh                # launch the build: dist/logreg-studio/logreg-studio
#   packaging/install-desktop.sh --from-source  # launch this checkout: .venv/bin/python main.py
#   packaging/install-desktop.sh --exec PATH    # launch any executable (e.g. the one-file build)
#   packaging/install-desktop.sh --uninstall    # remove the menu entry and the icons
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=logreg-studio
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
icons=$data/icons/hicolor
sizes="16 24 32 48 64 128 256 512"

usage() { sed -n '2,9s/^# \{0,1\}//p' "$0"; }

mode=dist
exe=""
while [ $# -gt 0 ]; do
  case $1 in
    --from-source) mode=source ;;
    --uninstall) mode=uninstall ;;
    --exec) mode=exec; exe=${2:?--exec needs a path}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-desktop: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

refresh() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$icons" ]; then
    gtk-update-icon-cache -q -t -f "$icons" 2>/dev/null || true
  fi
}

# Quote one argument for a desktop entry's Exec key (spec: "Exec key", quoting rules).
quote() {
  local s=${1//%/%%}
  case $s in
    *[[:space:]\"\'\\\$\`\<\>\~\|\&\;\*\?\#\(\)]*)
      s=${s//\\/\\\\\\\\}; s=${s//\"/\\\\\"}; s=${s//\$/\\\\\$}; s=${s//\`/\\\\\`}
      printf '"%s"' "$s" ;;
    *) printf '%s' "$s" ;;
  esac
}

if [ "$mode" = uninstall ]; then
  rm -f "$apps/$name.desktop" "$icons/scalable/apps/$name.svg"
  for s in $sizes; do rm -f "$icons/${s}x${s}/apps/$name.png"; done
  refresh
  echo "install-desktop: removed $apps/$name.desktop and the icons"
  exit 0
fi

case $mode in
  dist)
    exe=$root/dist/$name/$name
    [ -x "$exe" ] || exe=$root/dist/$name  # the one-file build, when that is what is there
    if [ ! -x "$exe" ] || [ -d "$exe" ]; then
      echo "install-desktop: no build in $root/dist; run 'bash packaging/build.sh' first," \
        "or use --from-source" >&2
      exit 1
    fi
    exec_line="$(quote "$exe") %f"; try_exec=$exe; workdir="" ;;
  exec)
    exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")
    [ -x "$exe" ] && [ ! -d "$exe" ] || { echo "install-desktop: $exe is not executable" >&2; exit 1; }
    exec_line="$(quote "$exe") %f"; try_exec=$exe; workdir="" ;;
  source)
    py=$root/.venv/bin/python
    [ -x "$py" ] || { echo "install-desktop: no $py; run 'bash .ci/setup' first" >&2; exit 1; }
    exec_line="$(quote "$py") $(quote "$root/main.py") %f"; try_exec=$py; workdir=$root ;;
esac

mkdir -p "$apps"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    Exec=*)
      printf 'Exec=%s\n' "$exec_line"
      printf 'TryExec=%s\n' "$try_exec"
      [ -n "$workdir" ] && printf 'Path=%s\n' "$workdir" ;;
    TryExec=*|Path=*) ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$root/packaging/$name.desktop" >"$tmp"
install -m 644 "$tmp" "$apps/$name.desktop"

for s in $sizes; do
  install -D -m 644 "$root/resources/icons/$name-$s.png" "$icons/${s}x${s}/apps/$name.png"
done
install -D -m 644 "$root/resources/icons/$name.svg" "$icons/scalable/apps/$name.svg"
refresh
echo "install-desktop: installed $apps/$name.desktop (Exec=$exec_line)"
