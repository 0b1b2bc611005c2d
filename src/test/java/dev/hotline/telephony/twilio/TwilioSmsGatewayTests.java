package dev.hotline.telephony.twilio;

import dev.hotline.notification.SmsGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notification SMS go out through the Twilio Messages API from our first number; a refusal is an error to retry. */
class TwilioSmsGatewayTests extends TwilioTestSupport {

    @Autowired
    SmsGateway sms;

    @Test
    void sendsANotificationSmsThroughTheMessagesApi() {
        String manager = "+86138" + String.format("%08d", (int) (Math.random() * 100_000_000));

        sms.send(manager, "重大投诉 CS-20250101-0001");

        var sent = twilio.await(r -> manager.equals(r.field("To")));
        assertThat(sent.path()).endsWith("/Messages.json");
        assertThat(sent.field("From")).isEqualTo(WAITING_NUMBER);
        assertThat(sent.field("Body")).isEqualTo("重大投诉 CS-20250101-0001");
    }

    @Test
    void aRefusedMessageFailsSoTheDeliveryIsRetried() {
        String wrong = "+86139" + String.format("%08d", (int) (Math.random() * 100_000_000));
        twilio.failFor(wrong, new FakeTwilioApi.Failure(400, 21211, "The 'To' number is not a valid phone number."));

        assertThatThrownBy(() -> sms.send(wrong, "x")).isInstanceOf(RuntimeException.class);
    }
}
