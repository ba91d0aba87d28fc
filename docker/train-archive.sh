#!/usr/bin/env bash
# Trains a start-up archive for the launcher: runs docker-entrypoint.sh (so the shipped jvm.options apply, as in every
# start) with the archive option given, and the server's training run (lifecycle/TrainingRun): once ready, the server
# sends itself a client's first requests and a few seconds of the reads users repeat, then exits, and the JVM writes
# the archive. Used by docker/Dockerfile, .ci/run and bench/run, so every archive is trained the same way.
#
#   docker/train-archive.sh -XX:AOTCacheOutput=/app/app.aot         # JDK 25: AOT cache (classes, linked)
#   docker/train-archive.sh -XX:ArchiveClassesAtExit=/app/app.jsa   # JDK 17: CDS archive (classes)
#
# Environment: as for docker-entrypoint.sh (SORACOM_MOCK_HOME, JAVA_HOME, JAVA_OPTS after the archive option).
# Listens on a free port (SERVER_PORT=0); the state it makes is in memory and goes with the process. The rate limit
# stays on (its path is part of every request) with a ceiling the training cannot reach.
set -euo pipefail
(( $# == 1 )) || { echo "usage: $0 <-XX:AOTCacheOutput=…|-XX:ArchiveClassesAtExit=…>" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
launcher="$here/docker-entrypoint.sh"
[[ -x "$launcher" ]] || launcher="${SORACOM_MOCK_HOME:-/app}/docker-entrypoint.sh"
archive=$1
# The AOT cache holds classes, not method profiles (JEP 515): the shipped settings run C1 alone, which uses no
# profiles, and without them the cache is ~5 MB smaller (docs/adr/0003).
[[ "$archive" == -XX:AOTCacheOutput=* ]] && archive+=" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
env -u SORACOM_MOCK_DATA_DIR -u SORACOM_MOCK_SEED_DIR -u SPRING_DATASOURCE_URL \
  SERVER_PORT=0 SORACOM_MOCK_TRAINING_RUN=true SORACOM_MOCK_RATE_LIMIT_PER_MINUTE=100000000 \
  JAVA_OPTS="$archive ${JAVA_OPTS:-}" "$launcher"
