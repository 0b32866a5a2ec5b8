# shellcheck shell=bash
# The package traits scripts/test, scripts/release and scripts/fuzz build with, so that they share
# one build (SwiftPM recompiles the project's own modules when the traits change):
#   PostgreSQL  the PostgreSQL history engine (postgres-nio, SwiftNIO, BoringSSL: minutes to compile)
# DRIFT_TRAITS="" builds without it, as the plain `swift build` and scripts/demo do.
DRIFT_TRAITS=${DRIFT_TRAITS-PostgreSQL}
TRAIT_FLAGS=()
if [ -n "$DRIFT_TRAITS" ]; then TRAIT_FLAGS=(--traits "$DRIFT_TRAITS"); fi
