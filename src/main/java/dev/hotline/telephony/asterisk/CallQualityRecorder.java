package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ContactId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.time.Duration;
import java.time.Instant;

/** Writes the service taboos the PBX events show into call_quality, one row per contact. */
class CallQualityRecorder {

    private static final Logger log = LoggerFactory.getLogger(CallQualityRecorder.class);

    private final CallQualityRepository repository;

    CallQualityRecorder(CallQualityRepository repository) {
        this.repository = repository;
    }

    void hungUpFirst(ContactId contact, String agent, String side, Instant at) {
        if (PbxEvents.AGENT.equals(side)) {
            log.info("Agent {} hung up before the customer on contact {}", agent, contact);
        }
        update(contact, agent, q -> q.hungUpFirst(side, at));
    }

    void silence(ContactId contact, String agent, Duration length) {
        update(contact, agent, q -> q.silence(length, Instant.now()));
    }

    private void update(ContactId contact, String agent, java.util.function.Consumer<CallQuality> change) {
        try {
            var quality = repository.findByContactId(contact.value()).orElseGet(() -> new CallQuality(contact.value()));
            quality.agent(agent);
            change.accept(quality);
            repository.save(quality);
        } catch (DataAccessException e) {
            // a lost quality note must not break call handling
            log.warn("Call quality of contact {} not saved: {}", contact, e.getMessage());
        }
    }
}
