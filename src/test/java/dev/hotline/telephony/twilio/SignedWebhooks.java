package dev.hotline.telephony.twilio;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
final class SignedWebhooks {

    static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "test-token-not-a-secret-5f2c1e";
    static final String PUBLIC_BASE_URL = "https://hotline.example.com";

    private SignedWebhooks() {
    }

    static MockHttpServletRequestBuilder signed(String pathAndQuery, Map<String, String> params) {
        return unsigned(pathAndQuery, params)
                .header("X-Twilio-Signature", signature(AUTH_TOKEN, PUBLIC_BASE_URL + pathAndQuery, params));
    }

    static MockHttpServletRequestBuilder unsigned(String pathAndQuery, Map<String, String> params) {
        return post(pathAndQuery).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(form(params).getBytes(StandardCharsets.UTF_8));
    }

    static String signature(String token, String url, Map<String, String> params) {
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

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String randomSid(String prefix) {
        return prefix + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    /** The parameters of Twilio's incoming-call webhook (a caller in Shenzhen dialling our number). */
    static Map<String, String> incomingCall(String callSid, String from, String to) {
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
    static Map<String, String> callStatus(String callSid, String status, int duration, String timestamp, int sequence) {
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
}
