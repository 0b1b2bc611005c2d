package dev.hotline.telephony.twilio;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authenticates a webhook: the {@code X-Twilio-Signature} over our public URL and the form parameters (the SDK's
 * {@link RequestValidator}), then the account. The body is read here, bounded, rather than through
 * {@code getParameterMap()}, which would mix the URL's query into the signed form parameters and has no size limit
 * of its own.
 */
@Component
class WebhookVerifier {

    static final String SIGNATURE = "X-Twilio-Signature";

    private final TwilioProperties properties;
    private final RequestValidator validator;

    WebhookVerifier(TwilioProperties properties) {
        this.properties = properties;
        this.validator = properties.enabled() ? new RequestValidator(properties.authToken()) : null;
    }

    Webhook verify(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!properties.enabled()) {
            throw new WebhookRefused(HttpStatus.SERVICE_UNAVAILABLE, "twilio-disabled",
                    "Twilio is not configured here: set hotline.twilio.account-sid and hotline.twilio.auth-token "
                            + "(HOTLINE_TWILIO_ACCOUNT_SID, HOTLINE_TWILIO_AUTH_TOKEN) and hotline.twilio.public-base-url");
        }
        if (!isForm(request.getContentType())) {
            throw new WebhookRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-form",
                    "Twilio webhooks are application/x-www-form-urlencoded, " + path + " got " + request.getContentType());
        }
        Map<String, String> params = parse(body(request, path));
        String query = request.getQueryString();
        String url = properties.url(path + (query == null ? "" : "?" + query));
        String signature = request.getHeader(SIGNATURE);
        if (signature == null || signature.isBlank()) {
            throw new WebhookRefused(HttpStatus.FORBIDDEN, "unsigned-webhook",
                    "A request to " + path + " carries no " + SIGNATURE + " header");
        }
        if (!validator.validate(url, params, signature)) {
            throw new WebhookRefused(HttpStatus.FORBIDDEN, "bad-signature",
                    "The " + SIGNATURE + " of a request to " + path + " does not match " + url
                            + " (is hotline.twilio.public-base-url the URL Twilio calls?)");
        }
        if (!properties.accountSid().equals(params.get("AccountSid"))) {
            throw new WebhookRefused(HttpStatus.FORBIDDEN, "unknown-account",
                    "A webhook to " + path + " is for account " + params.get("AccountSid") + ", not ours");
        }
        return new Webhook(path, Collections.unmodifiableMap(params), queryOf(query));
    }

    /** Anything but a readable form type (none, garbage, an unknown charset) is refused, never an error of ours. */
    private static boolean isForm(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private String body(HttpServletRequest request, String path) {
        int max = properties.maxFormBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(path, request.getContentLengthLong(), max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw tooLarge(path, bytes.length, max);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "unreadable-webhook",
                    "The body of a request to " + path + " could not be read: " + e.getMessage());
        }
    }

    private static WebhookRefused tooLarge(String path, long size, int max) {
        return new WebhookRefused(HttpStatus.CONTENT_TOO_LARGE, "webhook-too-large",
                "A request to " + path + " has " + size + (size > max ? "" : "+") + " bytes; at most " + max
                        + " are accepted (hotline.twilio.max-form-bytes)");
    }

    static Map<String, String> parse(String form) {
        var params = new LinkedHashMap<String, String>();
        if (form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                // the SDK signs one value per name: a second one could be appended after signing unnoticed
                if (params.putIfAbsent(name, value) != null) {
                    throw new WebhookRefused(HttpStatus.BAD_REQUEST, "duplicate-field",
                            "A Twilio webhook names the field '" + name + "' twice");
                }
            } catch (IllegalArgumentException e) {
                throw new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-webhook",
                        "A form field of a Twilio webhook is not URL-encoded: " + e.getMessage());
            }
        }
        return params;
    }

    private static Map<String, String> queryOf(String query) {
        if (query == null) {
            return Map.of();
        }
        var out = new LinkedHashMap<String, String>();
        UriComponentsBuilder.fromUriString("/?" + query).build(false).getQueryParams()
                .forEach((k, v) -> out.put(k, v.isEmpty() || v.get(0) == null ? "" : URLDecoder.decode(v.get(0), StandardCharsets.UTF_8)));
        return out;
    }
}
