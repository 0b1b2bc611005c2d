package dev.hotline.ticket;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Stores tickets. Every change locks the ticket row, asks {@link TicketFlow} and the actor's rights first, then writes
 * the change, a history row, the SLA clocks and the events in one transaction.
 */
@Service
class TicketService implements TicketManagement {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final TicketRepository tickets;
    private final TicketHistoryRepository history;
    private final TicketContactRepository links;
    private final TicketDeadlineRepository deadlines;
    private final TicketNumbers numbers;
    private final SlaPolicy sla;
    private final TicketProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final dev.hotline.customer.CustomerDirectory archive;
    private final KpiTargets targets;
    private final TicketRights rights;
    private final InstallationRules installation;

    TicketService(TicketRepository tickets, TicketHistoryRepository history, TicketContactRepository links,
                  TicketDeadlineRepository deadlines, TicketNumbers numbers, SlaPolicy sla,
                  TicketProperties properties, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, ObjectProvider<Clock> clock,
                  dev.hotline.customer.CustomerDirectory archive, KpiTargets targets, TicketRights rights,
                  InstallationRules installation) {
        this.rights = rights;
        this.installation = installation;
        this.archive = archive;
        this.targets = targets;
        this.tickets = tickets;
        this.history = history;
        this.links = links;
        this.deadlines = deadlines;
        this.numbers = numbers;
        this.sla = sla;
        this.properties = properties;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public TicketView openForContact(ContactId contactId, Long customerId, String subject, Instant openedAt) {
        return draftFor(contactId, customerId, subject, openedAt, null);
    }

    @Override
    public TicketView takeDraftOf(ContactId contactId, Long customerId, Instant openedAt, String agent) {
        Objects.requireNonNull(agent, "agent");
        return draftFor(contactId, customerId, null, openedAt, agent);
    }

    /**
     * The contact's ticket, opened if it has none; given to {@code agent} when it is an open draft nobody has taken.
     * Joins the caller's transaction (the contact's arrival, routing's journal batch): a per-contact hot path.
     * Idempotent: the unique link decides a race, and a failed batch is retried whole.
     */
    private TicketView draftFor(ContactId contactId, Long customerId, String subject, Instant openedAt, String agent) {
        Objects.requireNonNull(contactId, "contactId");
        try {
            return tx.execute(s -> linkedTicket(contactId, agent).orElseGet(() -> {
                var opened = open(customerId, subject, "system", openedAt == null ? clock.instant() : openedAt);
                link(opened, contactId, "system");
                events.publishEvent(new TicketOpened(opened.id(), opened.number(), contactId, customerId,
                        opened.openedAt()));
                takenBy(opened, agent);
                return opened.view();
            }));
        } catch (DataIntegrityViolationException duplicate) {
            // the same contact handled twice at once (redelivery racing the first delivery): one link won
            return tx.execute(s -> linkedTicket(contactId, agent)).orElseThrow(() -> duplicate);
        }
    }

    /** The ticket the contact is linked to, locked (and taken by {@code agent}, see draftFor); empty when none. */
    private Optional<TicketView> linkedTicket(ContactId contactId, String agent) {
        // a plain read of the link first: a locking read of a link that is not there yet would take a gap lock, and two
        // openings of one contact would deadlock on each other's
        return links.findById(contactId.value()).map(link -> {
            var ticket = locked(link.ticketId());
            takenBy(ticket, agent);
            return ticket.view();
        });
    }

    /**
     * What the agent's finish leaves on the contact's ticket, in the caller's transaction (routing's journal batch);
     * false when the contact has no ticket. The disposition is noted; a draft nobody filled (no type, no description)
     * would stay open for good and crowd the next screen pop, so it is closed: without a type for a no-request code
     * (wrong number, silent call), else registered and closed as an answered inquiry described by the disposition. A
     * draft the flow would refuse to move is left as it is: the journal batch must not fail over a ticket rule.
     */
    boolean settleAtFinish(ContactId contactId, String agent, String disposition) {
        return inTx(() -> tickets.lockByContact(contactId.value()).map(ticket -> {
            if (!ticket.unfilled()) {
                record(ticket, TicketActor.SYSTEM, "COMMENT", ticket.status(), "Disposition (" + agent + "): "
                        + disposition);
                return true;
            }
            String note = "Closed at finish by " + agent + ": " + disposition;
            if (noRequest(disposition)) {
                stepIfAllowed(ticket, TicketStatus.CLOSED, TicketFields.NONE, note);
            } else if (stepIfAllowed(ticket, TicketStatus.REGISTERED,
                    TicketFields.NONE.withType(TicketType.INQUIRY).withDescription(disposition), null)) {
                stepIfAllowed(ticket, TicketStatus.CLOSED, TicketFields.NONE, note);
            }
            return true;
        }).orElse(false));
    }

    private boolean noRequest(String disposition) {
        return properties.noRequestCodes().stream()
                .anyMatch(code -> disposition.equals(code) || disposition.startsWith(code + ": "));
    }

    private boolean stepIfAllowed(Ticket ticket, TicketStatus target, TicketFields fields, String note) {
        try {
            TicketFlow.check(ticket.status(), target, ticket.fields().with(fields), note);
        } catch (ConflictException | InvalidInputException refused) {
            log.warn("Ticket {} left {} at finish: {}", ticket.number(), ticket.status(), refused.getMessage());
            record(ticket, TicketActor.SYSTEM, "COMMENT", ticket.status(), note == null ? "Finished: "
                    + fields.description() : note);
            return false;
        }
        step(ticket, target, fields, note, TicketActor.SYSTEM);
        return true;
    }

    private void takenBy(Ticket ticket, String agent) {
        if (agent != null && ticket.assignee() == null && ticket.status().isOpen()) {
            record(ticket, "system", "ASSIGNED", ticket.status(), "answered by " + agent);
            ticket.assignTo(agent);
        }
    }

    @Override
    public TicketView create(NewTicket request, TicketActor actor) {
        var fields = request.fields() == null ? TicketFields.NONE : request.fields();
        checkQuantities(fields);
        rights.checkOpen(actor);
        if (request.contactId() != null) {
            rights.checkContact(request.contactId(), actor);
        }
        return inTx(() -> {
            var ticket = open(request.customerId(), fields.subject(), actor.name(), clock.instant());
            if (!actor.supervisor()) {
                ticket.assignTo(actor.name());
            }
            events.publishEvent(new TicketOpened(ticket.id(), ticket.number(), request.contactId(),
                    request.customerId(), ticket.openedAt()));
            if (request.contactId() != null) {
                moveContact(ticket, request.contactId(), actor);
            }
            if (fields.type() != null) {
                step(ticket, TicketStatus.REGISTERED, fields, null, actor);
            } else {
                ticket.apply(ticket.fields().with(fields));
            }
            return ticket.view();
        });
    }

    @Override
    public TicketView update(long ticketId, TicketFields patch, TicketActor actor) {
        return inTx(() -> {
            var ticket = editable(ticketId, actor);
            var before = ticket.fields();
            var after = before.with(patch);
            if (ticket.status() != TicketStatus.DRAFT && after.type() != before.type()) {
                throw new ConflictException("type-fixed", "The type of a registered ticket cannot change");
            }
            checkQuantities(after);
            var changed = changedFields(before, after);
            if (changed.isEmpty()) {
                return ticket.view();
            }
            ticket.apply(after);
            record(ticket, actor, "UPDATED", ticket.status(), String.join(", ", changed));
            if (ticket.status() != TicketStatus.DRAFT && before.severity() != after.severity()) {
                start(ticket, deadlines.findByTicketIdOrderByDueAtAsc(ticket.id()),
                        sla.onSeverityChange(after.type(), after.severity(), clock.instant()));
                if (after.severity() == Severity.MAJOR) {
                    majorIncident(ticket, clock.instant());
                }
            }
            if (ticket.type() == TicketType.REPAIR && !Objects.equals(before.productSerial(), after.productSerial())) {
                markRepeatRepair(ticket, actor);
            }
            return ticket.view();
        });
    }

    @Override
    public TicketView transition(long ticketId, TicketStatus target, TicketFields fields, String note,
                                 TicketActor actor) {
        if (target == null) {
            throw new InvalidInputException("target", "A transition needs a target status");
        }
        return inTx(() -> {
            var ticket = editable(ticketId, actor);
            step(ticket, target, fields == null ? TicketFields.NONE : fields, note, actor);
            return ticket.view();
        });
    }

    @Override
    public TicketView reopenNotSatisfied(long ticketId, String note, TicketActor actor) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "Reopening a complaint needs a note saying why");
        }
        return inTx(() -> {
            var ticket = locked(ticketId);
            TicketFlow.checkReopen(ticket.type(), ticket.status(), ticket.number());
            step(ticket, TicketStatus.REOPENED, TicketFields.NONE, note, actor, true);
            return ticket.view();
        });
    }

    @Override
    public TicketView comment(long ticketId, String text, TicketActor actor) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "A comment needs text");
        }
        return inTx(() -> {
            var ticket = locked(ticketId);
            rights.checkComment(ticket, actor);
            record(ticket, actor, "COMMENT", ticket.status(), text.strip());
            return ticket.view();
        });
    }

    @Override
    public TicketView assign(long ticketId, String assignee, TicketActor actor) {
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        return inTx(() -> {
            var ticket = locked(ticketId);
            rights.checkAssign(ticket, who, actor);
            if (!Objects.equals(ticket.assignee(), who)) {
                record(ticket, actor, "ASSIGNED", ticket.status(), ticket.assignee() + " -> " + who);
                ticket.assignTo(who);
            }
            return ticket.view();
        });
    }

    @Override
    public TicketView linkContact(long ticketId, ContactId contactId, TicketActor actor) {
        rights.checkContact(contactId, actor);
        return inTx(() -> {
            var ticket = editable(ticketId, actor);
            moveContact(ticket, contactId, actor);
            return ticket.view();
        });
    }

    @Override
    public Optional<TicketView> identifyCustomer(ContactId contactId, long customerId, TicketActor actor) {
        rights.checkContact(contactId, actor);
        return inTx(() -> links.findById(contactId.value()).map(link -> {
            var ticket = locked(link.ticketId());
            if (ticket.customerId() == null && ticket.status().isOpen()) {
                ticket.customer(customerId);
                record(ticket, actor, "UPDATED", ticket.status(), "customer " + customerId);
            }
            return ticket.view();
        }));
    }

    @Override
    public Optional<TicketView> find(long ticketId) {
        return tickets.findById(ticketId).map(Ticket::view);
    }

    @Override
    public Optional<TicketView> findByNumber(String number) {
        return tickets.findByNumber(number).map(Ticket::view);
    }

    @Override
    public Optional<TicketView> findByContact(ContactId contactId) {
        return links.findById(contactId.value()).flatMap(l -> tickets.findById(l.ticketId())).map(Ticket::view);
    }

    @Override
    public TicketDetail detail(long ticketId) {
        var ticket = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
        var contacts = links.findByTicketIdOrderByLinkedAtAsc(ticketId).stream()
                .map(l -> new ContactId(l.contactId())).toList();
        var clocks = deadlines.findByTicketIdOrderByDueAtAsc(ticketId).stream().map(TicketDeadline::view).toList();
        var entries = history.findByTicketIdOrderByIdAsc(ticketId).stream().map(TicketHistoryEntry::view).toList();
        return new TicketDetail(ticket.view(), contacts, clocks, entries);
    }

    @Override
    public Page<TicketView> search(TicketQuery q, Pageable page) {
        return tickets.search(q.assignee(), q.unassigned(), q.type(), q.status(), q.customerId(), q.open(),
                q.overdue(), clock.instant(), page).map(Ticket::view);
    }

    @Override
    public TicketKpis kpis(Instant from, Instant to, Long productsShipped) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidInputException("from", "A KPI period needs from before to");
        }
        var opened = tickets.openedBetween(from, to, EnumSet.of(TicketType.COMPLAINT, TicketType.REPAIR));
        var ids = opened.stream().map(Ticket::id).toList();
        var responses = new java.util.HashMap<Long, TicketDeadline>();
        if (!ids.isEmpty()) {
            deadlines.findByTicketIdIn(ids).stream().filter(d -> d.kind() == DeadlineKind.RESPONSE)
                    .forEach(d -> responses.put(d.ticketId(), d));
        }
        var repairNumbers = opened.stream().filter(t -> t.type() == TicketType.REPAIR).map(Ticket::number).toList();
        Set<String> repeated = repairNumbers.isEmpty() ? Set.of()
                : new HashSet<>(tickets.repeatedRepairNumbers(repairNumbers));
        var facts = opened.stream().map(t -> {
            var r = responses.get(t.id());
            return new TicketKpiCalculator.Fact(t.type(), t.status(), t.reopenCount(), r == null ? null : r.dueAt(),
                    r == null ? null : r.stoppedAt(), repeated.contains(t.number()));
        }).toList();
        Instant now = clock.instant();
        var overdue = new ArrayList<TicketKpis.OverdueTicket>();
        for (var d : deadlines.overdue(now, PageRequest.of(0, 500))) {
            tickets.findById(d.ticketId()).ifPresent(t -> overdue.add(new TicketKpis.OverdueTicket(t.id(),
                    t.number(), t.type(), d.kind(), d.dueAt(), t.assignee())));
        }
        return TicketKpiCalculator.compute(from, to, facts, productsShipped, now, overdue);
    }

    @Override
    public KpiScorecard scorecard(Instant from, Instant to) {
        return scorecard(from, to, null);
    }

    @Override
    public KpiScorecard scorecard(Instant from, Instant to, Double satisfaction) {
        var zone = sla.calendar().zone();
        var firstDay = from.atZone(zone).toLocalDate();
        var afterLast = to.atZone(zone).toLocalDate();
        if (to.atZone(zone).toLocalTime().isAfter(java.time.LocalTime.MIDNIGHT)) {
            afterLast = afterLast.plusDays(1);
        }
        long shipped = archive.productsShipped(firstDay, afterLast);
        return KpiScorecard.of(kpis(from, to, shipped), satisfaction, targets.current());
    }

    // --- the steps -------------------------------------------------------------------------------------------------

    private Ticket open(Long customerId, String subject, String by, Instant openedAt) {
        String number = numbers.next(sla.calendar().dayOf(openedAt));
        var ticket = tickets.save(new Ticket(number, customerId, clip(subject, 500), by, openedAt));
        record(ticket, by, "OPENED", null, null);
        var kinds = EnumSet.noneOf(DeadlineKind.class);
        for (var plan : sla.onOpen(openedAt)) {
            if (kinds.add(plan.kind())) { // a new ticket has no clocks yet: no need to read them first
                deadlines.save(new TicketDeadline(ticket.id(), plan));
            }
        }
        return ticket;
    }

    private void step(Ticket ticket, TicketStatus target, TicketFields fields, String note, TicketActor actor) {
        step(ticket, target, fields, note, actor, false);
    }

    /** {@code reopening}: the not-satisfied way back, already checked by {@link TicketFlow#checkReopen}. */
    private void step(Ticket ticket, TicketStatus target, TicketFields fields, String note, TicketActor actor,
                      boolean reopening) {
        TicketStatus from = ticket.status();
        var before = ticket.fields();
        var values = before.with(fields);
        if (from != TicketStatus.DRAFT && values.type() != before.type()) {
            throw new ConflictException("type-fixed", "The type of a registered ticket cannot change");
        }
        checkQuantities(values);
        if (!reopening) {
            TicketFlow.check(from, target, values, note);
        }
        Instant now = clock.instant();
        if (target == TicketStatus.HANDED_OVER) {
            installation.checkRunInOver(ticket.number(), history.findByTicketIdOrderByIdAsc(ticket.id()), now);
        }
        ticket.apply(values);
        ticket.moveTo(target, now);
        var changed = changedFields(before, values);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!changed.isEmpty()) {
            text = (text == null ? "" : text + " | ") + "fields: " + String.join(", ", changed);
        }
        historyEntry(ticket, actor.name(), "TRANSITION", from, target, text);
        var clocks = deadlines.findByTicketIdOrderByDueAtAsc(ticket.id());
        stop(clocks, SlaPolicy.stoppedBy(from, target), now);
        start(ticket, clocks, sla.onEnter(target, values, ticket.openedAt(), now));
        if (target == TicketStatus.REGISTERED && values.type() == TicketType.REPAIR) {
            markRepeatRepair(ticket, actor);
        }
        if (target == TicketStatus.REGISTERED
                && (values.severity() == Severity.MAJOR || values.type() == TicketType.EMERGENCY)) {
            majorIncident(ticket, now);
        }
        events.publishEvent(new TicketStatusChanged(ticket.id(), ticket.number(), ticket.type(), from, target,
                actor.name(), now));
        if (target == TicketStatus.REOPENED) {
            events.publishEvent(new ComplaintEscalated(ticket.id(), ticket.number(),
                    ComplaintEscalated.Reason.REOPENED, ticket.severity(), ticket.customerId(), ticket.assignee(),
                    text, now));
        }
        if (target == TicketStatus.CLOSED) {
            events.publishEvent(new TicketClosed(ticket.id(), ticket.number(), ticket.type(), ticket.customerId(),
                    now, ticket.reopenCount() > 0));
        }
    }

    private void majorIncident(Ticket ticket, Instant at) {
        events.publishEvent(new MajorIncidentOpened(ticket.id(), ticket.number(), ticket.type(), ticket.severity(),
                ticket.customerId(), ticket.assignee(), ticket.fields().subject(), at));
    }

    /** Moves (or first links) a contact onto {@code target}; a draft left empty is closed as merged. */
    private void moveContact(Ticket target, ContactId contactId, TicketActor actor) {
        if (!target.status().isOpen()) {
            throw new ConflictException("ticket-closed", "Contacts join open tickets only; " + target.number()
                    + " is closed");
        }
        var current = links.lockByContactId(contactId.value());
        if (current.isEmpty()) {
            link(target, contactId, actor.name());
            return;
        }
        var link = current.get();
        if (link.ticketId().equals(target.id())) {
            return;
        }
        var previous = locked(link.ticketId());
        if (previous.customerId() != null && target.customerId() != null
                && !previous.customerId().equals(target.customerId())) {
            throw new ConflictException("other-customer", "Contact " + contactId + " belongs to another customer's ticket");
        }
        if (target.customerId() == null && previous.customerId() != null) {
            target.customer(previous.customerId());
        }
        Instant now = clock.instant();
        link.moveTo(target.id(), now, actor.name());
        historyEntry(target, actor.name(), "LINKED", target.status(), target.status(),
                "contact " + contactId + " from " + previous.number());
        historyEntry(previous, actor.name(), "UNLINKED", previous.status(), previous.status(),
                "contact " + contactId + " to " + target.number());
        if (previous.status() == TicketStatus.DRAFT && links.countByTicketId(previous.id()) == 0) {
            step(previous, TicketStatus.CLOSED, TicketFields.NONE, "merged into " + target.number(), actor);
        }
    }

    private void link(Ticket ticket, ContactId contactId, String by) {
        links.insertLink(contactId.value(), ticket.id(), clock.instant(), by);
        historyEntry(ticket, by, "LINKED", ticket.status(), ticket.status(), "contact " + contactId);
    }

    /** A repair of a serial repaired and closed within the window: the earlier fix did not hold. */
    private void markRepeatRepair(Ticket ticket, TicketActor actor) {
        String serial = ticket.fields().productSerial();
        if (serial == null || serial.isBlank()) {
            return;
        }
        Instant since = ticket.openedAt().minus(properties.firstFixWindow());
        var earlier = tickets.repairsOfSerialClosedSince(serial, ticket.id(), since);
        if (!earlier.isEmpty()) {
            ticket.repeatRepairOf(earlier.get(0).number());
            historyEntry(ticket, actor.name(), "REPEAT_REPAIR", ticket.status(), ticket.status(),
                    "serial " + serial + " was repaired under " + earlier.get(0).number());
        }
    }

    /** Starts the planned clocks the ticket does not have yet ({@code clocks}: its deadlines, read once per change). */
    private void start(Ticket ticket, List<TicketDeadline> clocks, List<SlaPolicy.Plan> plans) {
        var existing = EnumSet.noneOf(DeadlineKind.class);
        clocks.forEach(d -> existing.add(d.kind()));
        for (var plan : plans) {
            // one clock per kind: a clock once started is not restarted by going round the flow again
            if (existing.add(plan.kind())) {
                deadlines.save(new TicketDeadline(ticket.id(), plan));
            }
        }
    }

    private static void stop(List<TicketDeadline> clocks, Set<DeadlineKind> kinds, Instant at) {
        clocks.stream().filter(d -> kinds.contains(d.kind())).forEach(d -> d.stop(at));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Ticket locked(long ticketId) {
        return tickets.lockById(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
    }

    /** Locks the ticket and checks the actor may work it; an agent working an unassigned ticket takes it. */
    private Ticket editable(long ticketId, TicketActor actor) {
        var ticket = locked(ticketId);
        rights.checkWork(ticket, actor);
        if (!actor.supervisor()) {
            if (ticket.assignee() == null) {
                historyEntry(ticket, actor.name(), "ASSIGNED", ticket.status(), ticket.status(),
                        "taken by " + actor.name());
                ticket.assignTo(actor.name());
            }
        }
        return ticket;
    }

    private void record(Ticket ticket, TicketActor actor, String action, TicketStatus status, String note) {
        historyEntry(ticket, actor.name(), action, status, ticket.status(), note);
    }

    private void record(Ticket ticket, String actor, String action, TicketStatus from, String note) {
        historyEntry(ticket, actor, action, from, ticket.status(), note);
    }

    private void historyEntry(Ticket ticket, String actor, String action, TicketStatus from, TicketStatus to,
                              String note) {
        history.save(new TicketHistoryEntry(ticket.id(), clock.instant(), actor, action, from, to, note));
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    /** Names of the fields that differ, with old → new for the short ones. */
    static List<String> changedFields(TicketFields before, TicketFields after) {
        var changed = new ArrayList<String>();
        var components = TicketFields.class.getRecordComponents();
        for (var c : components) {
            try {
                Object a = c.getAccessor().invoke(before);
                Object b = c.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    String shown = String.valueOf(b);
                    changed.add(shown.length() <= 40 ? c.getName() + "=" + shown : c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /** Counts of units are whole and not negative, and no more units are defective than were shipped. */
    private static void checkQuantities(TicketFields values) {
        if (values.quantity() != null && values.quantity() < 0) {
            throw new InvalidInputException("quantity", "The quantity cannot be negative");
        }
        if (values.defectQuantity() != null && values.defectQuantity() < 0) {
            throw new InvalidInputException("defectQuantity", "The defect quantity cannot be negative");
        }
        if (values.quantity() != null && values.defectQuantity() != null && values.defectQuantity() > values.quantity()) {
            throw new InvalidInputException("defectQuantity", "The defect quantity cannot exceed the quantity");
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
