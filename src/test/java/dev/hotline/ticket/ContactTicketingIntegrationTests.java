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
}
