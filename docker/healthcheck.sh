#!/usr/bin/env bash
# Container health check that needs no curl or wget: a raw HTTP/1.0 request over bash's /dev/tcp.
# Healthy (exit 0) iff GET /actuator/health/readiness answers 200 on the server's port
# (MANAGEMENT_SERVER_PORT when actuator has its own port, else SERVER_PORT, else 8080).
set -uo pipefail

port="${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}}"
host="${SORACOM_MOCK_HEALTH_HOST:-127.0.0.1}"

{ exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-

# Status line "HTTP/1.1 200 " (Tomcat sends no reason phrase): drop the CR, then look for " 200 ".
status="${status%$'\r'} "
[[ "$status" == HTTP/*" 200 "* ]]
