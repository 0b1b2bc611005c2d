# Builds the Hotline jar and runs it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/hotline-*.jar /hotline.jar

FROM eclipse-temurin:17-jre
RUN useradd --system hotline
USER hotline
COPY --from=build /hotline.jar /app/hotline.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/hotline.jar"]
