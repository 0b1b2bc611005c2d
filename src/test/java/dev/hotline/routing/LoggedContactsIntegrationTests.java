package dev.hotline.routing;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #17: a letter or visit an agent logs is theirs at once, never offered; only an agent who cannot hold it now
 * (on a break) has it queued, and then a free colleague is offered it as usual.
 */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:logged-test:")
class LoggedContactsIntegrationTests {

    @Autowired
    ContactRouting routing;
    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    ContactIntake contacts;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String queue = "letters-" + run;

    @org.junit.jupiter.api.BeforeEach
    void queueWithItsOwnSkill() {
        var d = administration.queueDefaults(queue);
        administration.saveQueue(new QueueSettings(queue, Map.of(queue, 1), RoutingStrategy.LONGEST_IDLE,
                d.ringNoAnswer(), d.ringPeriod(), d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), d.onCall()));
    }

    private String agent(String name) {
        String agent = name + "-" + run;
        administration.saveAgent(new AgentProfile(agent, agent, Map.of(queue, 1), null, null, null, 1, 3, 0));
        return agent;
    }

    private NewContact letter(String subject) {
        return new NewContact(Channel.LETTER, "api", "letter-" + UUID.randomUUID(), "赵女士", null, queue, null, subject);
    }

    @Test
    void aLoggedLetterIsTheAgentsAtOnceEvenWithAColleagueFree() {
        String writer = agent("writer");
        String colleague = agent("colleague");
        presence.login(colleague);   // free longer: the queue would offer it to the colleague first
        presence.login(writer);

        var logged = routing.takeIn(letter("来函：要求更换水泵"), writer);

        assertThat(routing.assignedAgent(logged.id())).isEqualTo(writer);
        assertThat(presence.status(writer).state()).isEqualTo(AgentState.BUSY);
        assertThat(presence.status(writer).activeContacts()).containsExactly(logged.id());
        assertThat(presence.status(colleague).pendingOffer()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.find(logged.id())
                .filter(c -> writer.equals(c.agent()) && c.answeredAt() != null).isPresent());
        assertThat(contacts.history(logged.id())).extracting(ContactHistoryView::action)
                .doesNotContain("QUEUED", "OFFERED").contains("ACCEPTED", "ANSWERED");

        presence.finish(logged.id(), writer, "ticket-opened: 来函已登记");
        assertThat(presence.status(writer).activeContacts()).isEmpty();
        presence.logout(writer);
        presence.logout(colleague);
    }

    @Test
    void anAgentOnABreakHasTheLetterQueuedForAColleague() {
        String resting = agent("resting");
        String colleague = agent("on-duty");
        presence.login(resting);
        presence.changeState(resting, AgentState.BREAK, "lunch");
        presence.login(colleague);

        var logged = routing.takeIn(letter("来人：咨询保修"), resting);

        await().atMost(Duration.ofSeconds(5)).until(() -> logged.id().equals(presence.status(colleague).pendingOffer()));
        assertThat(presence.status(resting).state()).isEqualTo(AgentState.BREAK);
        assertThat(presence.status(resting).activeContacts()).isEmpty();
        routing.callerHungUp(logged.id(), null);
        presence.logout(resting);
        presence.logout(colleague);
    }
}
