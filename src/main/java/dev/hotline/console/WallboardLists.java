package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.servicelevel.ContactFigures;
import dev.hotline.servicelevel.ContactReports;
import dev.hotline.servicelevel.Granularity;
import dev.hotline.servicelevel.RealtimeStats;
import dev.hotline.shared.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wallboard's two lists: contacts waiting (oldest first, with the ring they are on) and every agent (state, time
 * in it, today's calls, rings to answer, ring-no-answers). Read on demand by the wallboard every few seconds.
 */
@Tag(name = "Consoles")
@RestController
class WallboardLists {

    /** More waiting contacts than a wall screen can show are counted on the tiles anyway. */
    static final int WAITING_SHOWN = 50;

    private final ContactIntake contacts;
    private final ContactRouting routing;
    private final RoutingAdministration administration;
    private final AgentPresence presence;
    private final ContactReports reports;
    private final RealtimeStats stats;

    WallboardLists(ContactIntake contacts, ContactRouting routing, RoutingAdministration administration,
                   AgentPresence presence, ContactReports reports, RealtimeStats stats) {
        this.contacts = contacts;
        this.routing = routing;
        this.administration = administration;
        this.presence = presence;
        this.reports = reports;
        this.stats = stats;
    }

    record Waiting(long contactId, String queue, Channel channel, String from, String status, Instant arrivedAt,
                   long waitingSeconds, int ring) {
    }

    record AgentRow(String agent, String name, AgentState state, String reason, Instant since, long secondsInState,
                    long answeredToday, Double averageRingsToAnswer, long ringNoAnswersToday) {
    }

    @Operation(summary = "Contacts waiting for an agent or ringing at one, longest waiting first")
    @GetMapping("/api/wallboard/waiting")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
    List<Waiting> waiting() {
        Instant now = Instant.now();
        var page = PageRequest.of(0, WAITING_SHOWN);
        return Stream.concat(contacts.search(ContactStatus.WAITING, null, null, null, null, page).stream(),
                        contacts.search(ContactStatus.OFFERED, null, null, null, null, page).stream())
                .sorted(Comparator.comparing(ContactSnapshot::arrivedAt))
                .limit(WAITING_SHOWN)
                .map(c -> waiting(c, now))
                .toList();
    }

    private Waiting waiting(ContactSnapshot c, Instant now) {
        long waited = Math.max(0, Duration.between(c.arrivedAt(), now).toMillis());
        long period = c.ringPeriodMillis() > 0 ? c.ringPeriodMillis() : routing.queue(c.queue()).ringPeriod().toMillis();
        return new Waiting(c.id().value(), c.queue(), c.channel(), c.from(), c.status().name(), c.arrivedAt(),
                waited / 1000, (int) (waited / Math.max(1, period)) + 1);
    }

    @Operation(summary = "Every agent logged in or with calls today: state, time in it and today's figures")
    @GetMapping("/api/wallboard/agents")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
    List<AgentRow> agents() {
        Instant now = Instant.now();
        Map<String, ContactFigures> today = reports.byAgent(stats.snapshot().dayStart(), now, Granularity.DAY).stream()
                .filter(f -> f.agent() != null)
                .collect(Collectors.toMap(ContactFigures::agent, Function.identity(), (a, b) -> a));
        return administration.agents().stream().map(profile -> {
            var status = presence.status(profile.username());
            var figures = today.get(profile.username());
            long inState = status.since() == null ? 0 : Math.max(0, Duration.between(status.since(), now).toSeconds());
            return new AgentRow(profile.username(), profile.displayName(), status.state(), status.reason(),
                    status.since(), inState, figures == null ? 0 : figures.answered(),
                    figures == null ? null : figures.averageRingsToAnswer(),
                    figures == null ? 0 : figures.ringNoAnswers());
        }).filter(row -> row.state() != AgentState.OFFLINE || row.answeredToday() > 0).sorted(Comparator.comparing((AgentRow r) -> r.state() == AgentState.OFFLINE).thenComparing(AgentRow::agent))
                .toList();
    }
}
