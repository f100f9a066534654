#!/usr/bin/env bash
# A local single-node Trino for the differential oracle (npm run test:trino) and `--engine trino`.
#
#   scripts/trino.sh start    fetch Trino from Maven Central (once), start it on 127.0.0.1, print its URL;
#                             catalogs: memory, and iceberg over .cache/trino/warehouse
#   scripts/trino.sh status   print the URL of the running Trino (exit 3 when none runs)
#   scripts/trino.sh stop     stop the Trino this script started
#   scripts/trino.sh fetch    only fetch the jars
#
# The jars come from scripts/trino/pom.xml (pinned version) through Maven's local repository (~/.m2) into
# .cache/trino/<version>/lib (ignored by git). The JVM is the first Java >= 24 found: $TRINO_JAVA_HOME, then a Temurin
# 25 under /usr/lib/jvm. TRINO_PORT picks the port (default: a free one). TRINO_AOT=use: never record an AOT cache (below).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION=476
CACHE="${TRINO_CACHE:-$ROOT/.cache/trino}"
# The lib folder's name changes with the artifact set, so a changed pom.xml is fetched anew.
LIB="$CACHE/$VERSION-$(cksum <"$ROOT/scripts/trino/pom.xml" | cut -d' ' -f1)/lib"
PID_FILE="$CACHE/trino.pid"
URL_FILE="$CACHE/trino.url"
LOG_FILE="$CACHE/trino.log"
# Present while the running Trino records an AOT cache (written when it stops).
AOT_PENDING="$CACHE/trino.aot-pending"
# The iceberg catalog's tables; emptied at every start so each run of the oracle begins from nothing.
WAREHOUSE="$CACHE/warehouse"
START_TIMEOUT_S="${TRINO_START_TIMEOUT_S:-180}"

die() { echo "trino.sh: $*" >&2; exit 1; }

java_home() {
  local candidate
  for candidate in "${TRINO_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/temurin-25-jdk "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [ "${major:-0}" -ge 24 ]; then echo "$candidate"; return; fi
  done
  die "Trino $VERSION needs Java 24 or newer: set TRINO_JAVA_HOME (seen: $(ls /usr/lib/jvm 2>/dev/null | tr '\n' ' '))"
}

fetch() {
  [ -f "$LIB/.complete" ] && return
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Trino $VERSION"
  mkdir -p "$LIB"
  local started=$SECONDS
  echo "trino.sh: fetching Trino $VERSION with Maven into $LIB" >&2
  mvn -B -q -f "$ROOT/scripts/trino/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB" >&2 \
    || die "Maven could not fetch Trino $VERSION (see the output above)"
  touch "$LIB/.complete"
  echo "trino.sh: fetched in $((SECONDS - started)) s" >&2
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null && [ -f "$URL_FILE" ] && echo "$pid"
}

# Trino accepts connections before it can plan queries; /v1/info says "starting": false once it can.
answers() {
  node -e 'fetch(process.argv[1] + "/v1/info").then((r) => r.json()).then((i) => process.exit(i.starting ? 1 : 0), () => process.exit(1))' "$1"
}

