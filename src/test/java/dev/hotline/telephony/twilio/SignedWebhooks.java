package dev.hotline.telephony.twilio;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Builds webhooks the way Twilio sends them: form-encoded parameters and an {@code X-Twilio-Signature} computed here
 * with Twilio's documented algorithm (HMAC-SHA1 with the auth token over the full URL followed by every POST
 * parameter name and value, sorted by name; Base64), independently of the SDK's validator under test.
 */
public final class SignedWebhooks {

    public static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-token-not-a-secret-5f2c1e";
    public static final String PUBLIC_BASE_URL = "https://hotline.example.com";

    private SignedWebhooks() {
    }

    public static MockHttpServletRequestBuilder signed(String pathAndQuery, Map<String, String> params) {
        return unsigned(pathAndQuery, params)
                .header("X-Twilio-Signature", signature(AUTH_TOKEN, PUBLIC_BASE_URL + pathAndQuery, params));
    }

    public static MockHttpServletRequestBuilder unsigned(String pathAndQuery, Map<String, String> params) {
        return post(pathAndQuery).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(form(params).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same webhook over real HTTP to a running app at {@code localBaseUrl}, signed (or not) for
     * {@link #PUBLIC_BASE_URL} as Twilio signs it when the app sits behind a proxy.
     */
    public static HttpRequest overHttp(String localBaseUrl, String pathAndQuery, Map<String, String> params,
                                       boolean signed) {
        var request = HttpRequest.newBuilder(URI.create(localBaseUrl + pathAndQuery))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(form(params), StandardCharsets.UTF_8));
        if (signed) {
            request.header("X-Twilio-Signature", signature(AUTH_TOKEN, PUBLIC_BASE_URL + pathAndQuery, params));
        }
        return request.build();
    }

    public static String signature(String token, String url, Map<String, String> params) {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String randomSid(String prefix) {
        return prefix + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    /** The parameters of Twilio's incoming-call webhook (a caller in Shenzhen dialling our number). */
    public static Map<String, String> incomingCall(String callSid, String from, String to) {
        var p = new LinkedHashMap<String, String>();
        p.put("AccountSid", ACCOUNT_SID);
        p.put("ApiVersion", "2010-04-01");
        p.put("CallSid", callSid);
        p.put("CallStatus", "ringing");
        p.put("Called", to);
        p.put("CalledCountry", "CN");
        p.put("Caller", from);
        p.put("CallerCountry", "CN");
        p.put("Direction", "inbound");
        p.put("From", from);
        p.put("FromCity", "SHENZHEN");
        p.put("FromCountry", "CN");
        p.put("FromState", "GUANGDONG");
        p.put("To", to);
        p.put("ToCountry", "CN");
        return p;
    }

    /** A call status callback. */
    public static Map<String, String> callStatus(String callSid, String status, int duration, String timestamp, int sequence) {
        var p = new LinkedHashMap<String, String>();
        p.put("AccountSid", ACCOUNT_SID);
        p.put("ApiVersion", "2010-04-01");
        p.put("CallSid", callSid);
        p.put("CallStatus", status);
        p.put("CallDuration", Integer.toString(duration));
        p.put("Direction", "inbound");
        p.put("Timestamp", timestamp);
        p.put("SequenceNumber", Integer.toString(sequence));
        return p;
    }

    /**
     * A status callback of an agent leg (the {@code <Client>}/{@code <Number>} we dialled): Twilio posts it to the
     * leg's {@code statusCallback} URL with the leg's own CallSid and the caller's call as ParentCallSid.
     */
    public static Map<String, String> agentLeg(String legSid, String parentSid, String status, int duration, Instant at) {
        var p = new LinkedHashMap<>(callStatus(legSid, status, duration, timestamp(at), 1));
        p.put("ParentCallSid", parentSid);
        p.put("Direction", "outbound-dial");
        return p;
    }

    /** Twilio's {@code Timestamp} field (RFC 2822). */
    public static String timestamp(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    /** Twilio's incoming-message webhook (SMS, or WhatsApp with {@code whatsapp:} addresses). */
    public static Map<String, String> sms(String sid, String from, String to, String body) {
        var p = new LinkedHashMap<String, String>();
        p.put("ToCountry", "CN");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", to);
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", ACCOUNT_SID);
        p.put("From", from);
        p.put("FromCountry", "CN");
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** A delivery status callback of one of our messages; {@code errorCode} null when there is none. */
    public static Map<String, String> delivery(String sid, String status, String errorCode) {
        var p = new LinkedHashMap<String, String>();
        p.put("AccountSid", ACCOUNT_SID);
        p.put("ApiVersion", "2010-04-01");
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("MessageStatus", status);
        p.put("SmsStatus", status);
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return p;
    }

    /**
     * A form the app sends to Twilio's REST API, first value per name (the SDK repeats some, such as
     * StatusCallbackEvent, which the webhook parser refuses): for the fakes that play the REST side.
     */
    public static java.util.Map<String, String> restForm(String body) {
        var out = new java.util.LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
