#!/usr/bin/env bash
# Starts soracom-mock. The image's ENTRYPOINT, and what .ci/run starts outside Docker.
#
# Configuration is by environment only: SERVER_PORT, SORACOM_MOCK_* (see README), JAVA_OPTS (extra JVM options, after
# the shipped ones of jvm.options).
#   SORACOM_MOCK_HOME  directory holding the extracted jar (app.jar + lib/) and its archives; default /app
#   SORACOM_MOCK_JAR   fat jar to run when SORACOM_MOCK_HOME holds no app.jar (e.g. target/soracom-mock-*.jar)
# Start-up archive, best first: the JDK 25 AOT cache (app.aot, trained when the image is built), a CDS archive
# (app.jsa), none. Archives are tied to the JVM build and the exact jar paths; a stale one is reported by the JVM
# and ignored, so the server still starts (see docs/adr/0003-start-up-budget.md).
set -euo pipefail

home="${SORACOM_MOCK_HOME:-/app}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Feature version of the JVM (17, 25, …): from $JAVA_HOME/release when there is one, else from `java -version`.
java_feature() {
  local v=""
  if [[ -n "${JAVA_HOME:-}" && -r "$JAVA_HOME/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$JAVA_HOME/release")
  fi
  if [[ -z "$v" ]]; then
    v=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "${v:-0}"
}

# The shipped JVM settings: $home/jvm.options, else the one next to this script (a checkout). A collector chosen in
# JAVA_OPTS replaces the file's (the JVM refuses two).
options=()
options_file="$home/jvm.options"
[[ -f "$options_file" ]] || options_file="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jvm.options"
if [[ -f "$options_file" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%%#*}"; line="${line//[[:space:]]/}"
    [[ -z "$line" ]] && continue
    if [[ "$line" == -XX:+Use*GC && "${JAVA_OPTS:-}" == *-XX:+Use*GC* ]]; then continue; fi
    options+=("$line")
  done < "$options_file"
fi

if [[ -f "$home/app.jar" ]]; then
  archive=()
  if [[ "${JAVA_OPTS:-}" == *-Xshare:* || "${JAVA_OPTS:-}" == *-XX:SharedArchiveFile* \
        || "${JAVA_OPTS:-}" == *-XX:AOTCache* ]]; then
    : # JAVA_OPTS chooses the archive itself (the JVM refuses -XX:AOTCache next to -Xshare:…)
  elif [[ -f "$home/app.aot" ]] && (( $(java_feature) >= 25 )); then
    archive=("-XX:AOTCache=$home/app.aot")
  elif [[ -f "$home/app.jsa" ]]; then
    archive=("-XX:SharedArchiveFile=$home/app.jsa")
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options: split on purpose
  exec "$java" ${options[@]+"${options[@]}"} ${JAVA_OPTS:-} ${archive[@]+"${archive[@]}"} -jar "$home/app.jar" "$@"
fi

if [[ -n "${SORACOM_MOCK_JAR:-}" && -f "$SORACOM_MOCK_JAR" ]]; then
  # shellcheck disable=SC2086
  exec "$java" ${options[@]+"${options[@]}"} ${JAVA_OPTS:-} -jar "$SORACOM_MOCK_JAR" "$@"
fi

echo "docker-entrypoint.sh: no $home/app.jar and no SORACOM_MOCK_JAR file to run" >&2
exit 1
