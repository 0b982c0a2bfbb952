# Sourced by the benchmarks, from the project's root: applications started the way the image starts the service.

# the image's JVM options, sized for the 512 MB container it is meant to run in
JAVA_OPTS=${JAVA_OPTS:-$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile) -XX:MaxRAM=512m}
export MALLOC_ARENA_MAX=2

# build_service: the service's executable jar, built without its tests; prints its path
build_service() {
	./mvnw -B -q -DskipTests package >&2 || return
	ls target/pattern-catalog-*.jar | grep -v plain | head -n 1
}

# prepare_app JAR DIR: as in the Dockerfile, the jar extracted beside its libraries and a class data sharing archive
# of a training run (DIR/app.jsa); prints the extracted jar's path, fails if either step does
prepare_app() {
	local jar=$1 dir=$2 app
	java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" > /dev/null || return
	app="$dir/app/$(basename "$jar")"
	if ! java $JAVA_OPTS -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "$app" \
		--server.port=0 --logging.level.root=warn > "$dir/training.log" 2>&1; then
		echo "the training run failed: $dir/training.log" >&2
		return 1
	fi
	echo "$app"
}

# wait_ready PORT PID: until the readiness probe on PORT answers UP; fails if the JVM PID exits or 120 s pass
wait_ready() {
	local port=$1 pid=$2 tries=12000
	until curl -sf "localhost:$port/actuator/health/readiness" > /dev/null; do
		if ! kill -0 "$pid" 2> /dev/null || [ $(( tries -= 1 )) -eq 0 ]; then
			echo "not ready on port $port" >&2
			return 1
		fi
		sleep 0.01
	done
}
