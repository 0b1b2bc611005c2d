package dev.hotline.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of the generated OpenAPI document, with what the security suite needs to call them. */
record ApiOperations(JsonNode document, List<Operation> all) {

    /** One operation: its parameters by where they go, and its request body's media type and schema (or none). */
    record Operation(String method, String path, List<JsonNode> pathParams, List<JsonNode> queryParams,
                     String bodyType, JsonNode bodySchema) {

        String key() {
            return method + " " + path;
        }

        /** The path with every parameter filled by {@code value(parameter)}. */
        String url(java.util.function.Function<JsonNode, String> value) {
            String url = path;
            for (var p : pathParams) {
                url = url.replace("{" + p.path("name").asString() + "}", value.apply(p));
            }
            return url;
        }
    }

    static ApiOperations parse(String json) {
        JsonNode doc = JsonMapper.builder().build().readTree(json);
        var all = new ArrayList<Operation>();
        for (var path : doc.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                var pathParams = new ArrayList<JsonNode>();
                var queryParams = new ArrayList<JsonNode>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("path".equals(p.path("in").asString())) {
                        pathParams.add(p);
                    } else if ("query".equals(p.path("in").asString())) {
                        queryParams.add(p);
                    }
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                var content = op.getValue().path("requestBody").path("content");
                if (content.isObject() && !content.isEmpty()) {
                    var first = content.properties().iterator().next();
                    bodyType = first.getKey();
                    bodySchema = first.getValue().path("schema");
                }
                all.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), pathParams,
                        queryParams, bodyType, bodySchema));
            }
        }
        return new ApiOperations(doc, all);
    }

    /** A schema with its {@code $ref} followed to the components. */
    JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema != null && schema.has("$ref") && hops++ < 10) {
            String ref = schema.path("$ref").asString();
            schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** The properties of an object schema (after $ref), by name. */
    Map<String, JsonNode> properties(JsonNode schema) {
        var out = new LinkedHashMap<String, JsonNode>();
        var resolved = resolve(schema);
        if (resolved != null) {
            for (var p : resolved.path("properties").properties()) {
                out.put(p.getKey(), resolve(p.getValue()));
            }
        }
        return out;
    }

    /** A value of the right shape for a parameter or property: what a well-behaved client would send. */
    static String sample(JsonNode schema) {
        if (schema == null) {
            return "probe";
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        return switch (schema.path("type").asString()) {
            case "integer", "number" -> "999999";
            case "boolean" -> "false";
            default -> switch (schema.path("format").asString()) {
                case "date-time" -> "2026-01-01T00:00:00Z";
                case "date" -> "2026-01-01";
                default -> "probe";
            };
        };
    }
}
