#!/bin/sh
# Re-captures errors.expected: for each line of errors.txt, the first error Terraform's console
# reports (summary TAB detail), with the locals of cases.hcl in scope. Needs `terraform`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ echo "locals {"; grep -v '^#' "$here/cases.hcl"; echo "}"; } > "$work/main.tf"
cd "$work"
terraform init -input=false >/dev/null 2>&1
: > "$here/errors.expected"
while IFS= read -r expression; do
  echo "$expression" | terraform console 2>&1 | python3 -c '
import sys, re
text = re.sub(r"\x1b\[[0-9;]*m", "", sys.stdin.read())
lines = [re.sub(r"^│ ?", "", l) for l in text.splitlines()]
summary = detail = ""
for i, l in enumerate(lines):
    if l.startswith("Error: "):
        summary = l[len("Error: "):]
        body = []
        for x in lines[i+1:]:
            if x.startswith("╵") or x.startswith("╷"):
                break
            if x.strip() and not x.startswith("  on ") and "source code not available" not in x:
                body.append(x.strip())
        detail = " ".join(body)
        break
print(summary + "\t" + detail)
' >> "$here/errors.expected"
done < "$here/errors.txt"
echo "captured $(wc -l < "$here/errors.expected") error cases"
