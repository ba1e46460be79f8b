#!/usr/bin/env bash
# Extract the app's strings, apply the Korean dictionary and build the .qm Qt loads:
#
#   bash packaging/translations.sh          # rewrite resources/translations/logreg_studio_ko.ts and .qm
#   bash packaging/translations.sh --check  # change nothing; fail if a string lacks Korean
#
# 1. pyside6-lupdate over gui/, core/ and main.py into a temporary .ts: a cross-check only
#    (its Python parser misses the app's _tr() helpers and translate aliases);
# 2. resources/translations/update_ts.py: finds every string (self.tr, translate, _tr helpers,
#    QT_TRANSLATE_NOOP), writes the .ts with the translations of ko_messages.py, and fails when
#    one breaks a placeholder, an HTML tag or a mnemonic;
# 3. pyside6-lrelease: the .ts becomes the .qm that gui/i18n.py installs.
# Run it again whenever strings change; the .qm is checked in (tests/gui/test_i18n.py fails
# when it is older than the .ts).
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
bin=.venv/bin
folder=resources/translations
check=0
[ "${1:-}" = "--check" ] && check=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t sources < <(find gui core -name '*.py' -not -path '*/__pycache__/*' | sort; echo main.py)
"$bin/pyside6-lupdate" -silent -extensions py "${sources[@]}" -ts "$tmp/lupdate.ts"

for ts_lang in ko; do
  if [ "$check" = 1 ]; then
    "$py" "$folder/update_ts.py" --lang "$ts_lang" --lupdate-ts "$tmp/lupdate.ts" --check
    continue
  fi
  "$py" "$folder/update_ts.py" --lang "$ts_lang" --lupdate-ts "$tmp/lupdate.ts"
  "$bin/pyside6-lrelease" -silent "$folder/logreg_studio_$ts_lang.ts" -qm "$folder/logreg_studio_$ts_lang.qm"
  echo "translations: $folder/logreg_studio_$ts_lang.qm"
done
