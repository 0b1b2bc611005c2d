package dev.hotline.telephony.twilio;

import dev.hotline.shared.ContactId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Which Twilio calls run in a conference (named after the contact) rather than in the agent's {@code <Dial>} bridge:
 * those a supervisor joined. Stored in the database, not in memory: Twilio may send the caller's dial action to any
 * node.
 */
@Component
class SupervisionConferences {

    private final JdbcClient jdbc;

    SupervisionConferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Conference(String name, String agentCallSid) {
    }

    static String nameOf(ContactId contact) {
        return "hotline-contact-" + contact;
    }

    Optional<Conference> of(ContactId contact) {
        return jdbc.sql("select name, agent_call_sid from twilio_conference where contact_id = ?")
                .param(contact.value())
                .query((rs, row) -> new Conference(rs.getString("name"), rs.getString("agent_call_sid"))).optional();
    }

    /** Recorded before the agent's leg is moved; a second supervisor's join finds it and moves nothing. */
    Conference moving(ContactId contact, String agentCallSid) {
        jdbc.sql("insert into twilio_conference (contact_id, name, agent_call_sid, created_at) values (?, ?, ?, ?) "
                        + "on duplicate key update contact_id = contact_id")
                .params(contact.value(), nameOf(contact), agentCallSid, Timestamp.from(Instant.now())).update();
        return of(contact).orElseThrow();
    }

    void forget(ContactId contact) {
        jdbc.sql("delete from twilio_conference where contact_id = ?").param(contact.value()).update();
    }
}
