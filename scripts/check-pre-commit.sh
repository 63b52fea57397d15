#!/usr/bin/env bash
# The pre-commit hook as a filer's repository uses it, with the real pre-commit framework and the
# README's own configuration (files: ^filings/, which in pre-commit replaces the hook's pattern):
# installed from a clone of this repository at its HEAD, it lets a valid filing with attachments
# (PDFs) and a list kept as CSV be committed, blocks a broken one with the finding, and lets the fix
# through. Run by .ci/run; needs git, pre-commit and a clean checkout (pre-commit clones the
# committed HEAD, not the working tree).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="$(git -C "$repo" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="${TAISEI_PRE_COMMIT_HOME:-$work/cache}" LANG=C
filer="$work/filer"
mkdir -p "$filer"
cd "$filer"
git init -q
git config user.email ci@example.invalid
git config user.name ci
mkdir -p filings
cp -r "$repo/examples/ippan-15" filings/2024
filing=filings/2024
# the transaction records kept as a CSV sheet, the rest of the section in its YAML
node "$repo/bin/taisei.js" export "$filing" --section transactions --out "$work/transactions.csv" >/dev/null 2>&1
mv "$work/transactions.csv" "$filing/transactions.csv"
sed -i '/^  records:/,$d' "$filing/transactions.yaml"
ls "$filing"/attachments/*.pdf >/dev/null
# the configuration as the README writes it (its repo and rev filled in)
sed -n '/^```yaml$/,/^```$/p' "$repo/README.md" | awk '/^repos:/{on=1} on&&/^```$/{exit} on' \
  | sed "s|<this repository's URL>|$repo|; s|<a tag or commit>|$rev|" > .pre-commit-config.yaml
grep -q 'files: ^filings/' .pre-commit-config.yaml || { echo "check-pre-commit: the README's configuration was not found" >&2; exit 1; }
pre-commit install >/dev/null
started=$(date +%s)
git add -A
git commit -qm "a valid filing" > "$work/out.txt" 2>&1 || { echo "check-pre-commit: the hook refused a valid filing:" >&2; cat "$work/out.txt" >&2; exit 1; }
echo "check-pre-commit: hook installed and passed a valid filing in $(( $(date +%s) - started )) s ($(du -sh "$PRE_COMMIT_HOME" | cut -f1) in the cache)"
sed -i 's/^fiscalYear: .*/fiscalYear: twenty-twenty-four/' "$filing/filing.yaml"
git add -A
if git commit -qm "a broken filing" > "$work/out.txt" 2>&1; then
  echo "check-pre-commit: the hook let a broken filing through" >&2
  exit 1
fi
grep -q 'filing.yaml:.*fiscalYear' "$work/out.txt" || { echo "check-pre-commit: the hook did not say what is wrong:" >&2; cat "$work/out.txt" >&2; exit 1; }
echo "check-pre-commit: blocked the broken filing: $(grep -m1 'filing.yaml:' "$work/out.txt")"
sed -i 's/^fiscalYear: .*/fiscalYear: 2024/' "$filing/filing.yaml"
echo '# checked again before submission' >> "$filing/filing.yaml"
# a changed attachment and a changed CSV row go through the hook too
echo '%% revised' >> "$filing/attachments/floor-dispatch-03.pdf"
sed -i '2s/出力制御の事前連絡/出力制御の事前連絡（再送）/' "$filing/transactions.csv"
git add -A
git commit -qm "the fix" || { echo "check-pre-commit: the hook refused the fix" >&2; exit 1; }
echo "check-pre-commit: passed the fixed filing"
