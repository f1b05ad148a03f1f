#!/usr/bin/env bash
# check_translations.sh LUPDATE LRELEASE SOURCE_DIR [LANGUAGE...]
# Checks that the studio's translations are complete: for every translations/tessera_<LANGUAGE>.ts (all of
# them unless languages are given), lupdate run on the current sources (into a temporary copy) finds no new
# text and drops nothing, the committed file has no unfinished, vanished or obsolete entry, is exactly what
# lupdate writes, and lrelease compiles every message with none untranslated. Prints one line per language
# and fails naming what to do.
set -euo pipefail
lupdate=$1 lrelease=$2 src=$3
shift 3
cd "$src"

languages=("$@")
if ((${#languages[@]} == 0)); then
    for ts in translations/tessera_*.ts; do
        name=${ts##*/tessera_}
        languages+=("${name%.ts}")
    done
fi
if ((${#languages[@]} == 0)); then
    echo "error: no translations/tessera_*.ts" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
    echo "FAIL $1: $2" >&2
    failed=1
}

for language in "${languages[@]}"; do
    ts=translations/tessera_$language.ts
    if [[ ! -f $ts ]]; then
        fail "$language" "$ts does not exist"
        continue
    fi
    copy=$tmp/tessera_$language.ts
    cp "$ts" "$copy"
    # the command of docs/studio.md ("Languages"), on the copy; English, the sources' language, has only the
    # plural forms of its %n texts
    plural=()
    if [[ $language == en ]]; then
        plural=(-pluralonly -source-language en -target-language en)
    fi
    out=$("$lupdate" -I . -locations none -no-obsolete "${plural[@]}" ui app/studio -ts "$copy" 2>&1)
    found=$(sed -nE 's/.*Found ([0-9]+) source text\(s\) \(([0-9]+) new and ([0-9]+) already existing\).*/\1 \2/p' <<<"$out")
    if [[ -z $found ]]; then
        fail "$language" "cannot read lupdate's output:"$'\n'"$out"
        continue
    fi
    read -r total new <<<"$found"
    removed=$(sed -nE 's/.*Removed ([0-9]+) obsolete entries.*/\1/p' <<<"$out")
    # a tr() lupdate cannot tie to a class gets a context the program does not use at run time
    if warnings=$(grep -E 'lacks Q_OBJECT|Cannot invoke tr\(\)|Qualifying with unknown namespace' <<<"$out"); then
        fail "$language" "lupdate cannot tell the translation context of:"$'\n'"$warnings"
    fi
    # (for English lupdate counts every text without a plural as new; a new %n text changes the file below)
    if ((new > 0)) && [[ $language != en ]]; then
        fail "$language" "$new source text(s) are not in $ts: run lupdate (docs/studio.md, Languages) and translate them"
    fi
    if [[ -n $removed && $removed != 0 ]]; then
        fail "$language" "$removed entr(y/ies) of $ts are no longer in the sources: run lupdate"
    fi
    stale=$(grep -cE 'type="(unfinished|vanished|obsolete)"' "$ts" || true)
    if ((stale > 0)); then
        fail "$language" "$stale unfinished, vanished or obsolete entr(y/ies) in $ts"
    fi
    if ! cmp -s "$ts" "$copy"; then
        fail "$language" "$ts is not what lupdate writes for the current sources:"$'\n'"$(diff "$ts" "$copy" | head -20)"
    fi
    rel=$("$lrelease" -verbose "$copy" -qm "$tmp/tessera_$language.qm" 2>&1)
    stats=$(sed -nE 's/.*Generated ([0-9]+) translation\(s\) \(([0-9]+) finished and ([0-9]+) unfinished\).*/\1 \2 \3/p' <<<"$rel")
    if [[ -z $stats ]]; then
        fail "$language" "cannot read lrelease's output:"$'\n'"$rel"
        continue
    fi
    read -r generated finished unfinished <<<"$stats"
    untranslated=$(sed -nE 's/.*Ignored ([0-9]+) untranslated source text\(s\).*/\1/p' <<<"$rel")
    untranslated=${untranslated:-0}
    echo "$language: $total source texts, $generated translations ($finished finished, $unfinished unfinished), $untranslated untranslated"
    if ((unfinished > 0 || untranslated > 0)); then
        fail "$language" "$((unfinished + untranslated)) text(s) without a finished translation"
    fi
done
exit $failed
