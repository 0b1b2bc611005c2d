package dev.hotline.ticket;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every contact gets a ticket, opened and taken inside the transactions that write routing's journal. */
@SpringBootTest
class ContactTicketingIntegrationTests {

    @Autowired
    ContactIntake contacts;
    @Autowired
    dev.hotline.contact.ContactRecords records;

    @Autowired
    TicketManagement tickets;

    @Test
    void anArrivingContactGetsADraftTicketLinkedToIt() throws Exception {
        var contact = contacts.arrived(new NewContact(Channel.SMS, "twilio", "SM" + UUID.randomUUID(),
                "13800138000", null, "hotline", null, "电机不转了"));
        // what routing's journal writer hands the record once the contact is queued
        records.record(java.util.List.of(new dev.hotline.contact.ContactTransition(contact.id().value(), 1,
                dev.hotline.contact.ContactTransition.Kind.QUEUED, java.time.Instant.now(), null, "hotline", 5_000,
                null, false, null)));

        var ticket = TicketTestSupport.await(() -> tickets.findByContact(contact.id()));

        assertThat(ticket.status()).isEqualTo(TicketStatus.DRAFT);
        assertThat(ticket.type()).isNull();
        assertThat(ticket.fields().subject()).isEqualTo("电机不转了");
        // the database keeps microseconds
        assertThat(java.time.Duration.between(contact.arrivedAt(), ticket.openedAt()).abs())
                .isLessThan(java.time.Duration.ofMillis(1));
        assertThat(tickets.detail(ticket.id()).contactIds()).containsExactly(contact.id());
    }

    @Test
    void theAgentWhoAnswersTakesTheDraft() throws Exception {
        var contact = contacts.arrived(new NewContact(Channel.VOICE, "asterisk", "call-" + UUID.randomUUID(),
                "13900139000", "8000", "hotline", null, null));
        // what routing's journal writer hands the record once telephony connected the call
        records.record(java.util.List.of(new dev.hotline.contact.ContactTransition(contact.id().value(), 1,
                dev.hotline.contact.ContactTransition.Kind.ANSWERED, java.time.Instant.now(), "agent.answering", null, 0,
                null, false, null)));

        var ticket = TicketTestSupport.await(() -> tickets.findByContact(contact.id())
                .filter(t -> t.assignee() != null));

        assertThat(ticket.assignee()).isEqualTo("agent.answering");
    }

    @Test
    void aFinishClosesTheDraftNobodyFilledAsAnAnsweredInquiry() throws Exception {
        var contact = answeredCall();
        finish(contact, "inquiry-answered: 电机异响，已告知保养方法");

        var ticket = TicketTestSupport.await(() -> tickets.findByContact(contact.id())
                .filter(t -> t.status() == TicketStatus.CLOSED));
        assertThat(ticket.type()).isEqualTo(TicketType.INQUIRY);
        assertThat(ticket.fields().description()).isEqualTo("inquiry-answered: 电机异响，已告知保养方法");
        assertThat(tickets.detail(ticket.id()).history()).extracting(TicketHistoryView::note)
                .contains("Closed at finish by agent.li: inquiry-answered: 电机异响，已告知保养方法");
    }

    @Test
    void aNoRequestCodeClosesTheDraftWithoutAType() throws Exception {
        var wrongNumber = answeredCall();
        finish(wrongNumber, "wrong-number: 打错了");
        var looksLikeIt = answeredCall();
        finish(looksLikeIt, "wrong-numberish: x");

        var closed = TicketTestSupport.await(() -> tickets.findByContact(wrongNumber.id())
                .filter(t -> t.status() == TicketStatus.CLOSED));
        assertThat(closed.type()).isNull();
        var inquiry = TicketTestSupport.await(() -> tickets.findByContact(looksLikeIt.id())
                .filter(t -> t.status() == TicketStatus.CLOSED));
        assertThat(inquiry.type()).isEqualTo(TicketType.INQUIRY);
    }

    @Test
    void aDraftTheAgentWorkedOnKeepsItsFlowAndGetsTheDispositionAsANote() throws Exception {
        var contact = answeredCall();
        var draft = TicketTestSupport.await(() -> tickets.findByContact(contact.id()));
        tickets.update(draft.id(), TicketFields.NONE.withType(TicketType.REPAIR), TicketActor.SYSTEM);
        finish(contact, "ticket-opened: 上门维修");

        var ticket = TicketTestSupport.await(() -> tickets.findByContact(contact.id())
                .filter(t -> tickets.detail(t.id()).history().stream()
                        .anyMatch(h -> "Disposition (agent.li): ticket-opened: 上门维修".equals(h.note()))));
        assertThat(ticket.status()).isEqualTo(TicketStatus.DRAFT);
        assertThat(ticket.type()).isEqualTo(TicketType.REPAIR);
    }

    private dev.hotline.contact.ContactSnapshot answeredCall() {
        var contact = contacts.arrived(new NewContact(Channel.VOICE, "asterisk", "call-" + UUID.randomUUID(),
                "13900139000", "8000", "hotline", null, null));
        records.record(java.util.List.of(entry(contact, 1, dev.hotline.contact.ContactTransition.Kind.QUEUED, null),
                entry(contact, 2, dev.hotline.contact.ContactTransition.Kind.ANSWERED, null)));
        return contact;
    }

    private void finish(dev.hotline.contact.ContactSnapshot contact, String disposition) {
        records.record(java.util.List.of(new dev.hotline.contact.ContactTransition(contact.id().value(), 3,
                dev.hotline.contact.ContactTransition.Kind.ENDED, java.time.Instant.now(), "agent.li", null, 0,
                dev.hotline.contact.ContactOutcome.ANSWERED, false, null),
                entry(contact, 4, dev.hotline.contact.ContactTransition.Kind.DISPOSITION, disposition)));
    }

    private static dev.hotline.contact.ContactTransition entry(dev.hotline.contact.ContactSnapshot contact, long seq,
                                                               dev.hotline.contact.ContactTransition.Kind kind,
                                                               String detail) {
        return new dev.hotline.contact.ContactTransition(contact.id().value(), seq, kind, java.time.Instant.now(),
                "agent.li", "hotline", 5_000, null, false, detail);
    }
}
