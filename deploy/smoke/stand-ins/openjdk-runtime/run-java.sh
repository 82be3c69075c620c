#!/bin/bash
# Stand-in for the UBI image's run-java.sh: only what the Verbatim images use.
set -e
exec java ${JAVA_OPTS:--XX:MaxRAMPercentage=50.0} ${JAVA_OPTS_APPEND} -jar "${JAVA_APP_JAR:?JAVA_APP_JAR is not set}" "$@"
