package dev.hotline.console;

import dev.hotline.ticket.ComplaintCategory;
import dev.hotline.ticket.NewTicket;
import dev.hotline.ticket.Severity;
import dev.hotline.ticket.TicketActor;
import dev.hotline.ticket.TicketFields;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.util.UUID;

import static dev.hotline.console.StompTestClient.ERRORS;
import static org.assertj.core.api.Assertions.assertThat;

/** Ticket alerts reach the supervisors' wallboard over STOMP (SPEC §4: major complaint opened). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:stomp-test:")
@Import(ConsoleFixture.class)
class TicketAlertsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    TicketManagement tickets;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMajorComplaintOpenedIsAnAlertOnTheWallboard() throws Exception {
        String supervisor = "sup-alert-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        try (var wallboard = StompTestClient.connect(port, supervisor, ConsoleFixture.PASSWORD)
                .subscribe(ERRORS).subscribe("/topic/alerts").subscribe(StompTestClient.WALLBOARD)) {
            // the first wallboard frame: the session's subscriptions are in place before the alert is raised
            wallboard.next(StompTestClient.WALLBOARD, null);
            var ticket = tickets.create(new NewTicket(null, null, new TicketFields(TicketType.COMPLAINT,
                    ComplaintCategory.QUALITY, Severity.MAJOR, "批量漏水", "十台设备漏水", null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null)),
                    TicketActor.agent("agent-alert-" + run));

            var alert = wallboard.next("/topic/alerts", a -> ticket.number().equals(a.path("ticketNumber").asString()),
                    "the alert of " + ticket.number());
            assertThat(alert.path("kind").asString()).isEqualTo("major-incident");
            assertThat(alert.path("assignee").asString()).isEqualTo("agent-alert-" + run);
        }
    }
}
