package dev.hotline.routing;

import dev.hotline.Records;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The three-ring escalation run by routing's timers on the real Redis: a telephone rule, for voice only. */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:three-ring-test:")
class ThreeRingIntegrationTests {

    @Autowired
    ContactRouting routing;
    @Autowired
    ContactIntake contacts;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    /** Alerts come from the timer thread, which the test's own event recording does not see. */
    final List<RingAlert> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void listen() {
        context.addApplicationListener((org.springframework.context.ApplicationListener<
                org.springframework.context.PayloadApplicationEvent<RingAlert>>) e -> alerts.add(e.getPayload()));
    }

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anUnansweredCallIsAlertedAndOverflowsToTheOnCallPhoneButATextMessageKeepsWaiting() {
        String queue = "rings-" + run;
        // nobody serves the queue; 200 ms rings: alert at 200 ms, ring everyone at 400 ms, on-call phone at 600 ms
        var d = administration.queueDefaults(queue);
        administration.saveQueue(new QueueSettings(queue, Map.of(queue, 1), RoutingStrategy.LONGEST_IDLE,
                Duration.ofSeconds(15), Duration.ofMillis(200), 2, 3, 4, d.zone(),
                List.of(new OnCallShift(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MIN, "+8613800000099"))));
        var sms = routing.arrive(new NewContact(Channel.SMS, "api", "sms-" + run, "+8613900000031", null, queue, null,
                "售后咨询"));
        var call = routing.arrive(new NewContact(Channel.VOICE, "api", "call-" + run, "+8613900000032", null, queue,
                null, null));

        var overflowed = Records.awaitRecorded(contacts, call.id(), ContactStatus.ENDED);
        assertThat(overflowed.outcome()).isEqualTo(ContactOutcome.OVERFLOWED);
        assertThat(contacts.history(call.id())).last().satisfies(h -> assertThat(h.detail()).isEqualTo("+8613800000099"));
        assertThat(alerts).filteredOn(a -> a.contactId().equals(call.id())).extracting(RingAlert::ring)
                .containsExactly(2);
        // the message arrived first and waited as long: no ring rule for it, it waits for an agent
        assertThat(routing.status(sms.id())).isEqualTo(RoutingStatus.WAITING);
        assertThat(alerts).noneMatch(a -> a.contactId().equals(sms.id()));
        routing.callerHungUp(sms.id(), null);
    }
}
