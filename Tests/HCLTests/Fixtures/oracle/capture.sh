#!/bin/sh
# Re-captures expected.json from Terraform: each attribute NAME of cases.hcl becomes
# `jsonencode(local.NAME)` in a throwaway root module. Needs `terraform` (no providers).
# Usage: sh Tests/HCLTests/Fixtures/oracle/capture.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "locals {"
  grep -v '^#' "$here/cases.hcl"
  echo "}"
  grep -oE '^[a-z][a-z0-9_]* +=' "$here/cases.hcl" | tr -d ' =' | while read -r name; do
    echo "output \"$name\" { value = jsonencode(local.$name) }"
  done
} > "$work/main.tf"
cd "$work"
terraform init -input=false >/dev/null
terraform plan -input=false -out=plan.bin >/dev/null
terraform show -json plan.bin | python3 -c '
import json, sys
outputs = json.load(sys.stdin)["planned_values"]["outputs"]
print(json.dumps({name: outputs[name]["value"] for name in sorted(outputs)}, indent=1, sort_keys=True))
' > "$here/expected.json"
echo "captured $(grep -c '": ' "$here/expected.json") cases into $here/expected.json"
