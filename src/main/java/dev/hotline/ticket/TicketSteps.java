package dev.hotline.ticket;

import java.util.List;
import java.util.Set;

/**
 * The flow's next steps for other modules (the agent console offers them): which statuses a ticket may move to now,
 * and which fields each still needs. Reads {@link TicketFlow}; changes go through {@link TicketManagement} as ever.
 */
public final class TicketSteps {

    private TicketSteps() {
    }

    public record Step(TicketStatus target, List<String> missing) {
    }

    /** The steps open to {@code ticket}, each with the mandatory fields still empty (a note counted as missing). */
    public static List<Step> next(TicketView ticket) {
        TicketFields fields = ticket.fields() == null ? TicketFields.NONE : ticket.fields();
        Set<TicketStatus> targets = TicketFlow.targets(ticket.type(), ticket.status());
        return targets.stream().sorted()
                .map(to -> new Step(to, TicketFlow.missingFields(ticket.status(), to, fields, null)))
                .toList();
    }
}
