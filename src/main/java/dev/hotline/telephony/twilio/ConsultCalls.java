package dev.hotline.telephony.twilio;

import dev.hotline.shared.ContactId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The calls of a running Twilio consult (the first agent's and the target's, both in the consult's conference).
 * Stored in the database, not in memory: the completion, the return and Twilio's status callbacks may reach any node.
 */
@Component
class ConsultCalls {

    private final JdbcClient jdbc;

    ConsultCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Consult(String conference, String target, String agentCallSid, String targetCallSid) {
    }

    static String conferenceOf(ContactId contact) {
        return "hotline-consult-" + contact;
    }

    void started(ContactId contact, String target) {
        jdbc.sql("insert into twilio_consult (contact_id, conference, target, created_at) values (?, ?, ?, ?) "
                        + "on duplicate key update target = values(target), agent_call_sid = null, "
                        + "target_call_sid = null, created_at = values(created_at)")
                .params(contact.value(), conferenceOf(contact), target, Timestamp.from(Instant.now())).update();
    }

    void agentCall(ContactId contact, String callSid) {
        jdbc.sql("update twilio_consult set agent_call_sid = ? where contact_id = ?").params(callSid, contact.value())
                .update();
    }

    void targetCall(ContactId contact, String callSid) {
        jdbc.sql("update twilio_consult set target_call_sid = ? where contact_id = ?").params(callSid, contact.value())
                .update();
    }

    Optional<Consult> of(ContactId contact) {
        return jdbc.sql("select conference, target, agent_call_sid, target_call_sid from twilio_consult "
                        + "where contact_id = ?").param(contact.value())
                .query((rs, row) -> new Consult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The consult is over: its row goes (once: the caller of the first removal gets it). */
    Optional<Consult> over(ContactId contact) {
        var consult = of(contact);
        if (consult.isPresent() && jdbc.sql("delete from twilio_consult where contact_id = ?")
                .param(contact.value()).update() == 1) {
            return consult;
        }
        return Optional.empty();
    }
}
