# shellcheck shell=bash
# Shared helpers for bench/run and bench/scale: paths, logging, free ports, timing, starting and stopping servers,
# reading memory, parsing wrk. Sourced, not executed. Needs bash 5 (EPOCHREALTIME).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
CACHE="$BENCH_DIR/.cache"           # everything temporary lives here (gitignored)
mkdir -p "$CACHE/logs"

JDK17_HOME="${BENCH_JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
JDK25_HOME="${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
APP_HOME="$CACHE/app"               # the extracted jar (app.jar + lib/) with app.jsa (JDK 17) and app.aot (JDK 25)
WIREMOCK_VERSION="3.13.2"
WIREMOCK_JAR="$CACHE/wiremock/wiremock-standalone-$WIREMOCK_VERSION.jar"
PRISM_VERSION="5.14.2"
PRISM="$CACHE/prism/node_modules/.bin/prism"

# Credentials of the emulator's default operator (README, "Configuration").
DEFAULT_EMAIL="operator@soracom-mock.test"
DEFAULT_PASSWORD="soracom-mock-password"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

have_jdk25() { [[ -x "$JDK25_HOME/bin/java" ]]; }

# Milliseconds since the epoch, without forking (bash 5).
now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }

# A free TCP port on 127.0.0.1: a random start in 20000-39999, then the first port nobody answers on (bounded).
free_port() {
  local port=$((20000 + RANDOM % 20000)) i
  for ((i = 0; i < 200; i++)); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    port=$((port + 1))
  done
  die "no free port found"
}

# ---- servers ---------------------------------------------------------------------------------------------------------
# Every server is started through start_server, which records its pid; stop_all (the EXIT trap) kills what is left.
declare -a BENCH_PIDS=()

stop_server() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do stop_server "$pid"; done
  BENCH_PIDS=()
}

# Peers, by name:
#   mock-17       soracom-mock, JDK 17, no archive of its own (the JDK's default CDS only)
#   mock-17-cds   soracom-mock, JDK 17, the application CDS archive app.jsa
#   mock-25-aot   soracom-mock, JDK 25, the AOT cache app.aot (the Docker image's launcher)
#   wiremock      WireMock standalone, one static stub (bench/wiremock/mappings)
#   prism         Stoplight Prism, `prism mock` on openapi/soracom-api.yaml
# All soracom-mock variants go through docker/docker-entrypoint.sh, the shipped launcher, which picks the archive
# from JAVA_HOME's feature version; JAVA_OPTS=-Xshare:auto (the JVM's default) makes it use none.
# Sets SERVER_PID. Extra environment for soracom-mock comes from MOCK_ENV (an array of NAME=value), extra JVM options
# from MOCK_JAVA_OPTS (e.g. a class-loading log; they do not change which archive the launcher picks).
declare -a MOCK_ENV=()
MOCK_JAVA_OPTS=""
# The command line of a peer, exec'd so that the pid we keep is the server's own (java or node), not a shell's.
exec_peer() {
  local peer=$1 port=$2
  local mock=(env ${MOCK_ENV[@]+"${MOCK_ENV[@]}"} SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1
              SORACOM_MOCK_HOME="$APP_HOME")
  case "$peer" in
    mock-17)     exec "${mock[@]}" JAVA_HOME="$JDK17_HOME" JAVA_OPTS="-Xshare:auto${MOCK_JAVA_OPTS:+ $MOCK_JAVA_OPTS}" \
                   "$REPO_DIR/docker/docker-entrypoint.sh" ;;
    mock-17-cds) exec "${mock[@]}" JAVA_HOME="$JDK17_HOME" JAVA_OPTS="${MOCK_JAVA_OPTS:-}" "$REPO_DIR/docker/docker-entrypoint.sh" ;;
    mock-25-aot) exec "${mock[@]}" JAVA_HOME="$JDK25_HOME" JAVA_OPTS="${MOCK_JAVA_OPTS:-}" "$REPO_DIR/docker/docker-entrypoint.sh" ;;
    wiremock)    exec "$JDK17_HOME/bin/java" -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$port" \
                   --root-dir "$BENCH_DIR/wiremock" --disable-banner ;;
    prism)       exec "$PRISM" mock --host 127.0.0.1 --port "$port" "$REPO_DIR/openapi/soracom-api.yaml" ;;
    *) echo "unknown peer $peer" >&2; exit 2 ;;
  esac
}
start_server() {
  local peer=$1 port=$2
  ( exec_peer "$peer" "$port" ) </dev/null >"$CACHE/logs/$peer-$port.log" 2>&1 &
  SERVER_PID=$!
  BENCH_PIDS+=("$SERVER_PID")
}

