package dev.hotline.telephony.twilio;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without an account the adapter refuses every webhook with a hint; the SDK's requests are sent to api-base-url. */
class TwilioAdapterOffTests {

    @Test
    void refusesWebhooksWithAHintWhenNoAccountIsConfigured() {
        var off = new TwilioProperties(null, " ", null, null, null, null, null, null, null, null, null, null);
        var request = new MockHttpServletRequest("POST", "/twilio/voice");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent("CallSid=CA0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(() -> new WebhookVerifier(off).verify(request))
                .isInstanceOfSatisfying(WebhookRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("hotline.twilio.account-sid", "hotline.twilio.auth-token");
                });
    }

    @Test
    void sendsTheSdksRequestsToTheConfiguredApiHost() {
        var client = new ApiHostHttpClient("http://127.0.0.1:8089");
        assertThat(client.rewrite("https://api.twilio.com/2010-04-01/Accounts/AC1/Calls/CA1.json"))
                .isEqualTo("http://127.0.0.1:8089/2010-04-01/Accounts/AC1/Calls/CA1.json");
    }

    @Test
    void mapsNumbersToQueuesWithOrWithoutTheWhatsappPrefix() {
        var on = new TwilioProperties("AC1", "token", "https://hotline.example.com/", null,
                java.util.Map.of("+8675586001000", "repairs"), null, null, null, null, null, null, null);
        assertThat(on.queueOf("+8675586001000")).isEqualTo("repairs");
        assertThat(on.queueOf("whatsapp:+8675586001000")).isEqualTo("repairs");
        assertThat(on.queueOf("+8675500000000")).isNull();
        assertThat(on.url("/twilio/voice")).isEqualTo("https://hotline.example.com/twilio/voice");
        assertThat(on.apiBaseUrl()).isEqualTo(TwilioProperties.TWILIO_API);
    }
}
