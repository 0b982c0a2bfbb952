# Builds the service's image from the jar that `./mvnw package` leaves in target/.
#   ./mvnw package -DskipTests && docker build -t pattern-catalog .
# Run it with at least 512 MB of memory: docker run -m 512m -p 8080:8080 pattern-catalog
# The base image is a build argument, so it can be swapped for a local one made without a registry
# (docker/build-base-image.sh makes local/jre:17): docker build --build-arg BASE_IMAGE=local/jre:17 ...
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BASE_IMAGE} AS layers
WORKDIR /build
COPY target/pattern-catalog-*.jar app.jar
# Spring Boot's layers, least likely to change first: a code change rebuilds only the last layer.
# Extracted without the launcher: app.jar then names its libraries in its manifest, which class data sharing needs.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM ${BASE_IMAGE}
RUN groupadd --system --gid 10001 catalog && useradd --system --uid 10001 --gid catalog --no-create-home catalog
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# Sized for a 512 MB container, 40 % of it for the heap: the JVM needs about 160 MB besides it, and a thousand lab
# fan-outs keep up to 90 MB live. The heap starts full, the parallel collector with half of it young (a lab run lives
# 200 ms), two malloc arenas and the native heap trimmed every 5 s: each chosen by measurement, recorded in
# src/benchmark/README.md ("Measurements behind the configuration").
# spring.aot.enabled: the application context is wired by code that `./mvnw package` generated ahead of time, not by
# scanning classes and evaluating conditions at startup (src/docs/container.md says what that fixes at build time).
ENV JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=40 -XX:MaxRAMPercentage=40 -XX:+UseParallelGC -XX:NewRatio=1 -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=5000 -Dspring.aot.enabled=true" \
	MALLOC_ARENA_MAX=2
# Class data sharing: a training run that stops once the application context is refreshed records the classes
# it loaded; starting from that archive took readiness from about 8.1 s to 5.7 s on the development machine.
RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar --logging.level.root=warn
USER catalog
EXPOSE 8080
# the image has bash but no curl: ask the readiness probe over bash's /dev/tcp
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
	CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 \
		&& printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 \
		&& grep -q "\"status\":\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-jar", "app.jar"]
