# Simboard's container image: Maven builds the jar in one stage, a JRE runs it in another.
#
#   docker build -t simboard .
#   docker run --rm -p 8080:8080 simboard        # no key: demo data, sign in as demo/demo
#
# Only classic Dockerfile syntax (no RUN --mount, COPY --link or heredocs), so the legacy
# builder and Testcontainers' ImageFromDockerfile (src/test/.../ImageTests) build it too.
#
# No secret goes into any layer: .dockerignore keeps .env and secrets/ out of the build
# context, and the SigmaMind key reaches the container only at run time, as an environment
# variable or as a file in /run/secrets/ (see docs/deploy.md, "The SigmaMind key").

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# The wrapper and the POM alone first: this layer, with Maven and every dependency and
# plugin in it, is reused until pom.xml or the wrapper changes. (sed and chmod: a Windows
# checkout may have given mvnw CRLF line ends or lost its executable bit.)
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN sed -i 's/\r$//' mvnw && chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# Then the sources. -DskipTests: the tests run in CI (./mvnw verify), not in an image build.
COPY src src
RUN ./mvnw -B -q -DskipTests package

# Split the executable jar into Spring Boot's layers (Boot 3.3+ "tools" jar mode), in the
# layout the JVM's AOT cache needs: simboard.jar with its dependencies in lib/ beside it.
# --layers puts each layer in its own directory: dependencies, spring-boot-loader,
# snapshot-dependencies, application. The mkdir makes sure every layer directory exists
# even when a layer is empty (there are no snapshot dependencies today), since COPY fails
# on a missing source.
RUN cp target/simboard-*.jar simboard.jar \
	&& java -Djarmode=tools -jar simboard.jar extract --layers --destination extracted \
	&& mkdir -p extracted/dependencies extracted/spring-boot-loader extracted/snapshot-dependencies \
		extracted/application

# Java 25 runs the Java 17 bytecode and brings the AOT cache (JEP 483/514): start-up to the
# first page measured 3.6-4.3 s here against 8.1-10.0 s for `java -jar` (bench/run.sh).
FROM eclipse-temurin:25-jre

LABEL org.opencontainers.image.title="Simboard" \
	org.opencontainers.image.description="Dashboard for SigmaMind simulation test results"

# A fixed, unprivileged user: Simboard needs no root, and a numeric UID lets an orchestrator
# verify runAsNonRoot. The application files stay owned by root, so the app cannot alter them.
RUN groupadd --system --gid 10001 simboard \
	&& useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
		--shell /usr/sbin/nologin simboard

WORKDIR /app

# Least often changed first: an ordinary code change rebuilds only the last, small layer.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

# Size the heap from the container's memory limit rather than the host's, and exit on
# OutOfMemoryError so that the container restarts instead of limping on. The collector is
# fixed because an AOT cache is only used by a JVM with the collector that recorded it.
# Override the whole variable to change it (docker run -e JAVA_TOOL_OPTIONS=...).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC"

# A training run records the classes Simboard loads and links as it starts and serves its
# first page (on demo data; simboard.aot-training.enabled makes it open its own sign-in page,
# then exit) into an AOT cache for every later start.
# Its heap is set small so that compressed pointers are on, as in any container under 32 GB:
# a cache recorded without them would be refused at run time. The second run fails the
# build if the cache cannot be used (AOTMode=on).
RUN java -Xmx512m -XX:AOTCacheOutput=simboard.aot -jar simboard.jar --simboard.aot-training.enabled=true \
	&& java -Xmx512m -XX:AOTMode=on -XX:AOTCache=simboard.aot -Dspring.context.exit=onRefresh -jar simboard.jar \
	&& rm -rf /tmp/tomcat*

# The embedded database's folder (simboard.data-dir, ./data from /app): the one place the
# app writes, used when a key is set and SPRING_DATASOURCE_URL is not. Mount a volume here
# to keep that archive across containers; docker-compose.yml gives Simboard a PostgreSQL.
RUN mkdir /app/data && chown 10001:10001 /app/data

USER 10001:10001

# Simboard listens on 8080 (or on $PORT, if set).
EXPOSE 8080

# The JRE image need not have curl or wget, so bash talks HTTP over /dev/tcp itself.
# HTTP/1.0 makes the server close the connection after answering; the check passes only
# when the body says "UP" (a DOWN or OUT_OF_SERVICE answer, or no answer, fails it). It asks
# the management port when MANAGEMENT_SERVER_PORT moves actuator there, else $PORT or 8080.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
	CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-${PORT:-8080}} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]

# Exec form: java is PID 1 and receives SIGTERM itself, so graceful shutdown works. Give it
# time to finish (docker stop -t 35; Compose sets stop_grace_period).
ENTRYPOINT ["java", "-XX:AOTCache=simboard.aot", "-jar", "simboard.jar"]
