package dev.hotline.telephony.twilio;

import dev.hotline.followup.SurveyChannel;
import dev.hotline.followup.Surveys;
import dev.hotline.shared.Channel;
import dev.hotline.ticket.TicketClosed;
import dev.hotline.ticket.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Survey SMS at the wire: the link goes out through the Messages API, never to an opted-out number; digits answer. */
class TwilioSurveyTests extends TwilioTestSupport {

    @Autowired
    Surveys surveys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConversationRepository conversations;

    @Test
    void aClosedTicketsSurveyIsTextedAndADigitReplyAnswersIt() throws Exception {
        String phone = randomPhone();
        long customer = customer(phone);
        long ticketId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);

        var survey = surveys.inviteAfterTicket(new TicketClosed(ticketId, "CS-SMS-" + ticketId, TicketType.REPAIR,
                customer, Instant.now(), false)).orElseThrow();

        var sent = twilio.await(r -> r.path().endsWith("/Messages.json") && phone.equals(r.field("To")));
        assertThat(sent.field("Body")).contains(SignedWebhooks.PUBLIC_BASE_URL + "/survey.html#" + survey.id() + ".").contains("CS-SMS-" + ticketId)
                .contains("回复TD退订");
        assertThat(sent.field("From")).isEqualTo(WAITING_NUMBER);
        assertThat(sent.field("StatusCallback")).endsWith("/twilio/messaging/status");

        mvc.perform(signed("/twilio/messaging", sms(randomSid("SM"), phone, WAITING_NUMBER, "1 1 2 1 1 师傅很好")))
                .andExpect(status().isOk());

        var answered = surveys.find(survey.id());
        assertThat(answered.status()).isEqualTo("ANSWERED");
        assertThat(answered.channel()).isEqualTo(SurveyChannel.SMS);
        assertThat(answered.score()).isEqualByComparingTo("92");
        assertThat(answered.comment()).isEqualTo("师傅很好");
        // the reply was the survey's, not the start of a conversation
        assertThat(conversations.findByOpenThread(Conversation.thread(Channel.SMS, phone, WAITING_NUMBER))).isEmpty();
    }

    @Test
    void anOptedOutCustomerGetsNoSurveyText() throws Exception {
        String phone = randomPhone();
        long customer = customer(phone);
        mvc.perform(signed("/twilio/messaging", sms(randomSid("SM"), phone, WAITING_NUMBER, "退订")))
                .andExpect(status().isOk());
        long ticketId = ThreadLocalRandom.current().nextLong(2_000_000_000L, 3_000_000_000L);

        var survey = surveys.inviteAfterTicket(new TicketClosed(ticketId, "CS-OPT-" + ticketId, TicketType.COMPLAINT,
                customer, Instant.now(), false)).orElseThrow();

        // the survey exists (an agent can still ask by phone) but nothing is texted
        assertThat(surveys.find(survey.id()).status()).isEqualTo("INVITED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                twilio.matching(r -> phone.equals(r.field("To"))).isEmpty());
    }

    private static String randomPhone() {
        return "+86137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private long customer(String phone) {
        var keys = new GeneratedKeyHolder();
        var now = Timestamp.from(Instant.now());
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into customer (name, tier, created_at, updated_at) "
                    + "values ('短信回访客户', 'REGULAR', ?, ?)", new String[]{"id"});
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.update("insert into customer_phone (customer_id, e164) values (?, ?)", id, phone);
        return id;
    }
}
