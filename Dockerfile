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
# Memory, measured by src/benchmark/load-benchmark.sh and ContainerImageIT: the JVM needs about 160 MB besides its
# heap (class metadata, compiled code, malloc), and a thousand lab fan-outs in flight over HTTP keep 55 to 90 MB of
# the heap live, so the image is sized for a 512 MB limit with 40 % of it for the heap (with a 128 MB heap that load
# ran into back-to-back full collections; in a 256 MB container it got the container killed). The heap starts at its
# full size: grown on demand, it spent the lab's first minute of load with a small young generation, collecting
# several times a second (a thousand in-process fan-outs at once: about 3 500 runs/s, against about 4 100 when it
# starts full). The parallel collector rather than the serial one the JVM would pick for a small container: on two
# cores its collections of that load paused the service about half as long in all (4.0 s against 7.1 to 7.4 s in
# 30 s of it), for 4 000 to 4 500 runs/s against 2 300 to 4 200 in two comparisons, and 8 MB more resident
# memory. Half the heap for the young generation (NewRatio=1) rather than a third: a lab run lives 200 ms, and with
# the default a thousand runs in flight filled the young generation five times a second, so what was in flight was
# copied at every collection and some of it promoted, until a full collection of about 250 ms. In two interleaved
# pairs of 40 s of in-process fan-outs (a thousand connections, then a hundred): 85-89 young collections instead of
# 144-150, 1.9-2.0 s of pauses instead of 3.0-3.2 s, no full collection instead of two, p99 251-277 ms instead of
# 312-351 ms at a thousand connections and 209 ms instead of 217-221 ms at a hundred. Two malloc arenas instead of
# glibc's eight per core, and the native heap trimmed every 5 s: the JIT compilers' arenas (about 30 MB at their
# peak) are freed after the warm-up but glibc kept the pages, so resident memory 5 s after a load of the lab was
# 352-368 MB with the trim against 391-420 MB without it in four pairs of runs.
# spring.aot.enabled: the application context is wired by code that `./mvnw package` generated ahead of time, not by
# scanning classes and evaluating conditions at startup (see the README on what that fixes at build time).
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
