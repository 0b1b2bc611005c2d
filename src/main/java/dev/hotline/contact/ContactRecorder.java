package dev.hotline.contact;

import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies routing's journal to the contact record, a batch per transaction: the contacts of the batch locked once, their
 * history rows inserted as one multi-row statement, the recorded events published inside the transaction (so the
 * event publication registry keeps the durable listeners' share).
 */
@Service
class ContactRecorder implements ContactRecords {

    private static final Logger log = LoggerFactory.getLogger(ContactRecorder.class);
    private static final String INSERT = "INSERT INTO contact_history (contact_id, at, action, from_status, to_status, "
            + "agent, detail, journal_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final ContactRepository contacts;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final EntityManager entities;

    ContactRecorder(ContactRepository contacts, JdbcTemplate jdbc, ApplicationEventPublisher events,
                    EntityManager entities) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.events = events;
        this.entities = entities;
    }

    @Override
    @Transactional
    public void record(List<ContactTransition> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // flushed once, at commit: Hibernate's default flushes before every query (the ticket listeners' deadline
        // reads), dirty-checking every contact and ticket of the batch each time, quadratic in the batch size. Nothing
        // in the batch reads back by query what it changed in memory (inserts go out at once: identity keys).
        entities.unwrap(Session.class).setHibernateFlushMode(FlushMode.COMMIT);
        Set<Long> ids = batch.stream().map(ContactTransition::contactId).collect(Collectors.toSet());
        Map<Long, Contact> byId = new HashMap<>();
        for (Contact c : contacts.lockAll(ids)) {
            byId.put(c.id(), c);
        }
        Set<String> done = recorded(ids, batch.stream().mapToLong(ContactTransition::seq).min().orElse(0));
        var rows = new ArrayList<Object[]>(batch.size());
        var published = new ArrayList<Object>();
        for (ContactTransition t : batch.stream().sorted(Comparator.comparingLong(ContactTransition::seq)).toList()) {
            Contact contact = byId.get(t.contactId());
            if (contact == null) {
                log.warn("Journal entry {} names contact {}, which is not in the database; skipped", t.kind(), t.contactId());
                continue;
            }
            if (!done.add(t.contactId() + ":" + t.seq())) {
                continue;
            }
            Contact.Applied applied = contact.apply(t);
            if (applied == null) {
                continue;
            }
            rows.add(new Object[]{t.contactId(), Timestamp.from(t.at()), applied.action(), name(applied.from()),
                    applied.to().name(), applied.agent(), truncate(applied.detail()), t.seq()});
            published.addAll(applied.events());
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
        published.forEach(events::publishEvent);
    }

    /** (contact:seq) of the batch's contacts already recorded: a redelivered batch is skipped entry by entry. */
    private Set<String> recorded(Set<Long> ids, long fromSeq) {
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        var out = new HashSet<String>();
        jdbc.query("SELECT contact_id, journal_seq FROM contact_history WHERE contact_id IN (" + in
                + ") AND journal_seq >= ?", rs -> {
            out.add(rs.getLong(1) + ":" + rs.getLong(2));
        }, fromSeq);
        return out;
    }

    private static String name(ContactStatus s) {
        return s == null ? null : s.name();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 255 ? s : s.substring(0, 255);
    }
}
