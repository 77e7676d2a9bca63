#!/bin/sh
# A throwaway PostgreSQL cluster for the search benchmark, owned by the `postgres` user.
#   tools/bench/pg_cluster.sh start [DIR] [PORT]   # initdb (first time) and start; socket in DIR
#   tools/bench/pg_cluster.sh stop  [DIR]
# Settings are PostgreSQL's defaults (shared_buffers 128MB, work_mem 4MB), so the peer is measured
# as installed. Development only: diarium never needs PostgreSQL.
set -eu
cmd=${1:?start or stop}
dir=${2:-/tmp/bench_pg}
port=${3:-5499}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
case $cmd in
start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        mkdir -p "$dir"
        chown postgres "$dir"
        su postgres -c "$bin/initdb -D $dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    su postgres -c "$bin/pg_ctl -D $dir/data -l $dir/log -w -o '-p $port -k $dir -c listen_addresses=' start"
    ;;
stop)
    su postgres -c "$bin/pg_ctl -D $dir/data -w stop"
    ;;
*)
    echo "usage: $0 start|stop [DIR] [PORT]" >&2
    exit 2
    ;;
esac
