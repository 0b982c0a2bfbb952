# Builds the service's image from the jar that `./mvnw package` leaves in target/.
#   ./mvnw package -DskipTests && docker build -t pattern-catalog .
# The base image is a build argument, so it can be swapped for a local one made without a registry
# (docker/build-base-image.sh makes local/jre:17): docker build --build-arg BASE_IMAGE=local/jre:17 ...
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BASE_IMAGE} AS layers
WORKDIR /build
COPY target/pattern-catalog-*.jar app.jar
# Spring Boot's layers, least likely to change first: a code change rebuilds only the last layer
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${BASE_IMAGE}
RUN groupadd --system --gid 10001 catalog && useradd --system --uid 10001 --gid catalog --no-create-home catalog
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER catalog
EXPOSE 8080
# heap sized from the container's memory limit, not the host's
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# the image has bash but no curl: ask the readiness probe over bash's /dev/tcp
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
	CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 \
		&& printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 \
		&& grep -q "\"status\":\"UP\"" <&3'
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
