#!/bin/sh
# The image's entry point: the service on the JVM, with the AOT cache trained at build time when the
# image has one (STRATA_AOT=off leaves it out), JAVA_OPTS from the environment.
aot=""
if [ "${STRATA_AOT:-on}" != off ] && [ -s /work/aot/app.aot ]; then
  aot="-XX:AOTCache=/work/aot/app.aot"
fi
# shellcheck disable=SC2086
exec java $JAVA_OPTS $aot -jar /work/quarkus-run.jar
