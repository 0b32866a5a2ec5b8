# shellcheck shell=bash
# A throwaway PostgreSQL server for scripts (scripts/bench-history), as the tests' PostgresServer
# starts one: initdb/pg_ctl of Debian's postgresql-15 into a temporary directory, 127.0.0.1 on a
# free port, SCRAM password over TCP; as `nobody` when run as root (PostgreSQL refuses root).
#   pg_start DIR   sets PG_URL (no password), PGPASSWORD and PG_DIR; pg_stop stops and removes it.
PG_BIN=${DRIFT_PG_BIN:-/usr/lib/postgresql/15/bin}

pg_as() {
    if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; else "$@"; fi
}

pg_start() {
    PG_DIR=$1
    mkdir -p "$PG_DIR"
    PGPASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    export PGPASSWORD
    echo "$PGPASSWORD" >"$PG_DIR/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown -R 65534:65534 "$PG_DIR"; fi
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    (cd "$PG_DIR" && pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U drift --pwfile "$PG_DIR/pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C --no-sync >"$PG_DIR/initdb.log" 2>&1) \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    (cd "$PG_DIR" && pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $PG_DIR" start >/dev/null) || { cat "$PG_DIR/server.log" >&2; return 1; }
    (cd "$PG_DIR" && pg_as "$PG_BIN/createdb" -h "$PG_DIR" -p "$port" -U drift history)
    PG_URL="postgres://drift@127.0.0.1:$port/history"
    PG_PORT=$port
}

pg_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    (cd "$PG_DIR" && pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1) || true
    rm -rf "$PG_DIR"
    PG_DIR=
}