# The request that counts as "answered" for each peer: a real API call that must answer 2xx.
#   soracom-mock: POST /v1/auth with the default operator; WireMock: its stub; Prism: GET /subscribers (no /v1).
probe() {
  local peer=$1 port=$2 base="http://127.0.0.1:$2"
  case "$peer" in
    mock-*) curl -fsS -o /dev/null --max-time 30 -X POST "$base/v1/auth" -H 'Content-Type: application/json' \
              -d "{\"email\":\"$DEFAULT_EMAIL\",\"password\":\"$DEFAULT_PASSWORD\"}" 2>/dev/null ;;
    wiremock) curl -fsS -o /dev/null --max-time 30 "$base/v1/subscribers" 2>/dev/null ;;
    prism) curl -fsS -o /dev/null --max-time 30 "$base/subscribers" \
             -H 'X-Soracom-API-Key: api-bench' -H 'X-Soracom-Token: token-bench' 2>/dev/null ;;
  esac
}

# Polls every 20 ms until the probe succeeds (at most BENCH_START_TIMEOUT s, default 120). Prints the ms between
# $2 (the spawn time from now_ms) and the first successful answer; fails if the server dies or times out.
wait_first_answer() {
  local peer=$1 t0=$2 port=$3 pid=$4 limit=$(( ${BENCH_START_TIMEOUT:-120} * 1000 ))
  while :; do
    if probe "$peer" "$port"; then echo $(( $(now_ms) - t0 )); return 0; fi
    kill -0 "$pid" 2>/dev/null || { log "$peer exited before answering (see $CACHE/logs/$peer-$port.log)"; return 1; }
    (( $(now_ms) - t0 < limit )) || { log "$peer did not answer within $((limit / 1000)) s"; return 1; }
    sleep 0.02
  done
}

# Peak resident memory (VmHWM) and current (VmRSS) of a process, in MB (integer).
vm_mb() { awk -v k="$2:" '$1 == k { printf "%d\n", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

# ---- wrk --------------------------------------------------------------------------------------------------------------
# Parses wrk --latency output on stdin into "rps p99_ms non2xx".
parse_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000;
                     if (v ~ /m$/) return v * 60000; return v }
    /^ *99%/ { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    END { printf "%.0f %.2f %d\n", rps, p99, non2xx }'
}

# Median of numbers (one per argument); "n/a" when none.
median() {
  (( $# )) || { echo "n/a"; return; }
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2];
                                        else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# ---- soracom-mock API helpers -----------------------------------------------------------------------------------------
# Sandbox sign-up on a running soracom-mock; sets API_KEY, TOKEN, OPERATOR_ID.
sandbox_init() {
  local base=$1 email="bench-$RANDOM$RANDOM@example.com" out
  out=$(curl -fsS --max-time 30 -X POST "$base/v1/sandbox/init" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"Bench-p4ssword!\",\"authKeyId\":\"keyId-bench\",\"authKey\":\"secret-bench\",
         \"coverageTypes\":[\"jp\"],\"registerPaymentMethod\":true}") || die "POST /v1/sandbox/init failed"
  API_KEY=$(jq -r .apiKey <<<"$out"); TOKEN=$(jq -r .token <<<"$out"); OPERATOR_ID=$(jq -r .operatorId <<<"$out")
  SANDBOX_EMAIL=$email; SANDBOX_PASSWORD='Bench-p4ssword!'
}

# curl with the operator's credentials; writes headers to $CACHE/last-headers and the body to stdout.
api() {
  local method=$1 base=$2 path=$3; shift 3
  curl -sS --max-time 60 -X "$method" "$base$path" -D "$CACHE/last-headers" \
    -H "X-Soracom-API-Key: $API_KEY" -H "X-Soracom-Token: $TOKEN" -H 'Content-Type: application/json' "$@"
}
last_was_fallback() { grep -qi '^X-Soracom-Mock-Fallback:' "$CACHE/last-headers"; }
last_status() { awk 'toupper($1) ~ /^HTTP/ { s = $2 } END { print s }' "$CACHE/last-headers"; }
