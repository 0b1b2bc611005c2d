package dev.hotline.ticket;

import dev.hotline.contact.NewContact;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline watch raises each alert and escalation once, even when runs overlap. */
@SpringBootTest
class DeadlineWatchIntegrationTests {

    @Autowired
    DeadlineWatch watch;

    @Autowired
    TicketManagement tickets;

    @Autowired
    ContactRouting contacts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOverdueComplaintRaisesOneAlertAndOneEscalationWhenTwoRunsOverlap() throws Exception {
        // a complaint whose contact arrived three hours ago: its 2 h response deadline has passed
        var contact = contacts.arrive(new NewContact(Channel.LETTER, "api", "watch-" + UUID.randomUUID(),
                "江西某公司", null, null, Instant.now().minus(Duration.ofHours(3)), "投诉：电机异响"));
        var ticket = TicketTestSupport.await(() -> tickets.findByContact(contact.id()));
        tickets.transition(ticket.id(), TicketStatus.REGISTERED, TicketRepositoryTests.complaint(), null,
                TicketActor.supervisor("sup.watch"));

        Instant now = Instant.now();
        var start = new CountDownLatch(1);
        Callable<List<DeadlineWatch.Alert>> run = () -> {
            start.await();
            return watch.check(now);
        };
        var pool = Executors.newFixedThreadPool(2);
        var raised = new ArrayList<DeadlineWatch.Alert>();
        try {
            var a = pool.submit(run);
            var b = pool.submit(run);
            start.countDown();
            raised.addAll(a.get());
            raised.addAll(b.get());
        } finally {
            pool.shutdownNow();
        }
        raised.addAll(watch.check(now));

        var mine = raised.stream().filter(alert -> alert.ticketId() == ticket.id()).toList();
        assertThat(mine).filteredOn(alert -> alert.deadline() == DeadlineKind.RESPONSE).hasSizeLessThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from ticket_alert where ticket_id = ? and deadline_kind = 'RESPONSE'""",
                Integer.class, ticket.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select alert_kind from ticket_alert where ticket_id = ? and deadline_kind = 'RESPONSE'""",
                String.class, ticket.id())).isEqualTo("MISSED");

        var detail = tickets.detail(ticket.id());
        assertThat(detail.ticket().fields().severity()).isEqualTo(Severity.MAJOR);
        assertThat(detail.ticket().escalated()).isTrue();
        assertThat(detail.history()).filteredOn(h -> h.action().equals("ESCALATED")).hasSize(1);
        // a major complaint must now be resolved within 24 h
        assertThat(detail.deadlines()).extracting(TicketDeadlineView::kind).contains(DeadlineKind.RESOLUTION);
    }

    @Test
    void aDeadlinePastEightyPercentRaisesANearAlertOnce() {
        var ticket = tickets.openForContact(TicketRepositoryTests.uniqueContact(), null, null,
                Instant.now().minus(Duration.ofMinutes(100)));
        Instant now = Instant.now();

        var first = watch.check(now).stream().filter(a -> a.ticketId() == ticket.id()).toList();
        var second = watch.check(now).stream().filter(a -> a.ticketId() == ticket.id()).toList();

        assertThat(jdbc.queryForObject("select count(*) from ticket_alert where ticket_id = ? and alert_kind = 'NEAR'",
                Integer.class, ticket.id())).isEqualTo(1);
        assertThat(second).isEmpty();
        assertThat(first.size() + second.size()).isLessThanOrEqualTo(1);
        assertThat(tickets.detail(ticket.id()).ticket().escalated()).isFalse();
    }

    @Test
    void aStoppedClockRaisesNothing() {
        var ticket = tickets.openForContact(TicketRepositoryTests.uniqueContact(), null, null,
                Instant.now().minus(Duration.ofHours(5)));
        tickets.transition(ticket.id(), TicketStatus.CLOSED, null, "wrong number", TicketActor.supervisor("sup"));

        watch.check(Instant.now());

        assertThat(jdbc.queryForObject("select count(*) from ticket_alert where ticket_id = ?", Integer.class,
                ticket.id())).isZero();
    }

    @Test
    void hundredsOfOverdueOpenTicketsAlreadyAlertedDoNotHideANewMissedDeadline() {
        // 600 open tickets whose response deadline passed long ago and was alerted: more than one watch batch
        String run = Long.toString(System.nanoTime(), 36);
        jdbc.update("""
                insert into ticket (number, status, created_by, opened_at, reopen_count, escalated, version)
                select concat('W', ?, '-', n), 'DRAFT', 'seed', timestamp('2001-01-01') + interval n minute, 0, false, 0
                from %s seq where n < 600""".formatted(dev.hotline.SeededMonth.sequence(3)), run);
        jdbc.update("""
                insert into ticket_deadline (ticket_id, kind, started_at, near_at, due_at)
                select id, 'RESPONSE', opened_at, opened_at + interval 96 minute, opened_at + interval 2 hour
                from ticket where number like concat('W', ?, '-%')""", run);
        jdbc.update("""
                insert into ticket_alert (ticket_id, deadline_kind, alert_kind, due_at, raised_at)
                select ticket_id, kind, 'MISSED', due_at, due_at from ticket_deadline
                where ticket_id in (select id from ticket where number like concat('W', ?, '-%'))""", run);
        var ticket = tickets.openForContact(TicketRepositoryTests.uniqueContact(), null, null,
                Instant.now().minus(Duration.ofHours(3)));

        var raised = watch.check(Instant.now());

        assertThat(raised).contains(new DeadlineWatch.Alert(ticket.id(), DeadlineKind.RESPONSE,
                DeadlineWatch.AlertKind.MISSED));
    }
}
