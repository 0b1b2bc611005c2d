package dev.hotline.followup;

import dev.hotline.ticket.ComplaintEscalated;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Visits planned by tier and after closed tickets; surveys answered; not satisfied reopens the complaint. */
@SpringBootTest
class FollowupIntegrationTests {

    /** Every CustomerNotSatisfied published in this context, whoever published it. */
    static final List<CustomerNotSatisfied> NOT_SATISFIED = new CopyOnWriteArrayList<>();
    static final List<SurveyInvited> INVITED = new CopyOnWriteArrayList<>();
    static final List<ComplaintEscalated> ESCALATED = new CopyOnWriteArrayList<>();
    private static volatile boolean listening;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VisitPlanner planner;
    @Autowired
    Visits visits;
    @Autowired
    Surveys surveys;
    @Autowired
    TicketManagement tickets;
    @Autowired
    FollowupCalendar calendar;
    @Autowired
    ConfigurableApplicationContext context;

    @BeforeEach
    void listen() {
        if (!listening) {
            listening = true;
            context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
                if (e.getPayload() instanceof CustomerNotSatisfied n) {
                    NOT_SATISFIED.add(n);
                } else if (e.getPayload() instanceof SurveyInvited i) {
                    INVITED.add(i);
                } else if (e.getPayload() instanceof ComplaintEscalated c) {
                    ESCALATED.add(c);
                }
            });
        }
    }

    @Test
    void aKeyCustomerLastVisitedSixMonthsAgoIsDueAndPlannedOnce() {
        var today = calendar.today(Clock.systemUTC());
        var longAgo = Instant.now().minus(Duration.ofDays(800));
        long keyDue = FollowupFixtures.customer(jdbc, "KEY", longAgo);
        FollowupFixtures.doneVisit(jdbc, keyDue, today.minusMonths(6));
        long keyRecent = FollowupFixtures.customer(jdbc, "KEY", longAgo);
        FollowupFixtures.doneVisit(jdbc, keyRecent, today.minusMonths(3));
        long longTerm = FollowupFixtures.customer(jdbc, "LONG_TERM", longAgo);
        FollowupFixtures.doneVisit(jdbc, longTerm, today.minusMonths(6));
        long longTermDue = FollowupFixtures.customer(jdbc, "LONG_TERM", longAgo);
        long regular = FollowupFixtures.customer(jdbc, "REGULAR", longAgo);

        planner.planTierVisits(today, Instant.now());
        planner.planTierVisits(today, Instant.now());

        assertThat(openTierTasks(keyDue)).containsExactly(today.minusMonths(6).plusMonths(6).toString());
        assertThat(openTierTasks(keyRecent)).isEmpty();
        assertThat(openTierTasks(longTerm)).isEmpty();
        // never visited: a year after joining the archive, long overdue
        assertThat(openTierTasks(longTermDue)).containsExactly(calendar.zone() == null ? ""
                : java.time.LocalDate.ofInstant(longAgo, java.time.ZoneOffset.UTC).plusMonths(12).toString());
        assertThat(openTierTasks(regular)).isEmpty();

        var task = visits.list(new VisitQuery(VisitQuery.View.DUE_TODAY, null, keyDue, today), FollowupActor.SYSTEM);
        assertThat(task).singleElement().satisfies(t -> {
            assertThat(t.reason()).isEqualTo(VisitReason.TIER_SCHEDULE);
            assertThat(t.assignee()).isNull();
        });
        // done today: the next one is six months away, so planning adds nothing
        visits.record(task.get(0).id(), VisitChannel.PHONE, VisitOutcome.SATISFIED, "一切正常",
                new FollowupActor("agent.visit", false));
        planner.planTierVisits(today, Instant.now());
        assertThat(openTierTasks(keyDue)).isEmpty();
        assertThatThrownBy(() -> visits.record(task.get(0).id(), VisitChannel.PHONE, VisitOutcome.SATISFIED, null,
                new FollowupActor("agent.visit", false))).hasMessageContaining("already DONE");
    }

    @Test
    void closingAComplaintPlansAVisitWithinSevenDaysAndInvitesASurvey() {
        long customer = FollowupFixtures.customer(jdbc, "REGULAR", Instant.now());
        var ticket = FollowupFixtures.complaint(tickets, customer, TicketStatus.CLOSED);

        var task = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select due_on from visit_task where ticket_id = ? and reason = 'AFTER_TICKET'", java.sql.Date.class,
                ticket.id()), l -> !l.isEmpty());
        assertThat(task.get(0).toLocalDate())
                .isEqualTo(ticket.closedAt().atZone(calendar.zone()).toLocalDate().plusDays(7));
        await().atMost(Duration.ofSeconds(15)).until(() -> INVITED.stream().anyMatch(i ->
                ticket.number().equals(i.ticketNumber())));
        var invited = INVITED.stream().filter(i -> ticket.number().equals(i.ticketNumber())).findFirst().orElseThrow();
        assertThat(invited.phone()).isEqualTo(FollowupFixtures.phoneOf(jdbc, customer));
        assertThat(invited.link()).contains("/survey.html#" + invited.surveyId() + ".");
    }

    @Test
    void aNotSatisfiedPhoneSurveyReopensAnInformedComplaintAndRaisesTheEvent() {
        long customer = FollowupFixtures.customer(jdbc, "KEY", Instant.now());
        var ticket = FollowupFixtures.complaint(tickets, customer, TicketStatus.CUSTOMER_INFORMED);
        var agent = new FollowupActor("agent.survey", false);
        var survey = surveys.open(customer, ticket.id(), null, agent);

        var answered = surveys.answerByAgent(survey.id(), new SurveyAnswer(Level.POOR, Level.FAIR, Level.POOR,
                Level.GOOD, Level.GOOD, "还是有异响"), agent);

        assertThat(answered.score()).isEqualByComparingTo("52");
        assertThat(answered.satisfied()).isFalse();
        assertThat(answered.channel()).isEqualTo(SurveyChannel.PHONE);
        assertThat(NOT_SATISFIED).anySatisfy(n -> {
            assertThat(n.surveyId()).isEqualTo(survey.id());
            assertThat(n.ticketNumber()).isEqualTo(ticket.number());
            assertThat(n.comment()).isEqualTo("还是有异响");
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> tickets.find(ticket.id()).orElseThrow().status(),
                s -> s == TicketStatus.REOPENED);
        assertThat(tickets.find(ticket.id()).orElseThrow().reopenCount()).isEqualTo(1);
    }

    @Test
    void aNotSatisfiedDigitReplyReopensTheClosedComplaintItselfAndCopiesTheGeneralManager() {
        long customer = FollowupFixtures.customer(jdbc, "REGULAR", Instant.now());
        var ticket = FollowupFixtures.complaint(tickets, customer, TicketStatus.CLOSED);
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from survey where ticket_id = ?",
                ticket.id()) == 1);

        var answered = surveys.answerByDigits(FollowupFixtures.phoneOf(jdbc, customer), "3 3 3 3 3 太差了");

        assertThat(answered).get().satisfies(s -> {
            assertThat(s.ticketId()).isEqualTo(ticket.id());
            assertThat(s.channel()).isEqualTo(SurveyChannel.SMS);
            assertThat(s.score()).isEqualByComparingTo("0");
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> tickets.find(ticket.id()).orElseThrow().status(),
                s -> s == TicketStatus.REOPENED);
        var reopened = tickets.find(ticket.id()).orElseThrow();
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.closedAt()).isNull();
        assertThat(ESCALATED).anySatisfy(e -> {
            assertThat(e.ticketId()).isEqualTo(ticket.id());
            assertThat(e.reason()).isEqualTo(ComplaintEscalated.Reason.REOPENED);
        });
        // no second complaint: the same one is back in work
        assertThat(count("select count(*) from ticket where customer_id = ? and type = 'COMPLAINT'", customer))
                .isEqualTo(1);
        // a second reply finds no open survey: it is an ordinary message
        assertThat(surveys.answerByDigits(FollowupFixtures.phoneOf(jdbc, customer), "11111")).isEmpty();
        assertThat(surveys.answerByDigits(FollowupFixtures.phoneOf(jdbc, customer), "hello")).isEmpty();
    }

    @Test
    void aVisitRecordedNotSatisfiedRaisesTheEventAndReopensTheClosedComplaint() {
        long customer = FollowupFixtures.customer(jdbc, "LONG_TERM", Instant.now());
        var ticket = FollowupFixtures.complaint(tickets, customer, TicketStatus.CLOSED);
        long task = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select id from visit_task where ticket_id = ?", Long.class, ticket.id()), l -> !l.isEmpty()).get(0);

        var done = visits.record(task, VisitChannel.ON_SITE, VisitOutcome.NOT_SATISFIED, "更换后仍有异响",
                new FollowupActor("agent.onsite", false));

        assertThat(done.status()).isEqualTo(VisitStatus.DONE);
        assertThat(done.assignee()).isEqualTo("agent.onsite");
        assertThat(NOT_SATISFIED).anySatisfy(n -> {
            assertThat(n.visitTaskId()).isEqualTo(task);
            assertThat(n.ticketNumber()).isEqualTo(ticket.number());
            assertThat(n.surveyId()).isNull();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> tickets.find(ticket.id()).orElseThrow().status(),
                s -> s == TicketStatus.REOPENED);
        assertThat(count("select count(*) from ticket where customer_id = ? and type = 'COMPLAINT'", customer))
                .isEqualTo(1);
        // a second unhappy answer while it is back in work changes nothing and is not retried forever
        assertThatThrownBy(() -> tickets.reopenNotSatisfied(ticket.id(), "again", dev.hotline.ticket.TicketActor.SYSTEM))
                .hasMessageContaining("cannot be reopened");
    }

    @Test
    void coverageCountsDistinctCustomersVisitedThisYear() {
        var today = calendar.today(Clock.systemUTC());
        var before = planner.coverage(today.getYear(), today);
        long a = FollowupFixtures.customer(jdbc, "REGULAR", Instant.now());
        long b = FollowupFixtures.customer(jdbc, "REGULAR", Instant.now());
        FollowupFixtures.doneVisit(jdbc, a, today);
        FollowupFixtures.doneVisit(jdbc, a, today);
        FollowupFixtures.doneVisit(jdbc, b, today.minusYears(1));

        var after = planner.coverage(today.getYear(), today);

        assertThat(after.customers()).isEqualTo(before.customers() + 2);
        assertThat(after.visited()).isEqualTo(before.visited() + 1);
        assertThat(after.required()).isEqualTo((long) Math.ceil(after.customers() * 0.05 - 1e-9));
        assertThat(after.stillDue()).isEqualTo(Math.max(0, after.required() - after.visited()));
    }

    private List<String> openTierTasks(long customer) {
        return jdbc.queryForList("select cast(due_on as char) from visit_task where customer_id = ? "
                + "and reason = 'TIER_SCHEDULE' and status = 'OPEN'", String.class, customer);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
