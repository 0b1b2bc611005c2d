package dev.hotline.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.ticket.NewTicket;
import dev.hotline.ticket.TicketActor;
import dev.hotline.ticket.TicketDetail;
import dev.hotline.ticket.TicketFields;
import dev.hotline.ticket.KpiScorecard;
import dev.hotline.ticket.TicketKpis;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketQuery;
import dev.hotline.ticket.TicketStatus;
import dev.hotline.ticket.TicketType;
import dev.hotline.ticket.TicketView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Tickets for agents (their own and the unassigned queue) and supervisors (all, KPIs). */
@Tag(name = "Tickets", description = "Tickets (工单): complaint, repair, return, inquiry flows with SLA deadlines and KPIs")
@RestController
@RequestMapping("/api/tickets")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGER', 'AGENT')")
class TicketController {

    /** Who works tickets; managers read and comment only (TicketRights says the same in the service). */
    private static final String WORKERS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')";

    private final TicketManagement tickets;

    TicketController(TicketManagement tickets) {
        this.tickets = tickets;
    }

    record CreateRequest(Long customerId, Long contactId, TicketFields fields) {
    }

    record TransitionRequest(@NotNull TicketStatus target, TicketFields fields, @Size(max = 2000) String note) {
    }

    record CommentRequest(@NotBlank @Size(max = 2000) String text) {
    }

    record AssignRequest(@Size(max = 64) String assignee) {
    }

    record LinkRequest(@NotNull Long contactId) {
    }

    /**
     * {@code mine=true}: the caller's tickets; {@code queue=true}: unassigned ones; {@code customerId}: a customer's
     * timeline; {@code overdue=true}: a running deadline already missed.
     */
    @Operation(summary = "List tickets (mine, queue, type, status, customer, open, overdue)")
    @GetMapping
    PagedModel<TicketView> list(@RequestParam(defaultValue = "false") boolean mine,
                                @RequestParam(defaultValue = "false") boolean queue,
                                @RequestParam(required = false) String assignee,
                                @RequestParam(required = false) TicketType type,
                                @RequestParam(required = false) TicketStatus status,
                                @RequestParam(required = false) Long customerId,
                                @RequestParam(required = false) Boolean open,
                                @RequestParam(required = false) Boolean overdue,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size,
                                Authentication auth) {
        String who = mine ? auth.getName() : assignee;
        var query = new TicketQuery(who, queue ? Boolean.TRUE : null, type, status, customerId, open, overdue);
        var pageable = dev.hotline.shared.Pages.of(page, size, 200);
        return new PagedModel<>(tickets.search(query, pageable));
    }

    @Operation(summary = "A ticket with its history, contacts and deadlines")
    @GetMapping("/{id}")
    TicketDetail detail(@PathVariable long id) {
        return tickets.detail(id);
    }

    @Operation(summary = "A ticket by its number (CS-yyyyMMdd-NNNN)")
    @GetMapping("/by-number/{number}")
    TicketView byNumber(@PathVariable String number) {
        return tickets.findByNumber(number).orElseThrow(() -> new NotFoundException("Ticket", number));
    }

    @Operation(summary = "The ticket of a contact")
    @GetMapping("/by-contact/{contactId}")
    TicketView byContact(@PathVariable String contactId) {
        return tickets.findByContact(ContactId.of(contactId))
                .orElseThrow(() -> new NotFoundException("Ticket of contact", contactId));
    }

    @Operation(summary = "Open a ticket")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize(WORKERS)
    ResponseEntity<TicketView> create(@Valid @RequestBody CreateRequest body, Authentication auth) {
        var contact = body.contactId() == null ? null : new ContactId(body.contactId());
        var ticket = tickets.create(new NewTicket(body.customerId(), contact, body.fields()), actor(auth));
        return ResponseEntity.status(HttpStatus.CREATED).body(ticket);
    }

    @Operation(summary = "Change a ticket's type, category, severity, fields")
    @PatchMapping("/{id}")
    @PreAuthorize(WORKERS)
    TicketView update(@PathVariable long id, @RequestBody TicketFields fields, Authentication auth) {
        return tickets.update(id, fields, actor(auth));
    }

    @Operation(summary = "Move a ticket to the next step of its flow")
    @PostMapping("/{id}/transitions")
    @PreAuthorize(WORKERS)
    TicketView transition(@PathVariable long id, @Valid @RequestBody TransitionRequest body, Authentication auth) {
        return tickets.transition(id, body.target(), body.fields(), body.note(), actor(auth));
    }

    @Operation(summary = "Comment on a ticket")
    @PostMapping("/{id}/comments")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    TicketView comment(@PathVariable long id, @Valid @RequestBody CommentRequest body, Authentication auth) {
        return tickets.comment(id, body.text(), actor(auth));
    }

    @Operation(summary = "Assign a ticket")
    @PutMapping("/{id}/assignee")
    @PreAuthorize(WORKERS)
    TicketView assign(@PathVariable long id, @Valid @RequestBody AssignRequest body, Authentication auth) {
        return tickets.assign(id, body.assignee(), actor(auth));
    }

    @Operation(summary = "Move a contact onto this ticket")
    @PostMapping("/{id}/contacts")
    @PreAuthorize(WORKERS)
    TicketView link(@PathVariable long id, @Valid @RequestBody LinkRequest body, Authentication auth) {
        return tickets.linkContact(id, new ContactId(body.contactId()), actor(auth));
    }

    @Operation(summary = "Ticket KPIs for a period (JSON)")
    @GetMapping(value = "/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGER')")
    TicketKpis kpis(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return scorecard(from, to).kpis();
    }

    /** The KPIs against their targets, scored (004 §10); the complaint rate over the units the archive shipped. */
    @Operation(summary = "Ticket KPIs scored against their targets (70 pass, 80 good, 90 excellent)")
    @GetMapping(value = "/kpis/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGER')")
    KpiScorecard scorecard(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (!from.isBefore(to)) {
            throw new dev.hotline.shared.InvalidInputException("from", "A KPI period needs from before to");
        }
        return tickets.scorecard(from, to);
    }

    @Operation(summary = "Ticket KPIs for a period (CSV)")
    @GetMapping(value = {"/kpis", "/kpis.csv"}, produces = "text/csv")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGER')")
    ResponseEntity<String> kpisCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"ticket-kpis.csv\"")
                .body(KpiCsv.write(scorecard(from, to).kpis()));
    }

    private static TicketActor actor(Authentication auth) {
        if (has(auth, "ROLE_ADMIN") || has(auth, "ROLE_SUPERVISOR")) {
            return TicketActor.supervisor(auth.getName());
        }
        // managers read and comment; TicketRights refuses them every other change
        return has(auth, "ROLE_MANAGER") ? TicketActor.manager(auth.getName()) : TicketActor.agent(auth.getName());
    }

    private static boolean has(Authentication auth, String authority) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
