package dev.hotline.contact;

import dev.hotline.Concurrently;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contact record on the real MariaDB: arrivals, the journal routing writes behind, history and events. */
@SpringBootTest
@RecordApplicationEvents
class ContactIntakeIntegrationTests {

    @Autowired
    ContactIntake intake;

    @Autowired
    ApplicationEvents events;

    private static String callSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    private static NewContact call(String sid, Instant arrivedAt) {
        return new NewContact(Channel.VOICE, "twilio", sid, "0795-7369333", "+8640088888888", "hotline", arrivedAt, null);
    }

    @Test
    void registersACallOnceAndNormalisesTheCallerNumber() {
        String sid = callSid();
        var first = intake.arrived(call(sid, null));
        var repeat = intake.arrived(call(sid, null));

        assertThat(repeat.id()).isEqualTo(first.id());
        assertThat(first.status()).isEqualTo(ContactStatus.WAITING);
        assertThat(first.queue()).isEqualTo("hotline");
        assertThat(contactHistory(first.id())).extracting(ContactHistoryView::action).containsExactly("ARRIVED");
    }

    @Test
    void theArrivalIsAnnouncedOnceWithTheJournalEntryOfItsFirstQueueing() {
        var contact = intake.arrived(new NewContact(Channel.SMS, "twilio", "SM" + UUID.randomUUID(), "13800138000",
                null, "hotline", null, "电机不转了"));
        assertThat(events.stream(ContactArrived.class).filter(e -> e.contactId().equals(contact.id()))).isEmpty();

        var queued = entry(contact, ContactTransition.Kind.QUEUED, null, null);
        records.record(java.util.List.of(queued));
        records.record(java.util.List.of(queued)); // redelivered
        records.record(java.util.List.of(entry(contact, ContactTransition.Kind.QUEUED, null, null))); // requeued later

        assertThat(events.stream(ContactArrived.class).filter(e -> e.contactId().equals(contact.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.subject()).isEqualTo("电机不转了");
                    assertThat(e.arrivedAt()).isEqualTo(contact.arrivedAt());
                    assertThat(e.channel()).isEqualTo(Channel.SMS);
                });
    }

    @Test
    void concurrentDuplicateArrivalsMakeOneContact() throws Exception {
        String sid = callSid();
        Callable<ContactId> arrive = () -> intake.arrived(call(sid, null)).id();
        assertThat(Concurrently.results(4, 8, arrive).stream().distinct()).hasSize(1);
    }

    @Autowired
    ContactRecords records;

    private final java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong(1_000);

    /** One journal entry as routing's writer hands it over. */
    private ContactTransition entry(ContactSnapshot c, ContactTransition.Kind kind, Instant at, String agent) {
        return entry(c, kind, at, agent, null, false, null);
    }

    private ContactTransition entry(ContactSnapshot c, ContactTransition.Kind kind, Instant at, String agent,
                                    ContactOutcome outcome, boolean requeued, String detail) {
        return new ContactTransition(c.id().value(), seq.incrementAndGet(), kind, at == null ? Instant.now() : at, agent,
                "hotline", 5_000, outcome, requeued, detail);
    }

