#!/usr/bin/env bash
# Build Logistic Regression Studio with PyInstaller (logreg-studio.spec), then prove the build
# works: run its --self-test, print its size, and fail when the self-test fails.
#
#   bash packaging/build.sh              # onedir: dist/logreg-studio/logreg-studio
#   bash packaging/build.sh --onefile    # one file: dist/logreg-studio (replaces the onedir)
#
# Options:
#   --skip-setup    do not run `bash .ci/setup --dev` first (the .venv is already in place)
#   --no-self-test  only build
#   --measure       also time launch-to-window of the build and of the source (needs Xvfb)
# Environment: DIST (output folder, default dist), LOGREG_STUDIO_NO_SLIM=1 (no exclusions).
set -euo pipefail
cd "$(dirname "$0")/.."
name=logreg-studio
onefile=0 setup=1 selftest=1 measure=0
for arg in "$@"; do
  case $arg in
    --onefile) onefile=1 ;;
    --skip-setup) setup=0 ;;
    --no-self-test) selftest=0 ;;
    --measure) measure=1 ;;
    -h|--help) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "build: unknown option $arg" >&2; exit 2 ;;
  esac
done

[ "$setup" = 1 ] && bash .ci/setup --dev
py=.venv/bin/python
dist=${DIST:-dist}
if [ "$onefile" = 1 ]; then
  mode=onefile; exe=$dist/$name; spec_args=(-- --onefile)
  [ -d "$exe" ] && rm -rf "$exe"  # the onedir build has the same name
else
  mode=onedir; exe=$dist/$name/$name; spec_args=()
  [ -f "$dist/$name" ] && rm -f "$dist/$name"
fi

# The .qm files the bundle ships (and whose languages keep Qt's own qtbase_<lang>.qm).
for ts in resources/translations/logreg_studio_*.ts; do
  [ -e "$ts" ] || continue
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done

echo "== build ($mode) with PyInstaller $($py -m PyInstaller --version)"
start=$SECONDS
$py -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" \
  --workpath "build/pyinstaller-$mode" "$name.spec" "${spec_args[@]}"
echo "build: took $((SECONDS - start)) s"
[ -x "$exe" ] || { echo "build: $exe was not produced" >&2; exit 1; }

if [ "$mode" = onedir ]; then size=$(du -sh "$dist/$name" | cut -f1); else size=$(du -sh "$exe" | cut -f1); fi
echo "build: $exe ($mode), $size"

status=0
if [ "$selftest" = 1 ]; then
  echo "== frozen self-test"
  if QT_QPA_PLATFORM=offscreen LOGREG_STUDIO_NO_CRASH_DIALOG=1 timeout 300 "$exe" --self-test; then
    echo "build: self-test passed"
  else
    status=$?
    echo "build: self-test FAILED (exit status $status)" >&2
  fi
fi

if [ "$measure" = 1 ]; then
  echo "== launch to window (median of 5, Xvfb)"
  $py packaging/measure_startup.py --runs 5 -- "$exe" || status=$?
  $py packaging/measure_startup.py --runs 5 -- "$py" main.py || status=$?
fi

echo "build: $mode bundle size $size"
exit "$status"
