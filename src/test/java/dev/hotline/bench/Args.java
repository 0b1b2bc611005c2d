package dev.hotline.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and bare {@code --flag} options, as scripts/bench passes them. */
record Args(String scenario, Map<String, String> values) {

    static Args parse(String... argv) {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: Bench routing|consoles|lookup [--option value ...]");
        }
        var values = new HashMap<String, String>();
        for (int i = 1; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + argv[i]);
            }
            String name = argv[i].substring(2);
            boolean flag = i + 1 == argv.length || argv[i + 1].startsWith("--");
            values.put(name, flag ? "true" : argv[++i]);
        }
        return new Args(argv[0], values);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int full, int quick) {
        return Integer.parseInt(values.getOrDefault(name, Integer.toString(flag("quick") ? quick : full)));
    }

    double number(String name, double full, double quick) {
        return Double.parseDouble(values.getOrDefault(name, Double.toString(flag("quick") ? quick : full)));
    }

    /** {@code --urls http://127.0.0.1:A,http://127.0.0.1:B}: only loopback, the generator talks to nothing else. */
    List<URI> urls() {
        List<URI> urls = Arrays.stream(string("urls", "http://127.0.0.1:8080").split(","))
                .map(String::strip).map(u -> URI.create(u.endsWith("/") ? u : u + "/")).toList();
        for (URI u : urls) {
            if (!"127.0.0.1".equals(u.getHost()) && !"localhost".equals(u.getHost())) {
                throw new IllegalArgumentException("the generator talks only to 127.0.0.1, not " + u);
            }
        }
        return urls;
    }
}
