package dev.hotline.routing;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two routing nodes (two application contexts) on one Redis and one database. */
class RoutingClusterTests {

    final RoutingNode.Cluster cluster = RoutingNode.cluster();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final List<Consumer<Object>> subscribed = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        cluster.subscribers.removeAll(subscribed);
    }

    @Test
    void twoNodesHammeringOneQueueNeverDoubleOfferNeverDoubleBookAndLoseNothing() throws Exception {
        String queue = queue(Duration.ofSeconds(30), Duration.ofSeconds(60));   // no expiry or escalation here
        List<String> agents = agents(queue, 10);
        var store = cluster.a.bean(RedisRoutingStore.class);
        var doubleOffers = new CopyOnWriteArrayList<String>();
        var doubleBookings = new CopyOnWriteArrayList<String>();
        Map<String, AtomicInteger> onCall = new ConcurrentHashMap<>();
        ExecutorService consoles = Executors.newFixedThreadPool(8);
        subscribe(event -> {
            if (event instanceof ContactOffered o && o.queue().equals(queue)) {
                // checked on the publishing thread, right after the match script: the truth in Redis
                if (store.offeredTo(o.contactId().value()).size() > 1) {
                    doubleOffers.add(o.contactId() + " " + store.offeredTo(o.contactId().value()));
                }
                consoles.submit(() -> work(o, onCall, doubleBookings));
            }
        });
        int n = 200;
        ExecutorService callers = Executors.newFixedThreadPool(8);
        var ids = Collections.synchronizedList(new ArrayList<ContactId>());
        for (int i = 0; i < n; i++) {
            RoutingNode node = i % 2 == 0 ? cluster.a : cluster.b;
            int k = i;
            callers.submit(() -> ids.add(node.bean(ContactRouting.class).arrive(new NewContact(Channel.VOICE, "api",
                    run + "-" + k, "+8613900000000", null, queue, null, null)).id()));
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        var intake = cluster.a.bean(ContactIntake.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(intake.find(id).orElseThrow().status()).isEqualTo(ContactStatus.ENDED)));
        consoles.shutdown();
        assertThat(doubleOffers).isEmpty();
        assertThat(doubleBookings).isEmpty();
        assertThat(ids).hasSize(n).allSatisfy(id ->
                assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED));
        assertThat(store.waiting(queue)).isEmpty();
        assertThat(agents).allSatisfy(a -> assertThat(store.agent(a).contacts()).isEmpty());
    }

    @Test
    void contactWaitingOnANodeThatDiesIsServedByAnotherNodeWithItsArrivalTime() {
        String queue = queue(Duration.ofSeconds(30), Duration.ofSeconds(1));
        RoutingNode doomed = cluster.startNode("doomed-" + run);
        var arrivedAt = Instant.now().minusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var contact = doomed.bean(ContactRouting.class).arrive(new NewContact(Channel.SMS, "api", run + "-dead",
                "+8613900000001", null, queue, arrivedAt, "hello"));
        doomed.close();                                    // nobody was free; the node is gone

        var offers = new CopyOnWriteArrayList<ContactOffered>();
        subscribe(e -> {
            if (e instanceof ContactOffered o && o.contactId().equals(contact.id())) {
                offers.add(o);
            }
        });
        String agent = agents(queue, 1).get(0);            // logs in on node a
        await().atMost(Duration.ofSeconds(10)).until(() -> !offers.isEmpty());
        assertThat(offers).extracting(ContactOffered::agent).containsExactly(agent);
        cluster.b.bean(AgentPresence.class).accept(contact.id(), agent);
        var answered = dev.hotline.Records.awaitRecorded(cluster.b.bean(ContactIntake.class), contact.id(),
                ContactStatus.CONNECTED);
        assertThat(answered.arrivedAt()).isEqualTo(arrivedAt);
        // rings counted from the original arrival, not from when the surviving node picked it up
        assertThat(answered.ringsToAnswer()).isEqualTo(
                new dev.hotline.shared.RingClock(Duration.ofSeconds(1)).ringsToAnswer(arrivedAt, answered.answeredAt()));
        assertThat(answered.ringsToAnswer()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void ringDeadlineOfANodeThatDiedStillExpiresAndTheContactGoesToTheNextAgent() {
        String queue = queue(Duration.ofMillis(500), Duration.ofSeconds(60));
        RoutingNode doomed = cluster.startNode("doomed2-" + run);
        String first = agents(queue, 1).get(0);
        var offers = new CopyOnWriteArrayList<ContactOffered>();
        var missed = new CopyOnWriteArrayList<AgentRingNoAnswer>();
        subscribe(e -> {
            if (e instanceof ContactOffered o && o.queue().equals(queue)) {
                offers.add(o);
            } else if (e instanceof AgentRingNoAnswer r && r.agent().equals(first)) {
                missed.add(r);
            }
        });
        var contact = doomed.bean(ContactRouting.class).arrive(new NewContact(Channel.VOICE, "api", run + "-ring",
                "+8613900000002", null, queue, null, null));
        assertThat(offers).extracting(ContactOffered::agent).containsExactly(first);
        doomed.close();                                    // its local ring timer dies with it

        String second = "agent-" + run + "-second";
        cluster.a.bean(RoutingAdministration.class).saveAgent(new AgentProfile(second, second, Map.of(queue, 3),
                null, null, null, 1, 3, 0));
        cluster.b.bean(AgentPresence.class).login(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> offers.size() == 2);
        assertThat(offers.get(1).agent()).isEqualTo(second);
        assertThat(missed).hasSize(1);
        var status = cluster.a.bean(AgentPresence.class).status(first);
        assertThat(status.state()).isEqualTo(AgentState.BREAK);
        assertThat(status.reason()).isEqualTo("ring-no-answer");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                cluster.a.bean(ContactIntake.class).history(contact.id())).extracting(h -> h.action()).contains("REQUEUED"));
    }

    // --- helpers

    private void work(ContactOffered o, Map<String, AtomicInteger> onCall, List<String> doubleBookings) {
        var presence = (o.agent().hashCode() % 2 == 0 ? cluster.a : cluster.b).bean(AgentPresence.class);
        try {
            presence.accept(o.contactId(), o.agent());
        } catch (RuntimeException e) {
            return;
        }
        if (onCall.computeIfAbsent(o.agent(), k -> new AtomicInteger()).incrementAndGet() > 1) {
            doubleBookings.add(o.agent() + " " + o.contactId());
        }
        sleep(5);
        onCall.get(o.agent()).decrementAndGet();
        presence.finish(o.contactId(), o.agent(), "done");
    }

    private String queue(Duration ringNoAnswer, Duration ringPeriod) {
        String name = "q-" + run;
        cluster.a.bean(RoutingAdministration.class).saveQueue(new QueueSettings(name, Map.of(name, 1),
                RoutingStrategy.LONGEST_IDLE, ringNoAnswer, ringPeriod, 2, 3, 4, ZoneId.of("Asia/Shanghai"), List.of()));
        cluster.b.bean(QueueCatalog.class).reload();
        return name;
    }

    private List<String> agents(String queue, int count) {
        var out = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            String name = "agent-" + run + "-" + i;
            cluster.a.bean(RoutingAdministration.class).saveAgent(new AgentProfile(name, name, Map.of(queue, 3),
                    null, null, null, 1, 3, 0));
            (i % 2 == 0 ? cluster.a : cluster.b).bean(AgentPresence.class).login(name);
            out.add(name);
        }
        return out;
    }

    private void subscribe(Consumer<Object> subscriber) {
        subscribed.add(subscriber);
        cluster.subscribers.add(subscriber);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
