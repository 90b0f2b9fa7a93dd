# Build stage: Maven + JDK 17 build the fat jar (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY knowledge knowledge
COPY bot bot
COPY config config
RUN mvn -B -q -DskipTests package

# Runtime stage: JRE 17 only, a non-root user, state under /data.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data buildkitbot \
 && mkdir -p /data && chown buildkitbot /data
COPY --from=build /src/bot/target/buildkit-bot.jar /app/buildkit-bot.jar
# The jar carries config/ as its defaults; this copy is for reading, or for BUILDKIT_BOT_CONFIG=/app/config/defaults.properties.
COPY config /app/config
ENV BUILDKIT_BOT_DATA=/data PORT=3000
VOLUME ["/data"]
EXPOSE 3000
USER buildkitbot
WORKDIR /data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/buildkit-bot.jar"]
CMD ["run"]