    @Test
    void answeredOnTheThirdRingCountsThreeRings() {
        Instant arrived = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        var contact = intake.arrived(call(callSid(), arrived));

        records.record(java.util.List.of(entry(contact, ContactTransition.Kind.QUEUED, arrived, null),
                entry(contact, ContactTransition.Kind.OFFERED, arrived.plusSeconds(2), "agent.li"),
                entry(contact, ContactTransition.Kind.ACCEPTED, arrived.plusSeconds(3), "agent.li"),
                entry(contact, ContactTransition.Kind.ANSWERED, arrived.plusMillis(12_400), "agent.li")));

        var answered = intake.find(contact.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(ContactStatus.CONNECTED);
        assertThat(answered.agent()).isEqualTo("agent.li");
        assertThat(answered.ringsToAnswer()).isEqualTo(3);
        assertThat(answered.offeredAt()).isEqualTo(arrived.plusSeconds(2));
        assertThat(events.stream(ContactAnswered.class).filter(e -> e.contactId().equals(contact.id())))
                .singleElement().satisfies(e -> assertThat(e.ringsToAnswer()).isEqualTo(3));
    }

    @Test
    void aBatchHandedOverAgainChangesNothing() {
        var contact = intake.arrived(call(callSid(), null));
        var batch = java.util.List.of(entry(contact, ContactTransition.Kind.OFFERED, null, "agent.li"),
                entry(contact, ContactTransition.Kind.ENDED, null, null, ContactOutcome.ABANDONED, false, null));

        records.record(batch);
        int history = intake.history(contact.id()).size();
        records.record(batch);              // the writer died before acknowledging: the next one hands it over again

        assertThat(intake.history(contact.id())).hasSize(history);
        assertThat(intake.find(contact.id()).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED);
        assertThat(events.stream(ContactAbandoned.class).filter(e -> e.contactId().equals(contact.id()))).hasSize(1);
        assertThat(events.stream(ContactEnded.class).filter(e -> e.contactId().equals(contact.id())))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(ContactOutcome.ABANDONED));
    }

    @Test
    void twoWritersRecordingTheSameBatchAtOnceRecordItOnce() throws Exception {
        var contact = intake.arrived(call(callSid(), null));
        var batch = java.util.List.of(entry(contact, ContactTransition.Kind.OFFERED, null, "agent.li"),
                entry(contact, ContactTransition.Kind.WITHDRAWN, null, "agent.li", null, true, "ring-no-answer"));
        Callable<String> write = () -> {
            try {
                records.record(batch);
                return "recorded";
            } catch (org.springframework.dao.DataAccessException lostTheRace) {
                return "refused";   // the unique (contact, sequence) key: its writer retries and skips what is there
            }
        };
        Concurrently.results(2, java.util.List.of(write, write));
        records.record(batch);

        assertThat(contactHistory(contact.id())).extracting(ContactHistoryView::action)
                .containsExactly("ARRIVED", "OFFERED", "REQUEUED");
        assertThat(intake.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.WAITING);
    }