start() {
  if running_pid >/dev/null; then cat "$URL_FILE"; return; fi
  fetch
  local jdk build oracle_jar
  jdk="$(java_home)"
  # Compiled once per artifact set: the source launcher would compile it at every start.
  build="$(dirname "$LIB")"
  oracle_jar="$build/trino-oracle.jar"
  if [ ! -f "$oracle_jar" ] || [ "$ROOT/scripts/trino/TrinoOracle.java" -nt "$oracle_jar" ]; then
    rm -rf "$build/classes"
    "$jdk/bin/javac" -nowarn -cp "$LIB/*" -d "$build/classes" "$ROOT/scripts/trino/TrinoOracle.java" \
      && "$jdk/bin/jar" cf "$oracle_jar" -C "$build/classes" . || die "cannot compile scripts/trino/TrinoOracle.java"
  fi
  mkdir -p "$CACHE"
  rm -rf "$URL_FILE" "$WAREHOUSE"
  mkdir -p "$WAREHOUSE"
  local started=$SECONDS
  # Start time (measured under the load of 8 parallel sessions on 2 cores, warm ~/.m2 and lib): 49-69 s with the plain
  # flags; an AOT cache (JEP 514: classes loaded and linked ahead of time) and C1 only (-XX:TieredStopAtLevel=1: the
  # oracle runs many small queries, where C2's compile time is not paid back) bring it to 18 s. The cache is
  # recorded by the first run of a JDK and artifact set and written when that Trino stops (see stop); a cache that
  # does not fit the JVM is ignored with a warning (-XX:AOTMode=auto). TRINO_AOT=use takes a cache that exists but
  # never records one: .ci/run sets it, since its start is hidden behind test:aws and a fresh clone's cache would be
  # thrown away, while writing it held the run's end for 135 s at load ~28 (docs/performance.md, branch ci43).
  local aot="$build/trino-$(basename "$jdk").aot" aot_flag=""
  rm -f "$AOT_PENDING"
  if [ -f "$aot" ]; then aot_flag="-XX:AOTCache=$aot"
  elif [ "${TRINO_AOT:-record}" != use ]; then aot_flag="-XX:AOTCacheOutput=$aot"; touch "$AOT_PENDING"; fi
  # The log exists before the JVM opens it: the wait below reads it at once (a missing file failed the start under set -e).
  : >"$LOG_FILE"
  # Flags from Trino's recommended jvm.config; UTC so the session zone matches Athena's.
  nohup "$jdk/bin/java" -Xmx2G -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djdk.attach.allowAttachSelf=true \
    --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED -Duser.timezone=UTC \
    -XX:TieredStopAtLevel=1 ${aot_flag:+"$aot_flag"} \
    -cp "$oracle_jar:$LIB/*" TrinoOracle "${TRINO_PORT:-0}" "$WAREHOUSE" >"$LOG_FILE" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  local url=""
  while [ $((SECONDS - started)) -lt "$START_TIMEOUT_S" ]; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$LOG_FILE" >&2; die "Trino exited while starting (log: $LOG_FILE)"; }
    url="$(sed -n 's/.*TRINO_READY //p' "$LOG_FILE" 2>/dev/null | head -1 || true)"
    if [ -n "$url" ] && answers "$url"; then
      echo "$url" >"$URL_FILE"
      echo "trino.sh: Trino $VERSION answers at $url after $((SECONDS - started)) s (pid $pid, log $LOG_FILE)" >&2
      echo "$url"
      return
    fi
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true
  die "Trino did not answer within $START_TIMEOUT_S s (log: $LOG_FILE)"
}

stop() {
  # The pid file, not running_pid: a Trino interrupted while starting (Ctrl-C in the tier) has no URL yet, and must
  # be stopped all the same.
  local pid=""
  [ -f "$PID_FILE" ] && pid="$(cat "$PID_FILE")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    # No longer offered to `status` (a new tier would use it) while it writes its AOT cache and exits.
    rm -f "$URL_FILE"
    kill "$pid"
    # A first run writes its AOT cache while it exits (about a minute on a loaded machine): wait for it.
    local waits=40
    [ -f "$AOT_PENDING" ] && { waits=1200; echo "trino.sh: Trino is writing its AOT cache for faster starts" >&2; }
    for _ in $(seq 1 "$waits"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$AOT_PENDING"
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "trino.sh: stopped Trino (pid $pid)" >&2
  fi
  rm -f "$PID_FILE" "$URL_FILE"
}

status() {
  if running_pid >/dev/null; then cat "$URL_FILE"; else echo "trino.sh: no Trino running" >&2; exit 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  fetch) fetch ;;
  *) die "usage: scripts/trino.sh start|stop|status|fetch" ;;
esac
