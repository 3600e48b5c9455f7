#!/usr/bin/env bash
# Installs the engines the Spark and PostgreSQL tests run against, skipping what is there, so
# a second run costs nothing:
#
#     scale/install-engines.sh [spark] [postgres]
#
# spark:    Java 17 or later (Debian's openjdk-17-jre-headless) and pyspark 4 from PyPI in a
#           virtual environment at ${XDG_CACHE_HOME:-$HOME/.cache}/dossier/pyspark-4, whose
#           bin/ holds spark-submit.
# postgres: Debian's postgresql (initdb and pg_ctl in /usr/lib/postgresql/*/bin).
#
# Debian packages need root; the tests call this when an engine is missing, and .ci/run calls
# it before the tests. Exits non-zero, saying why, when an install is impossible.
set -euo pipefail
packages=()
want_spark=false
for engine in "$@"; do
    case "$engine" in
        spark)
            want_spark=true
            java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
            if ! command -v java >/dev/null || ! [ "$(java_major)" -ge 17 ] 2>/dev/null; then
                packages+=(openjdk-17-jre-headless)
            fi
            ;;
        postgres)
            if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
                packages+=(postgresql)
            fi
            ;;
        *)
            echo "install-engines: unknown engine '$engine' (use spark, postgres)" >&2
            exit 2
            ;;
    esac
done
if [ ${#packages[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install-engines: installing ${packages[*]} needs root (apt-get)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
if $want_spark; then
    venv="${XDG_CACHE_HOME:-$HOME/.cache}/dossier/pyspark-4"
    if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
        rm -rf "$venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q 'pyspark>=4,<5'
    fi
fi
