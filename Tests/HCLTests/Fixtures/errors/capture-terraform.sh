#!/bin/sh
# Re-captures terraform.expected: for each NAME.tf here, the first diagnostic `terraform validate`
# reports (summary, line, column, detail; tab-separated). Needs `terraform`, no providers.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$here/terraform.expected"
for file in "$here"/*.tf; do
  rm -f "$work"/*.tf
  cp "$file" "$work/main.tf"
  (cd "$work" && terraform validate -json 2>/dev/null || true) | python3 -c '
import json, sys
name = sys.argv[1]
first = (json.load(sys.stdin).get("diagnostics") or [{}])[0]
start = first.get("range", {}).get("start", {})
print("\t".join([name, first.get("summary", ""), str(start.get("line", "")), str(start.get("column", "")), first.get("detail", "").replace("\n", "\u23ce")]))
' "$(basename "$file" .tf)" >> "$here/terraform.expected"
done
echo "captured $(wc -l < "$here/terraform.expected") files"
