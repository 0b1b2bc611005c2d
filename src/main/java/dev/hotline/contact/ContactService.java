package dev.hotline.contact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hotline.shared.CallerIdentification;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.KnownCaller;
import dev.hotline.shared.PhoneNumber;
import dev.hotline.shared.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records arrivals (the contact row and its history row: the one synchronous transaction of a contact) and answers
 * queries on the record. {@link ContactArrived} follows from routing's journal (see {@link ContactRecorder}).
 */
@Service
class ContactService implements ContactIntake {

    private static final Logger log = LoggerFactory.getLogger(ContactService.class);

    private final ContactRepository contacts;
    private final ContactHistoryRepository history;
    private final ObjectProvider<CallerIdentification> callers;
    /** resolved at the first arrival (a bean lookup per call showed in the routing profile); null until then */
    private volatile CallerIdentification identification;
    private final PhoneNumbers phoneNumbers;
    private final ContactProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** provider + ' ' + external id → contact id, of arrivals seen here; a miss reads the database. */
    private final Cache<String, Long> ids = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(4)).build();

    ContactService(ContactRepository contacts, ContactHistoryRepository history,
                   ObjectProvider<CallerIdentification> callers, PhoneNumbers phoneNumbers,
                   ContactProperties properties, PlatformTransactionManager transactions,
                   ObjectProvider<Clock> clock) {
        this.contacts = contacts;
        this.history = history;
        this.callers = callers;
        this.phoneNumbers = phoneNumbers;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        // the database keeps microseconds; truncating here keeps snapshots equal to what is stored
        this.clock = Clock.tick(clock.getIfAvailable(Clock::systemUTC), java.time.Duration.ofNanos(1000));
    }

    @Override
    public ContactSnapshot arrived(NewContact c) {
        validate(c);
        try {
            // the hot path: one transaction, no read first; the unique (provider, external id) refuses a redelivery
            var registered = tx.execute(status -> register(c));
            if (c.externalId() != null) {
                ids.put(c.provider() + ' ' + c.externalId(), registered.id().value());
            }
            return registered;
        } catch (DataIntegrityViolationException duplicate) {
            // the same call reported again (a webhook retry, or one racing the original): the stored contact
            log.debug("Repeated arrival {}/{} resolved to the stored contact", c.provider(), c.externalId());
            return contacts.findByProviderAndExternalId(c.provider(), c.externalId())
                    .orElseThrow(() -> duplicate).snapshot();
        }
    }

    private ContactSnapshot register(NewContact c) {
        Instant arrivedAt = c.arrivedAt() == null ? clock.instant() : c.arrivedAt();
        String queue = c.queue() == null || c.queue().isBlank() ? properties.defaultQueue() : c.queue();
        PhoneNumber number = phoneOf(c);
        KnownCaller caller = number == null ? null : identify(number);
        var contact = contacts.save(new Contact(c, queue, number == null ? null : number.e164(),
                caller == null ? null : caller.customerId(), caller == null ? null : caller.tier(), arrivedAt,
                properties.defaultRingPeriod()));
        record(contact, "ARRIVED", null, null, c.direction() == ContactDirection.OUTBOUND
                ? c.channel() + " OUTBOUND to " + c.to() : c.channel() + " from " + c.from());
        return contact.snapshot();
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public boolean identifyCaller(ContactId id, long customerId, dev.hotline.shared.CustomerTier tier) {
        return contacts.identify(id.value(), customerId, tier) == 1;
    }

    @Override
    public Optional<ContactSnapshot> find(ContactId id) {
        return contacts.findById(id.value()).map(Contact::snapshot);
    }

    @Override
    public Optional<ContactSnapshot> findByExternalId(String provider, String externalId) {
        return contacts.findByProviderAndExternalId(provider, externalId).map(Contact::snapshot);
    }

    @Override
    public Optional<ContactId> idOf(String provider, String externalId) {
        Long id = ids.getIfPresent(provider + ' ' + externalId);
        return (id != null ? Optional.of(id) : contacts.idOf(provider, externalId)).map(ContactId::new);
    }

    @Override
    public Page<ContactSnapshot> search(ContactStatus status, String queue, Channel channel, Long customerId,
                                        String agent, Pageable page) {
        return contacts.search(status, queue, channel, customerId, agent, page).map(Contact::snapshot);
    }

    @Override
    public List<ContactHistoryView> history(ContactId id) {
        return history.findByContactIdOrderByIdAsc(id.value()).stream().map(ContactHistoryEntry::view).toList();
    }

    private void record(Contact contact, String action, ContactStatus from, String agent, String detail) {
        history.save(new ContactHistoryEntry(contact.id(), clock.instant(), action, from, contact.status(),
                agent == null ? contact.agent() : agent, detail));
    }

    private void validate(NewContact c) {
        if (c == null || c.channel() == null) {
            throw new InvalidInputException("channel", "A contact needs a channel");
        }
        if (c.provider() == null || c.provider().isBlank() || c.provider().length() > 16) {
            throw new InvalidInputException("provider", "A contact needs the name of its entry point (max 16 chars)");
        }
        if (c.externalId() != null && c.externalId().length() > 128) {
            throw new InvalidInputException("externalId", "External ids are at most 128 characters");
        }
        if (c.from() != null && c.from().length() > 255) {
            throw new InvalidInputException("from", "The sender is at most 255 characters");
        }
        if (c.subject() != null && c.subject().length() > 500) {
            throw new InvalidInputException("subject", "The subject is at most 500 characters");
        }
    }

    /** Phone channels carry a number; withheld or garbage caller ids stay unresolved rather than refusing the call. */
    private PhoneNumber phoneOf(NewContact c) {
        String address = c.customerAddress();
        if (address == null || address.isBlank()) {
            return null;
        }
        boolean phoneChannel = c.channel() == Channel.VOICE || c.channel() == Channel.SMS
                || c.channel() == Channel.WHATSAPP;
        try {
            return phoneChannel || address.matches("[+\\d][\\d\\s().\\-]{4,30}") ? phoneNumbers.parse(address) : null;
        } catch (InvalidInputException e) {
            log.info("Caller id '{}' of a {} contact is not a phone number; the caller stays unidentified",
                    address, c.channel());
            return null;
        }
    }

    private KnownCaller identify(PhoneNumber number) {
        var identification = this.identification;
        if (identification == null) {
            identification = callers.getIfAvailable();
            this.identification = identification;
        }
        return identification == null ? null : identification.identify(number).orElse(null);
    }
}
