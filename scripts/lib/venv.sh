# Sourced by the scripts: puts the project's virtual environment (.venv, made by scripts/bootstrap)
# first on PATH, so that `python3`, `moto_server` and boto3 are the ones installed there.
DRIFT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -d "$DRIFT_ROOT/.venv/bin" ]; then
    export PATH="$DRIFT_ROOT/.venv/bin:$PATH"
    export VIRTUAL_ENV="$DRIFT_ROOT/.venv"
fi
