package dev.hotline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no Docker engine on the build machine, so docker-compose.yml is checked for what breaks a {@code docker
 * compose up} on a fresh clone: the services and their health checks are there, every {@code ${VARIABLE}} it needs is in
 * .env.example and docs/operations.md, every environment name given to the app (and every name in the documents'
 * configuration tables) is a real configuration key, and the Asterisk container fills every placeholder of its files.
 */
class ComposeFileTests {

    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z_][A-Z0-9_]*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)");
    private static String compose;
    private static Map<String, Map<String, Object>> services;
    private static Set<String> configurationEnvNames;
    private static List<String> configurationPrefixes;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        compose = Files.readString(Path.of("docker-compose.yml"));
        Map<String, Object> file = new Yaml().load(compose);
        services = (Map<String, Map<String, Object>>) file.get("services");
        var keys = new LinkedHashSet<String>();
        var prefixes = new ArrayList<String>();
        configurationEnvNames = new HashSet<>();
        var defaults = new Properties();
        try (InputStream in = ComposeFileTests.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        for (String key : defaults.stringPropertyNames()) {
            keys.add(key);
            Matcher placeholder = PLACEHOLDER.matcher(defaults.getProperty(key));
            while (placeholder.find()) {
                configurationEnvNames.add(placeholder.group(1));
            }
        }
        hotlineKeys(keys, prefixes);
        springBootKeys(keys);
        for (String key : keys) {
            configurationEnvNames.add(envName(key, true));
            configurationEnvNames.add(envName(key, false));
        }
        configurationPrefixes = prefixes.stream().map(prefix -> envName(prefix, false) + "_").toList();
    }

    @Test
    void theStackHasMysql84Redis7TheAppWithAHealthCheckAndAsterisk() {
        assertThat(services).containsKeys("mysql", "redis", "app", "asterisk");
        assertThat((String) services.get("mysql").get("image")).startsWith("mysql:8.4");
        assertThat((String) services.get("redis").get("image")).startsWith("redis:7");
        assertThat((String) services.get("asterisk").get("image")).contains("asterisk");
        var app = services.get("app");
        assertThat(app).containsKeys("build", "healthcheck");
        assertThat(app.get("healthcheck").toString()).contains("/actuator/health");
        assertThat(app.get("depends_on").toString()).contains("mysql").contains("redis").contains("service_healthy");
        assertThat(services.get("mysql")).containsKey("healthcheck");
        assertThat(services.get("redis")).containsKey("healthcheck");
    }

    @Test
    void everyVariableTheFileNeedsIsInEnvExampleAndTheOperationsGuide() throws IOException {
        Set<String> used = variables(compose);
        Set<String> example = envExample();
        String operations = Files.readString(Path.of("docs/operations.md"));
        assertThat(used).isNotEmpty();
        assertThat(example).as(".env.example").containsAll(used);
        assertThat(used).as("variables of .env.example that docker-compose.yml no longer uses").containsAll(example);
        for (String variable : used) {
            assertThat(operations).as("docs/operations.md explains " + variable).contains("`" + variable + "`");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppsEnvironmentNamesAreRealConfigurationKeys() {
        var environment = (Map<String, Object>) services.get("app").get("environment");
        assertThat(environment).isNotEmpty();
        assertThat(environment.keySet()).allSatisfy(ComposeFileTests::isConfiguration);
    }

    @Test
    void everyEnvironmentNameInTheDocumentsConfigurationTablesIsARealKey() throws IOException {
        var names = new LinkedHashSet<String>();
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            for (Path doc : Stream.concat(Stream.of(Path.of("README.md")), docs.filter(p -> p.toString().endsWith(".md"))).toList()) {
                names.addAll(envColumn(Files.readAllLines(doc)));
            }
        }
        assertThat(names).contains("SPRING_DATASOURCE_URL", "HOTLINE_REDIS_URL", "HOTLINE_ASTERISK_AMI_HOST");
        assertThat(names).allSatisfy(ComposeFileTests::isConfiguration);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAsteriskContainerFillsEveryPlaceholderOfItsConfiguration() throws IOException {
        var asterisk = services.get("asterisk");
        var environment = (Map<String, Object>) asterisk.get("environment");
        String command = String.valueOf(asterisk.get("command"));
        var placeholders = new LinkedHashSet<String>();
        try (Stream<Path> files = Files.list(Path.of("config/asterisk"))) {
            for (Path file : files.toList()) {
                Matcher m = Pattern.compile("@(HOTLINE_[A-Z_]+)@").matcher(Files.readString(file));
                while (m.find()) {
                    placeholders.add(m.group(1));
                }
            }
        }
        assertThat(placeholders).isNotEmpty();
        for (String placeholder : placeholders) {
            assertThat(environment).as("asterisk environment").containsKey(placeholder);
            assertThat(command).as("the start command substitutes @" + placeholder + "@")
                    .contains("s|@" + placeholder + "@|$${" + placeholder + "}|g");
        }
    }

    private static void isConfiguration(String envName) {
        boolean known = configurationEnvNames.contains(envName)
                || configurationPrefixes.stream().anyMatch(envName::startsWith);
        assertThat(known).as(envName + " is not the environment form of any configuration key").isTrue();
    }

    /** The env column (the second) of Markdown tables whose header names one. */
    private static Set<String> envColumn(List<String> lines) {
        var names = new LinkedHashSet<String>();
        boolean inEnvTable = false;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                inEnvTable = false;
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length > 2 && cells[2].trim().equalsIgnoreCase("env")) {
                inEnvTable = true;
                continue;
            }
            if (inEnvTable && cells.length > 2) {
                Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(cells[2]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static Set<String> variables(String text) {
        var names = new LinkedHashSet<String>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> envExample() throws IOException {
        var names = new LinkedHashSet<String>();
        var example = new Properties();
        example.load(new StringReader(Files.readString(Path.of(".env.example"))));
        names.addAll(example.stringPropertyNames());
        return names;
    }

    /** Spring's two environment forms of a key: {@code a.b-c} is {@code A_BC}, or {@code A_B_C} (legacy). */
    private static String envName(String key, boolean dashesDropped) {
        String name = dashesDropped ? key.replace("-", "") : key.replace("-", "_");
        return name.replace('.', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
    }

    /** Every key of Hotline's own {@code @ConfigurationProperties} records; map-valued ones as prefixes. */
    private static void hotlineKeys(Set<String> keys, List<String> prefixes) throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents("dev.hotline")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            var annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
            walk(prefix, type, keys, prefixes);
        }
        assertThat(keys).contains("hotline.redis.url", "hotline.asterisk.ami.host");
    }

    private static void walk(String prefix, Class<?> type, Set<String> keys, List<String> prefixes) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            Class<?> value = component.getType();
            if (value.isRecord()) {
                walk(key, value, keys, prefixes);
            } else if (Map.class.isAssignableFrom(value) || Collection.class.isAssignableFrom(value) && nestedRecords(component)) {
                prefixes.add(key);
            } else {
                keys.add(key);
            }
        }
    }

    private static boolean nestedRecords(RecordComponent component) {
        Type generic = component.getGenericType();
        return generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The keys Spring Boot and the libraries document in their configuration metadata (spring.*, server.*...). */
    private static void springBootKeys(Set<String> keys) throws IOException {
        var json = JsonMapper.builder().build();
        var resources = ComposeFileTests.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (resources.hasMoreElements()) {
            try (InputStream in = resources.nextElement().openStream()) {
                JsonNode properties = json.readTree(in).path("properties");
                properties.forEach(property -> keys.add(property.path("name").asString()));
            }
        }
        assertThat(keys).contains("spring.datasource.url", "server.port");
    }
}
