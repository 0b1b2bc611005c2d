package dev.hotline.ticket;

import dev.hotline.Concurrently;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tickets on the real MariaDB: numbering under concurrency, one ticket per contact, append-only history. */
@SpringBootTest
class TicketRepositoryTests {

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketNumbers numbers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    static ContactId uniqueContact() {
        // far above the contact table's ids, so no real contact collides
        return new ContactId(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2));
    }

    @Test
    void numbersAreUniqueAndGaplessPerDayUnderConcurrency() throws Exception {
        // a day far in the past that no other test uses
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        Callable<String> take = () -> tx.execute(s -> numbers.next(day));
        var taken = Concurrently.results(6, 30, take);
        String prefix = "CS-" + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "-";
        assertThat(taken).doesNotHaveDuplicates().hasSize(30).allMatch(n -> n.startsWith(prefix));
        assertThat(taken).contains(prefix + "0001", prefix + "0030");
    }

    @Test
    void aContactGetsOneDraftTicketHoweverOftenItIsOpened() throws Exception {
        var contact = uniqueContact();
        Callable<Long> open = () -> tickets.openForContact(contact, 42L, "电机异响", null).id();
        assertThat(Concurrently.results(4, 6, open).stream().distinct()).hasSize(1);
        var ticket = tickets.findByContact(contact).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.DRAFT);
        assertThat(ticket.customerId()).isEqualTo(42L);
        assertThat(ticket.number()).matches("CS-\\d{8}-\\d{4,}");
        assertThat(tickets.detail(ticket.id()).contactIds()).containsExactly(contact);
        assertThat(tickets.detail(ticket.id()).deadlines()).extracting(TicketDeadlineView::kind)
                .containsExactly(DeadlineKind.RESPONSE);
    }

    @Test
    void theAnsweringAgentTakesTheDraftEvenWhenTheAnswerIsHandledBeforeTheArrival() throws Exception {
        var contact = uniqueContact();
        // both listeners are asynchronous: the answer may open the draft, racing the arrival's opening
        Callable<Long> answered = () -> tickets.takeDraftOf(contact, 7L, null, "agent.first").id();
        Callable<Long> arrived = () -> tickets.openForContact(contact, 7L, "不制冷", null).id();
        assertThat(Concurrently.results(4, List.of(answered, arrived, answered, arrived)).stream().distinct())
                .hasSize(1);
        // answered again later (after a transfer): the draft stays with whoever took it first
        var ticket = tickets.takeDraftOf(contact, 7L, null, "agent.second");

        assertThat(ticket.assignee()).isEqualTo("agent.first");
        assertThat(tickets.detail(ticket.id()).history()).filteredOn(h -> "ASSIGNED".equals(h.action())).hasSize(1);
    }

    @Test
    void aFullComplaintFlowIsRecordedInHistoryAndNothingIsLost() {
        var ticket = tickets.openForContact(uniqueContact(), null, null, null);
        var agent = TicketActor.agent("agent.repo." + ticket.id());
        tickets.transition(ticket.id(), TicketStatus.REGISTERED, complaint(), null, agent);
        tickets.transition(ticket.id(), TicketStatus.VERIFIED, verified(), null, agent);
        tickets.transition(ticket.id(), TicketStatus.ANALYSED, analysed(), null, agent);
        tickets.transition(ticket.id(), TicketStatus.SOLUTION_AGREED, solution(), null, agent);
        tickets.transition(ticket.id(), TicketStatus.IMPLEMENTED, null, null, agent);
        tickets.transition(ticket.id(), TicketStatus.CUSTOMER_INFORMED, null, "called back", agent);
        tickets.transition(ticket.id(), TicketStatus.REOPENED, null, "still noisy", agent);
        tickets.transition(ticket.id(), TicketStatus.SOLUTION_AGREED, null, "new bearing supplier", agent);
        tickets.transition(ticket.id(), TicketStatus.IMPLEMENTED, null, null, agent);
        tickets.transition(ticket.id(), TicketStatus.CUSTOMER_INFORMED, null, null, agent);
        var closed = tickets.transition(ticket.id(), TicketStatus.CLOSED, null, "satisfied", agent);

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.reopenCount()).isEqualTo(1);
        assertThat(closed.assignee()).isEqualTo(agent.name());
        assertThat(closed.fields().orderNo()).isEqualTo("PO-778");
        var detail = tickets.detail(ticket.id());
        assertThat(detail.history()).filteredOn(h -> h.action().equals("TRANSITION"))
                .extracting(TicketHistoryView::toStatus).containsExactly(TicketStatus.REGISTERED,
                        TicketStatus.VERIFIED, TicketStatus.ANALYSED, TicketStatus.SOLUTION_AGREED,
                        TicketStatus.IMPLEMENTED, TicketStatus.CUSTOMER_INFORMED, TicketStatus.REOPENED,
                        TicketStatus.SOLUTION_AGREED, TicketStatus.IMPLEMENTED, TicketStatus.CUSTOMER_INFORMED,
                        TicketStatus.CLOSED);
        assertThat(detail.deadlines()).allMatch(d -> d.stoppedAt() != null);
    }

    @Test
    void aRefusedStepChangesNothing() {
        var ticket = tickets.openForContact(uniqueContact(), null, null, null);
        var agent = TicketActor.agent("agent.refused." + ticket.id());
        tickets.transition(ticket.id(), TicketStatus.REGISTERED, complaint(), null, agent);
        int before = tickets.detail(ticket.id()).history().size();

        assertThatThrownBy(() -> tickets.transition(ticket.id(), TicketStatus.ANALYSED, analysed(), null, agent))
                .isInstanceOf(dev.hotline.shared.ConflictException.class);
        assertThatThrownBy(() -> tickets.transition(ticket.id(), TicketStatus.VERIFIED,
                verified().with(new TicketFields(null, null, null, null, null, null, null, null, null, 5, 9, null,
                        null, null, null, null, null, null, null, null, null, null)), null, agent))
                .isInstanceOf(dev.hotline.shared.InvalidInputException.class);

        var after = tickets.detail(ticket.id());
        assertThat(after.ticket().status()).isEqualTo(TicketStatus.REGISTERED);
        assertThat(after.ticket().fields().cause()).isNull();
        assertThat(after.ticket().fields().orderNo()).isNull();
        assertThat(after.history()).hasSize(before);
    }

    @Test
    void aCommentIsStoredOnceInTheHistory() {
        var ticket = tickets.openForContact(uniqueContact(), null, null, null);
        tickets.comment(ticket.id(), "first note", TicketActor.supervisor("sup"));
        Integer rows = jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ? and action = 'COMMENT'",
                Integer.class, ticket.id());
        assertThat(rows).isEqualTo(1);
        assertThat(tickets.detail(ticket.id()).history()).extracting(TicketHistoryView::note).contains("first note");
    }

    @Test
    void aContactMovedOntoTheCustomersOpenTicketClosesItsEmptyDraft() {
        long customer = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        var first = uniqueContact();
        var second = uniqueContact();
        var main = tickets.openForContact(first, customer, null, null);
        var draft = tickets.openForContact(second, customer, null, null);
        var sup = TicketActor.supervisor("sup.merge");

        tickets.linkContact(main.id(), second, sup);

        assertThat(tickets.findByContact(second).orElseThrow().id()).isEqualTo(main.id());
        assertThat(tickets.detail(main.id()).contactIds()).containsExactlyInAnyOrder(first, second);
        var merged = tickets.detail(draft.id());
        assertThat(merged.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.history()).extracting(TicketHistoryView::note).anyMatch(n -> n != null && n.contains(main.number()));

        var otherCustomers = tickets.openForContact(uniqueContact(), customer + 1, null, null);
        assertThatThrownBy(() -> tickets.linkContact(otherCustomers.id(), first, sup))
                .isInstanceOf(dev.hotline.shared.ConflictException.class);
    }

    @Test
    void aRepeatRepairOfTheSameSerialWithinTheWindowIsMarked() {
        String serial = "SN-" + ThreadLocalRandom.current().nextLong(1L << 40);
        var sup = TicketActor.supervisor("sup.repair");
        var first = tickets.openForContact(uniqueContact(), null, null, null);
        tickets.transition(first.id(), TicketStatus.REGISTERED, repair(serial), null, sup);
        tickets.transition(first.id(), TicketStatus.DIAGNOSED, diagnosis(), null, sup);
        tickets.transition(first.id(), TicketStatus.FIXED, null, null, sup);
        var firstClosed = tickets.transition(first.id(), TicketStatus.CLOSED, null, null, sup);

        var second = tickets.openForContact(uniqueContact(), null, null, null);
        var repeat = tickets.transition(second.id(), TicketStatus.REGISTERED, repair(serial), null, sup);

        assertThat(repeat.repeatRepairOf()).isEqualTo(firstClosed.number());
        Instant from = first.openedAt().minusSeconds(1);
        var kpis = tickets.kpis(from, Instant.now().plusSeconds(1), null);
        assertThat(kpis.repairsClosed()).isGreaterThanOrEqualTo(1);
        assertThat(kpis.repairsFixedFirstTime()).isLessThan(kpis.repairsClosed());
    }

    static TicketFields complaint() {
        return new TicketFields(TicketType.COMPLAINT, ComplaintCategory.QUALITY, Severity.MINOR, "电机异响",
                "客户反映电机异响", "SN-1", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    static TicketFields verified() {
        return new TicketFields(null, null, null, null, null, null, "PO-778", "YS-7124", LocalDate.of(2025, 6, 1),
                200, 7, "换货", null, null, null, null, null, null, null, null, null, null);
    }

    static TicketFields analysed() {
        return new TicketFields(null, null, null, null, null, null, null, null, null, null, null, null,
                "轴承批次不良", "品控中心", null, null, null, null, null, null, null, null);
    }

    static TicketFields solution() {
        return new TicketFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "更换不良品并补发", null, null, null, null, null, null, null);
    }

    static TicketFields repair(String serial) {
        return new TicketFields(TicketType.REPAIR, null, null, null, "不转", serial, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    static TicketFields diagnosis() {
        return new TicketFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, WarrantyDecision.IN_WARRANTY, dev.hotline.customer.Charge.FREE, true, false, false, null, null);
    }

    @Test
    void returnReasonsStoredUnderTheTicketModulesFormerNamesAreRenamedToTheArchiveVocabulary() throws Exception {
        // before V190 the ticket module had its own ReturnReason; its stored names no longer exist in the enum
        long id = tickets.openForContact(uniqueContact(), null, "退货", null).id();
        jdbc.update("UPDATE ticket SET return_reason = 'DAMAGED_IN_TRANSPORT', charge = 'MATERIAL' WHERE id = ?", id);
        var script = new org.springframework.core.io.ClassPathResource(
                "db/migration/V190__ticket_return_reason_vocabulary.sql");
        try (var connection = jdbc.getDataSource().getConnection()) {
            org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(connection, script);
        }
        var fields = tickets.find(id).orElseThrow().fields();
        assertThat(fields.returnReason()).isEqualTo(dev.hotline.customer.ReturnReason.TRANSPORT_DAMAGE);
        assertThat(fields.returnReason().allows()).isTrue();
        assertThat(fields.charge()).isEqualTo(dev.hotline.customer.Charge.MATERIAL);
    }
}
