package dev.hotline.contact;

import dev.hotline.Concurrently;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ContactIntake on the real MariaDB: persistence, idempotency, transitions, history and events. */
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
        assertThat(events.stream(ContactArrived.class).filter(e -> e.contactId().equals(first.id()))).hasSize(1);
        assertThat(contactHistory(first.id())).extracting(ContactHistoryView::action).containsExactly("ARRIVED");
    }

    @Test
    void concurrentDuplicateArrivalsMakeOneContact() throws Exception {
        String sid = callSid();
        Callable<ContactId> arrive = () -> intake.arrived(call(sid, null)).id();
        assertThat(Concurrently.results(4, 8, arrive).stream().distinct()).hasSize(1);
    }

    @Test
    void answeredOnTheThirdRingCountsThreeRings() {
        Instant arrived = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        var contact = intake.arrived(call(callSid(), arrived));
        intake.queued(contact.id(), "hotline", Duration.ofSeconds(5));
        intake.offered(contact.id(), "agent.li", arrived.plusSeconds(2));

        var answered = intake.answered(contact.id(), "agent.li", arrived.plusMillis(12_400));

        assertThat(answered.status()).isEqualTo(ContactStatus.CONNECTED);
        assertThat(answered.ringsToAnswer()).isEqualTo(3);
        assertThat(events.stream(ContactAnswered.class).filter(e -> e.contactId().equals(contact.id())))
                .singleElement().satisfies(e -> assertThat(e.ringsToAnswer()).isEqualTo(3));
    }

    @Test
    void abandonPublishesAbandonedAndEndedExactlyOnce() {
        var contact = intake.arrived(call(callSid(), null));
        intake.abandoned(contact.id(), null);
        var again = intake.abandoned(contact.id(), null);

        assertThat(again.outcome()).isEqualTo(ContactOutcome.ABANDONED);
        assertThat(events.stream(ContactAbandoned.class).filter(e -> e.contactId().equals(contact.id()))).hasSize(1);
        assertThat(events.stream(ContactEnded.class).filter(e -> e.contactId().equals(contact.id())))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(ContactOutcome.ABANDONED));
    }

    @Test
    void callerHangingUpAfterAnswerEndsTheContactAsAnswered() {
        var contact = intake.arrived(call(callSid(), null));
        intake.answered(contact.id(), "agent.wang", null);

        var ended = intake.callerHungUp(contact.id(), null);

        assertThat(ended.status()).isEqualTo(ContactStatus.ENDED);
        assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(ended.agent()).isEqualTo("agent.wang");
        assertThat(contactHistory(contact.id())).extracting(ContactHistoryView::action)
                .containsExactly("ARRIVED", "ANSWERED", "ANSWERED");
    }

    @Test
    void racingAnswersAndHangUpsOfOneContactApplyOneAfterTheOther() throws Exception {
        // the agent leg's "in-progress" and the caller's "completed" arrive at once on different threads (nodes):
        // under the row lock each sees what the other wrote, so the contact ends exactly once, as the order had it
        for (int round = 0; round < 5; round++) {
            var contact = intake.arrived(call(callSid(), null));
            intake.offered(contact.id(), "agent.qian", null);
            Callable<String> answer = () -> attempt(() -> intake.answered(contact.id(), "agent.qian", null));
            Callable<String> hangUp = () -> attempt(() -> intake.callerHungUp(contact.id(), null));
            Concurrently.results(6, java.util.List.of(answer, hangUp, answer, hangUp, answer, hangUp));

            var ended = intake.find(contact.id()).orElseThrow();
            var actions = contactHistory(contact.id()).stream().map(ContactHistoryView::toStatus).toList();
            assertThat(ended.status()).isEqualTo(ContactStatus.ENDED);
            assertThat(actions).filteredOn(ContactStatus.ENDED::equals).hasSize(1);
            assertThat(actions).filteredOn(ContactStatus.CONNECTED::equals).hasSizeLessThanOrEqualTo(1);
            assertThat(ended.outcome()).isEqualTo(actions.contains(ContactStatus.CONNECTED)
                    ? ContactOutcome.ANSWERED : ContactOutcome.ABANDONED);
        }
    }

    private static String attempt(Runnable transition) {
        try {
            transition.run();
            return "applied";
        } catch (ConflictException refused) {
            return "refused";
        }
    }

    @Test
    void refusesToAnswerAnAbandonedContactAndChangesNothing() {
        var contact = intake.arrived(call(callSid(), null));
        intake.abandoned(contact.id(), null);
        int historyBefore = intake.history(contact.id()).size();

        assertThatThrownBy(() -> intake.answered(contact.id(), "agent.li", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ABANDONED");
        assertThat(intake.find(contact.id()).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED);
        assertThat(intake.history(contact.id())).hasSize(historyBefore);
    }

    @Test
    void refusesASecondAgentAnsweringAConnectedContact() {
        var contact = intake.arrived(call(callSid(), null));
        intake.answered(contact.id(), "agent.li", null);

        assertThat(intake.answered(contact.id(), "agent.li", null).agent()).isEqualTo("agent.li");
        assertThatThrownBy(() -> intake.answered(contact.id(), "agent.zhao", null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void overflowRecordsTheTargetAndEndsTheContact() {
        var contact = intake.arrived(call(callSid(), null));
        intake.overflowed(contact.id(), "+8613900000000", null);

        assertThat(intake.find(contact.id()).orElseThrow().outcome()).isEqualTo(ContactOutcome.OVERFLOWED);
        assertThat(events.stream(ContactOverflowed.class).filter(e -> e.contactId().equals(contact.id())))
                .singleElement().satisfies(e -> assertThat(e.target()).isEqualTo("+8613900000000"));
        assertThat(contactHistory(contact.id()).get(1).detail()).isEqualTo("+8613900000000");
    }

    @Test
    void rejectedOfferReturnsTheContactToWaiting() {
        var contact = intake.arrived(call(callSid(), null));
        intake.offered(contact.id(), "agent.li", null);
        var requeued = intake.requeued(contact.id(), "agent.li", "ring-no-answer", null);

        assertThat(requeued.status()).isEqualTo(ContactStatus.WAITING);
        assertThat(requeued.agent()).isNull();
        assertThat(requeued.offeredAt()).isNotNull();
    }

    @Test
    void lateRequeueOfAnEndedOfferLeavesANewerOfferAndAnswerAlone() {
        // routing records "A's ring ended" after Redis has already offered the contact to B, who may have answered
        var contact = intake.arrived(call(callSid(), null));
        intake.offered(contact.id(), "agent.a", null);
        intake.offered(contact.id(), "agent.b", null);

        assertThat(intake.requeued(contact.id(), "agent.a", "ring-no-answer", null).status())
                .isEqualTo(ContactStatus.OFFERED);
        intake.answered(contact.id(), "agent.b", null);
        var late = intake.requeued(contact.id(), "agent.a", "ring-no-answer", null);

        assertThat(late.status()).isEqualTo(ContactStatus.CONNECTED);
        assertThat(late.agent()).isEqualTo("agent.b");
        assertThat(contactHistory(contact.id())).extracting(h -> h.action()).doesNotContain("REQUEUED");
    }

    @Test
    void requeueOfAnEndedContactFails() {
        var contact = intake.arrived(call(callSid(), null));
        intake.offered(contact.id(), "agent.a", null);
        intake.abandoned(contact.id(), null);

        assertThatThrownBy(() -> intake.requeued(contact.id(), "agent.a", "ring-no-answer", null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void unknownContactIsNotFound() {
        assertThatThrownBy(() -> intake.answered(new ContactId(Long.MAX_VALUE), "agent.li", null))
                .isInstanceOf(NotFoundException.class);
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