    @Test
    void callerHangingUpAfterAnswerEndsTheContactAsAnswered() {
        var contact = intake.arrived(call(callSid(), null));
        records.record(java.util.List.of(entry(contact, ContactTransition.Kind.ANSWERED, null, "agent.wang"),
                entry(contact, ContactTransition.Kind.ENDED, null, null)));

        var ended = intake.find(contact.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(ContactStatus.ENDED);
        assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(ended.agent()).isEqualTo("agent.wang");
        assertThat(contactHistory(contact.id())).extracting(ContactHistoryView::action)
                .containsExactly("ARRIVED", "ANSWERED", "ANSWERED");
    }

    @Test
    void aLateEntryDoesNotMoveTheRecordBackButIsKeptInTheHistory() {
        var contact = intake.arrived(call(callSid(), null));
        var aRangOut = entry(contact, ContactTransition.Kind.WITHDRAWN, null, "agent.a", null, true, "ring-no-answer");
        records.record(java.util.List.of(entry(contact, ContactTransition.Kind.OFFERED, null, "agent.b"),
                entry(contact, ContactTransition.Kind.ANSWERED, null, "agent.b")));
        records.record(java.util.List.of(aRangOut));

        var c = intake.find(contact.id()).orElseThrow();
        assertThat(c.status()).isEqualTo(ContactStatus.CONNECTED);
        assertThat(c.agent()).isEqualTo("agent.b");
        assertThat(contactHistory(contact.id())).extracting(ContactHistoryView::action).contains("REQUEUED");
    }

    @Test
    void everyOfferThatEndsIsInTheHistoryAlsoWhileOthersStillRing() {
        var contact = intake.arrived(call(callSid(), null));
        records.record(java.util.List.of(
                entry(contact, ContactTransition.Kind.OFFERED, null, "agent.a", null, false, "widened"),
                entry(contact, ContactTransition.Kind.OFFERED, null, "agent.b", null, false, "widened"),
                entry(contact, ContactTransition.Kind.WITHDRAWN, null, "agent.a", null, false, "ring-no-answer"),
                entry(contact, ContactTransition.Kind.ACCEPTED, null, "agent.b")));

        assertThat(contactHistory(contact.id())).extracting(h -> h.action() + "/" + h.agent() + "/" + h.detail())
                .containsExactly("ARRIVED/null/VOICE from 0795-7369333", "OFFERED/agent.a/widened",
                        "OFFERED/agent.b/widened", "WITHDRAWN/agent.a/ring-no-answer", "ACCEPTED/agent.b/null");
    }

    @Test
    void overflowRecordsTheTargetAndEndsTheContact() {
        var contact = intake.arrived(call(callSid(), null));
        records.record(java.util.List.of(entry(contact, ContactTransition.Kind.ENDED, null, null,
                ContactOutcome.OVERFLOWED, false, "+8613900000000")));

        assertThat(intake.find(contact.id()).orElseThrow().outcome()).isEqualTo(ContactOutcome.OVERFLOWED);
        assertThat(events.stream(ContactOverflowed.class).filter(e -> e.contactId().equals(contact.id())))
                .singleElement().satisfies(e -> assertThat(e.target()).isEqualTo("+8613900000000"));
        assertThat(contactHistory(contact.id()).get(1).detail()).isEqualTo("+8613900000000");
    }

    @Test
    void theDispositionIsStoredAlsoAfterTheCallerHungUpFirst() {
        var contact = intake.arrived(call(callSid(), null));
        records.record(java.util.List.of(entry(contact, ContactTransition.Kind.ANSWERED, null, "agent.li"),
                entry(contact, ContactTransition.Kind.ENDED, null, "agent.li", ContactOutcome.ANSWERED, false, null),
                entry(contact, ContactTransition.Kind.DISPOSITION, null, "agent.li", null, false, "报修：电机异响，已登记上门")));

        assertThat(intake.find(contact.id()).orElseThrow().disposition()).isEqualTo("报修：电机异响，已登记上门");
        assertThat(events.stream(ContactDisposed.class).filter(e -> e.contactId().equals(contact.id())))
                .singleElement().satisfies(e -> assertThat(e.agent()).isEqualTo("agent.li"));
    }

    @Test
    void rejectedOfferReturnsTheContactToWaiting() {
        var contact = intake.arrived(call(callSid(), null));
        records.record(java.util.List.of(entry(contact, ContactTransition.Kind.OFFERED, null, "agent.li"),
                entry(contact, ContactTransition.Kind.WITHDRAWN, null, "agent.li", null, true, "rejected")));

        var requeued = intake.find(contact.id()).orElseThrow();
        assertThat(requeued.status()).isEqualTo(ContactStatus.WAITING);
        assertThat(requeued.agent()).isNull();
        assertThat(requeued.offeredAt()).isNotNull();
    }

    @Test
    void anEntryForAContactTheDatabaseDoesNotHaveIsSkipped() {
        var known = intake.arrived(call(callSid(), null));
        var unknown = new ContactTransition(Long.MAX_VALUE, seq.incrementAndGet(), ContactTransition.Kind.ENDED,
                Instant.now(), null, null, 0, null, false, null);

        records.record(java.util.List.of(unknown, entry(known, ContactTransition.Kind.OFFERED, null, "agent.li")));

        assertThat(intake.find(known.id()).orElseThrow().status()).isEqualTo(ContactStatus.OFFERED);
    }

    @Test
    void withheldCallerIdKeepsTheCallWithoutACustomer() {
        var contact = intake.arrived(new NewContact(Channel.VOICE, "asterisk", callSid(), "anonymous", "8000",
                null, null, null));

        assertThat(contact.customerId()).isNull();
        assertThat(contact.from()).isEqualTo("anonymous");
        assertThat(contact.status()).isEqualTo(ContactStatus.WAITING);
    }

    /** The contact's own history: routing (running in this application) adds QUEUED when it takes the contact. */
    private java.util.List<ContactHistoryView> contactHistory(ContactId id) {
        return intake.history(id).stream().filter(h -> !h.action().equals("QUEUED")).toList();
    }
}
