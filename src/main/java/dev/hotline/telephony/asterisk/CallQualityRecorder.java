package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ContactId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Writes the service taboos the PBX events show into call_quality (one row per contact) and call_silence. Several
 * nodes report the same call: the first hang-up is kept once, a silence is stored once per start time, and when two
 * nodes create the row at the same moment the loser updates the winner's row.
 */
class CallQualityRecorder {

    private static final Logger log = LoggerFactory.getLogger(CallQualityRecorder.class);

    private final CallQualityRepository repository;
    private final SilencePeriodRepository silences;

    CallQualityRecorder(CallQualityRepository repository, SilencePeriodRepository silences) {
        this.repository = repository;
        this.silences = silences;
    }

    void hungUpFirst(ContactId contact, String agent, String side, Instant at) {
        if (PbxEvents.AGENT.equals(side)) {
            log.info("Agent {} hung up before the customer on contact {}", agent, contact);
        }
        update(contact, agent, q -> q.hungUpFirst(side, at));
    }

    void silence(ContactId contact, String agent, Instant start, Instant end) {
        try {
            if (!silences.existsByContactIdAndStartedAt(contact.value(), start)) {
                silences.save(new SilencePeriod(contact.value(), start, end));
            }
        } catch (DataIntegrityViolationException sameSilenceFromAnotherNode) {
            log.debug("Silence of contact {} at {} already stored", contact, start);
        } catch (DataAccessException e) {
            log.warn("Silence of contact {} not saved: {}", contact, e.getMessage());
            return;
        }
        Object[] summary = silences.summary(contact.value()).get(0);
        int count = ((Number) summary[0]).intValue();
        long longest = ((Number) summary[1]).longValue();
        update(contact, agent, q -> q.silences(count, longest, end));
    }

    private void update(ContactId contact, String agent, Consumer<CallQuality> change) {
        try {
            save(contact, agent, change);
        } catch (DataIntegrityViolationException createdMeanwhile) {
            retry(contact, agent, change);
        } catch (DataAccessException e) {
            // a lost quality note must not break call handling
            log.warn("Call quality of contact {} not saved: {}", contact, e.getMessage());
        }
    }

    private void retry(ContactId contact, String agent, Consumer<CallQuality> change) {
        try {
            save(contact, agent, change);
        } catch (DataAccessException e) {
            log.warn("Call quality of contact {} not saved: {}", contact, e.getMessage());
        }
    }

    private void save(ContactId contact, String agent, Consumer<CallQuality> change) {
        var quality = repository.findByContactId(contact.value()).orElseGet(() -> new CallQuality(contact.value()));
        quality.agent(agent);
        change.accept(quality);
        repository.save(quality);
    }
}
