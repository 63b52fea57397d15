#!/usr/bin/env bash
# The pre-commit hook as a filer's repository uses it, with the real pre-commit framework: installed
# from a clone of this repository at its HEAD, it lets a valid filing be committed, blocks a broken
# one with the finding, and lets the fix through. Run by .ci/run; needs git, pre-commit and a
# clean checkout (pre-commit clones the committed HEAD, not the working tree).
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
cp -r "$repo/examples/soden-13" filing
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: taisei-validate
YAML
pre-commit install >/dev/null
started=$(date +%s)
git add -A
git commit -qm "a valid filing" || { echo "check-pre-commit: the hook refused a valid filing" >&2; exit 1; }
echo "check-pre-commit: hook installed and passed a valid filing in $(( $(date +%s) - started )) s ($(du -sh "$PRE_COMMIT_HOME" | cut -f1) in the cache)"
sed -i 's/^fiscalYear: .*/fiscalYear: twenty-twenty-four/' filing/filing.yaml
git add -A
if git commit -qm "a broken filing" > "$work/out.txt" 2>&1; then
  echo "check-pre-commit: the hook let a broken filing through" >&2
  exit 1
fi
grep -q 'filing.yaml:.*fiscalYear' "$work/out.txt" || { echo "check-pre-commit: the hook did not say what is wrong:" >&2; cat "$work/out.txt" >&2; exit 1; }
echo "check-pre-commit: blocked the broken filing: $(grep -m1 'filing.yaml:' "$work/out.txt")"
sed -i 's/^fiscalYear: .*/fiscalYear: 2024/' filing/filing.yaml
echo '# checked again before submission' >> filing/filing.yaml
git add -A
git commit -qm "the fix" || { echo "check-pre-commit: the hook refused the fix" >&2; exit 1; }
echo "check-pre-commit: passed the fixed filing"
