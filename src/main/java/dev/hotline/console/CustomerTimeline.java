package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.followup.FollowupActor;
import dev.hotline.followup.SurveyView;
import dev.hotline.followup.Surveys;
import dev.hotline.followup.VisitQuery;
import dev.hotline.followup.Visits;
import dev.hotline.shared.Channel;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketQuery;
import dev.hotline.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A customer's timeline for the agent console: every contact (any channel, with agent and disposition), every ticket,
 * every follow-up visit and every satisfaction survey, newest first, a page at a time. Each source is read up to the end
 * of the page asked for and the four are merged, so a page is exact while customers have hundreds of entries, not millions.
 */
@Tag(name = "Consoles")
@RestController
class CustomerTimeline {

    static final int MAX_SIZE = 50;

    private final ContactIntake contacts;
    private final TicketManagement tickets;
    private final Visits visits;
    private final Surveys surveys;

    CustomerTimeline(ContactIntake contacts, TicketManagement tickets, Visits visits, Surveys surveys) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.visits = visits;
        this.surveys = surveys;
    }

    /**
     * {@code kind} contact, ticket, visit or survey; the other fields as they apply to the kind (a survey: status
     * INVITED / ANSWERED, type how it was answered, outcome SATISFIED / NOT_SATISFIED, text its score and the
     * customer's comment).
     */
    record Entry(String kind, Instant at, Long contactId, Channel channel, String agent, String outcome,
                 String disposition, String ticketNumber, String type, String status, String text) {
    }

    record Page(List<Entry> entries, int page, boolean more) {
    }

    @Operation(summary = "A customer's contacts, tickets, visits and surveys, newest first")
    @GetMapping("/api/console/customers/{customerId}/timeline")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    Page timeline(@PathVariable long customerId, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "page from 0, size 1 to " + MAX_SIZE);
        }
        int upTo = (page + 1) * size + 1;
        var entries = new ArrayList<Entry>();
        contacts.search(null, null, null, customerId, null, PageRequest.of(0, upTo)).forEach(c -> entries.add(
                new Entry("contact", c.arrivedAt(), c.id().value(), c.channel(), c.agent(),
                        c.outcome() == null ? c.status().name() : c.outcome().name(), c.disposition(), null, null,
                        null, c.subject())));
        tickets.search(new TicketQuery(null, null, null, null, customerId, null, null), PageRequest.of(0, upTo))
                .filter(t -> t.type() != null || t.status() != TicketStatus.CLOSED) // a contact that asked nothing
                .forEach(t -> entries.add(new Entry("ticket", t.openedAt(), null, null, t.assignee(), null, null,
                        t.number(), t.type() == null ? null : t.type().name(), t.status().name(),
                        t.fields() == null ? null : Stream.of(t.fields().subject(), t.fields().description())
                                .filter(s -> s != null && !s.isBlank()).findFirst().orElse(null))));
        visits.list(new VisitQuery(VisitQuery.View.ALL, null, customerId, LocalDate.now()), FollowupActor.SYSTEM)
                .forEach(v -> entries.add(new Entry("visit", v.doneAt() != null ? v.doneAt() : v.createdAt(), null,
                        null, v.doneBy() != null ? v.doneBy() : v.assignee(), v.outcome() == null ? null : v.outcome().name(),
                        null, v.ticketNumber(), v.reason() == null ? null : v.reason().name(), v.status().name(),
                        v.note())));
        surveys.ofCustomer(customerId, upTo).forEach(s -> entries.add(survey(s)));
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        int from = Math.min(entries.size(), page * size);
        int to = Math.min(entries.size(), from + size);
        return new Page(List.copyOf(entries.subList(from, to)), page, entries.size() > to);
    }

    private static Entry survey(SurveyView s) {
        String outcome = s.satisfied() == null ? null : s.satisfied() ? "SATISFIED" : "NOT_SATISFIED";
        String text = Stream.of(s.score() == null ? null : s.score().stripTrailingZeros().toPlainString(), s.comment())
                .filter(v -> v != null && !v.isBlank()).reduce((a, b) -> a + " — " + b).orElse(null);
        // type: how it was answered (PHONE, WEB, SMS)
        return new Entry("survey", s.answeredAt() != null ? s.answeredAt() : s.createdAt(), null, null,
                s.answeredBy(), outcome, null, s.ticketNumber(), s.channel() == null ? null : s.channel().name(),
                s.status(), text);
    }
}
