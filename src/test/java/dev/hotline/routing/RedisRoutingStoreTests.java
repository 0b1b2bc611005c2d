package dev.hotline.routing;

import dev.hotline.routing.RedisRoutingStore.OfferMade;
import dev.hotline.routing.RedisRoutingStore.WaitingContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.CustomerTier;
import dev.hotline.shared.NotPermittedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import redis.clients.jedis.RedisClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lua scripts on the real (embedded) redis-server; each test has its own key prefix. */
@SpringBootTest(classes = RedisOnlyConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RedisRoutingStoreTests {

    static final long RING = 15_000;
    static final String Q = "q1";

    @Autowired
    RedisClient redis;
    String prefix;

    RedisRoutingStore store;
    long now = 1_700_000_000_000L;

    @BeforeEach
    void freshNamespace() {
        prefix = "hotline:test-" + UUID.randomUUID() + ":";
        store = new RedisRoutingStore(redis, prefix);
        store.strategy(Q, RoutingStrategy.LONGEST_IDLE);
    }

    @Test
    void offersLongestIdleAgentFirst() {
        login("ann", 0);
        login("bob", -5_000);   // free 5 s longer
        List<OfferMade> offers = enqueue(voice(1, 0), now, RING);
        assertThat(offers).extracting(OfferMade::agent).containsExactly("bob");
        assertThat(store.agent("bob").state()).isEqualTo(AgentState.RESERVED);
        assertThat(store.agent("bob").offer()).isEqualTo(1L);
    }

    @Test
    void offersRoundRobinToTheAgentOfferedLeastRecently() {
        store.strategy(Q, RoutingStrategy.ROUND_ROBIN);
        login("ann", -9_000);
        login("bob", 0);
        assertThat(enqueue(voice(1, 0), now, RING)).extracting(OfferMade::agent).containsExactly("ann");
        store.decline(1, "ann", now, false);            // ann rejects: she was offered last, so bob is next
        assertThat(store.match(Q, now, RING, 10, 0)).extracting(OfferMade::agent).containsExactly("bob");
    }

    @Test
    void offersFewestContactsAgentFirst() {
        store.strategy(Q, RoutingStrategy.FEWEST_CONTACTS);
        login("ann", -9_000);
        login("bob", 0);
        answerAndFinish(1, "ann");
        store.changeState("ann", AgentState.WRAP_UP, AgentState.AVAILABLE, "", now);
        login("cid", 5_000);
        // ann has handled one contact and is idle longest; bob and cid none: bob idle longer than cid
        assertThat(enqueue(voice(2, 0), now, RING)).extracting(OfferMade::agent).containsExactly("bob");
    }

    @Test
    void servesMajorComplaintsThenKeyCustomersThenArrivalOrder() {
        enqueue(contact(1, Channel.VOICE, null, CustomerTier.REGULAR, false, 0), now, RING);
        enqueue(contact(2, Channel.VOICE, null, CustomerTier.KEY, false, 1_000), now, RING);
        enqueue(contact(3, Channel.VOICE, null, CustomerTier.REGULAR, true, 2_000), now, RING);
        enqueue(contact(4, Channel.VOICE, null, CustomerTier.REGULAR, false, -1_000), now, RING);
        assertThat(store.waiting(Q)).containsExactly("3", "2", "4", "1");
        login("ann", 0);
        assertThat(store.match(Q, now, RING, 10, 0)).extracting(OfferMade::contact).containsExactly(3L);
    }

    @Test
    void requeuedContactKeepsItsPlaceAndIsNotOfferedAgainToWhoRejectedIt() {
        login("ann", -1_000);
        enqueue(voice(1, 0), now, RING);              // ann rings with 1
        enqueue(voice(2, 500), now, RING);            // 2 waits
        var declined = store.decline(1, "ann", now, false);
        assertThat(declined.requeued()).isTrue();
        assertThat(declined.agentNow()).isEqualTo(AgentState.AVAILABLE);
        assertThat(store.waiting(Q)).containsExactly("1", "2");
        // 1 is still first in line but ann declined it a moment ago, so she gets 2
        assertThat(store.match(Q, now, RING, 10, PAUSE)).extracting(OfferMade::contact).containsExactly(2L);
        login("bob", 0);
        assertThat(store.match(Q, now, RING, 10, PAUSE)).extracting(OfferMade::contact, OfferMade::agent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "bob"));
    }

    static final long PAUSE = 5_000;
    /** Calls of these providers are answered when telephony connects them, not on accept. */
    static final String TELEPHONY = "asterisk,twilio";

    @Test
    void aCallIsNeverLeftWaitingWhileTheOnlyAgentWhoMissedItIsFreeAgain() {
        login("ann", 0);
        enqueue(voice(1, 0), now, RING);                          // rings ann, her only chance so far
        assertThat(store.decline(1, "ann", now + RING, true).agentNow()).isEqualTo(AgentState.BREAK);
        store.changeState("ann", AgentState.BREAK, AgentState.AVAILABLE, "", now + RING + 1_000);

        // back within the pause: not yet, but a re-offer check is set for when the pause ends
        assertThat(store.match(Q, now + RING + 1_000, RING, 10, PAUSE)).isEmpty();
        assertThat(store.dueTimers(now + RING + PAUSE, 10)).contains("m|" + Q + "|1");
        // nobody else took it: once the pause is over it rings her again
        assertThat(store.match(Q, now + RING + PAUSE, RING, 10, PAUSE)).extracting(OfferMade::contact, OfferMade::agent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "ann"));
    }

    @Test
    void everyTransitionIsJournalledWithItsContact() {
        login("ann", 0);
        enqueue(voice(1, 0), now, RING);
        store.accept(1, "ann", now + 1_000, 0, TELEPHONY);
        store.answer(1, "ann", java.time.Instant.ofEpochMilli(now + 2_000));
        store.drop(1, now + 60_000, 30_000, RedisRoutingStore.Leave.HANGUP, null);

        var entries = redis.xrange(prefix + "journal", (redis.clients.jedis.StreamEntryID) null, null);
        assertThat(entries).extracting(e -> e.getFields().get("k") + "/" + e.getFields().get("a")
                        + "/" + e.getFields().getOrDefault("o", ""))
                .containsExactly("QUEUED//", "OFFERED/ann/", "ACCEPTED/ann/", "ANSWERED/ann/", "ENDED/ann/ANSWERED");
        assertThat(entries).allSatisfy(e -> assertThat(e.getFields()).containsEntry("c", "1"));
    }

    @Test
    void neverGivesAnAgentTwoVoiceContactsButSeveralTexts() {
        login("ann", 0);
        enqueue(voice(1, 0), now, RING);
        store.accept(1, "ann", now, 0, TELEPHONY);
        assertThat(enqueue(voice(2, 10), now, RING)).isEmpty();
        assertThat(store.agent("ann").state()).isEqualTo(AgentState.BUSY);

        login("bob", 0);
        assertThat(store.match(Q, now, RING, 10, 0)).extracting(OfferMade::agent).containsExactly("bob");
        store.accept(2, "bob", now, 0, TELEPHONY);
        store.finish(2, "bob", now, 1_000, null);
        store.changeState("bob", AgentState.WRAP_UP, AgentState.AVAILABLE, "", now);
        for (int i = 3; i <= 6; i++) {
            var offers = enqueue(contact(i, Channel.SMS, null, CustomerTier.REGULAR, false, i), now, RING);
            if (!offers.isEmpty()) {
                store.accept(offers.get(0).contact(), offers.get(0).agent(), now, 0, TELEPHONY);
            }
        }
        // bob takes three texts (text capacity 3), ann is on a call and takes none
        assertThat(store.agent("bob").contacts()).containsExactly(3L, 4L, 5L);
        assertThat(store.agent("ann").contacts()).containsExactly(1L);
        assertThat(store.waiting(Q)).containsExactly("6");
    }

    @Test
    void prefersTheCustomersLastAgentWhileSticky() {
        login("ann", -9_000);
        login("bob", 0);
        enqueue(contact(1, Channel.VOICE, 77L, CustomerTier.REGULAR, false, 0), now, RING);
        store.accept(1, "ann", now, 600_000, TELEPHONY);
        store.drop(1, now, 0, RedisRoutingStore.Leave.HANGUP, null);
        store.changeState("ann", AgentState.WRAP_UP, AgentState.AVAILABLE, "", now);
        login("cid", -20_000);  // idle longest, but customer 77 talked to ann last
        assertThat(enqueue(contact(2, Channel.VOICE, 77L, CustomerTier.REGULAR, false, 5), now, RING))
                .extracting(OfferMade::agent).containsExactly("ann");
        // another customer gets the longest idle agent
        assertThat(enqueue(contact(3, Channel.VOICE, 78L, CustomerTier.REGULAR, false, 6), now, RING))
                .extracting(OfferMade::agent).containsExactly("cid");
    }

    @Test
    void stickyAgentWhoIsBusyDoesNotHoldTheContact() {
        login("ann", 0);
        enqueue(contact(1, Channel.VOICE, 77L, CustomerTier.REGULAR, false, 0), now, RING);
        store.accept(1, "ann", now, 600_000, TELEPHONY);            // ann busy with customer 77's first call
        login("bob", 0);
        assertThat(enqueue(contact(2, Channel.VOICE, 77L, CustomerTier.REGULAR, false, 5), now, RING))
                .extracting(OfferMade::agent).containsExactly("bob");
    }

    @Test
    void ringDeadlineExpiresOnceAndPausesTheAgent() throws Exception {
        login("ann", 0);
        enqueue(voice(1, 0), now, RING);
        assertThat(store.dueTimers(now + RING, 10)).containsExactly("o|1|ann");
        var results = Collections.synchronizedList(new ArrayList<RedisRoutingStore.Declined>());
        runConcurrently(8, i -> results.add(store.decline(1, "ann", now + RING, true)));
        assertThat(results).filteredOn(r -> r != null).hasSize(1);
        var agent = store.agent("ann");
        assertThat(agent.state()).isEqualTo(AgentState.BREAK);
        assertThat(agent.reason()).isEqualTo("ring-no-answer");
        assertThat(agent.ringNoAnswers()).isEqualTo(1);
        assertThat(store.contactState(1)).isEqualTo("WAITING");
        assertThat(store.dueTimers(now + RING, 10)).isEmpty();
    }

    @Test
    void acceptingAnotherAgentsOrAnExpiredOfferChangesNothing() {
        login("ann", 0);
        login("bob", 0);
        var offer = enqueue(voice(1, 0), now, RING).get(0);
        String other = offer.agent().equals("ann") ? "bob" : "ann";
        assertThatThrownBy(() -> store.accept(1, other, now, 0, TELEPHONY)).isInstanceOf(NotPermittedException.class);
        assertThat(store.agent(other).state()).isEqualTo(AgentState.AVAILABLE);
        store.decline(1, offer.agent(), now + RING, true);
        assertThatThrownBy(() -> store.accept(1, offer.agent(), now, 0, TELEPHONY)).isInstanceOf(ConflictException.class);
        assertThat(store.agent(offer.agent()).state()).isEqualTo(AgentState.BREAK);
    }

    @Test
    void anAcceptAfterTheRingEndedIsTooLateEvenWhenTheContactRingsElsewhereNow() {
        login("ann", 0);
        login("bob", 0);
        var first = enqueue(voice(1, 0), now, RING).get(0);
        store.decline(1, first.agent(), now + RING, true);                 // rang out: that agent is paused
        var second = store.match(Q, now + RING, RING, 10, 0).get(0);           // now it rings the other one
        assertThat(second.agent()).isNotEqualTo(first.agent());

        assertThatThrownBy(() -> store.accept(1, first.agent(), now + RING + 500, 0, TELEPHONY))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("offer-expired"));
        assertThat(store.offeredTo(1)).containsExactly(second.agent());
    }

    @Test
    void widenedContactRingsEveryoneWithTheSkillAndTheFirstAcceptWins() {
        // ann serves the queue at the required level, bob and cid only at a lower level (wide set)
        store.login("ann", 1, 3, List.of(Q), List.of(Q), now);
        store.login("bob", 1, 3, List.of(), List.of(Q), now);
        store.login("cid", 1, 3, List.of(), List.of(Q), now);
        enqueue(voice(1, 0), now, RING);                     // rings ann
        var widened = store.widen(1, now + 10_000, RING);
        assertThat(widened).extracting(OfferMade::agent).containsExactlyInAnyOrder("bob", "cid");
        assertThat(widened).allMatch(OfferMade::widened);
        assertThat(store.offeredTo(1)).containsExactly("ann", "bob", "cid");
        var accepted = store.accept(1, "cid", now + 11_000, 0, TELEPHONY);
        assertThat(accepted.withdrawn()).containsExactlyInAnyOrder("ann", "bob");
        assertThat(store.agent("ann").state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(store.agent("bob").state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(store.agent("cid").state()).isEqualTo(AgentState.BUSY);
        // bob clicked a moment too late: told it was taken (409), not that it was never his (403)
        assertThatThrownBy(() -> store.accept(1, "bob", now, 0, TELEPHONY)).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("offer-taken"));
        assertThat(store.agent("bob").state()).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void contactLeavingWithdrawsOffersAndFreesItsAgentIntoWrapUp() {
        login("ann", 0);
        login("bob", 0);
        var o1 = enqueue(voice(1, 0), now, RING).get(0);
        var o2 = enqueue(voice(2, 1), now, RING).get(0);
        var dropped = store.drop(1, now, 0, RedisRoutingStore.Leave.HANGUP, null);                       // abandoned while ringing
        assertThat(dropped.withdrawn()).containsExactly(o1.agent());
        assertThat(store.agent(o1.agent()).state()).isEqualTo(AgentState.AVAILABLE);
        store.accept(2, o2.agent(), now, 0, TELEPHONY);
        var ended = store.drop(2, now, 30_000, RedisRoutingStore.Leave.HANGUP, null);
        assertThat(ended.wrappedAgent()).isEqualTo(o2.agent());
        assertThat(store.agent(o2.agent()).state()).isEqualTo(AgentState.WRAP_UP);
        String timer = store.dueTimers(now + 30_000, 10).get(0);
        String[] parts = timer.split("\\|");
        assertThat(store.wrapped(parts[1], parts[2], now + 30_000)).isEqualTo(AgentState.AVAILABLE);
        assertThat(store.wrapped(parts[1], parts[2], now + 30_000)).isNull();
        // a contact that left stays marked, so a redelivered arrival (or the recovery sweep) cannot queue it again
        assertThat(store.contactState(1)).isEqualTo("GONE");
        // it left while ringing: nobody had it; it left its agent, whose finish (the disposition) is still welcome
        assertThatThrownBy(() -> store.finish(1, o1.agent(), now, 0, "x")).isInstanceOf(ConflictException.class);
        assertThat(store.finish(2, o2.agent(), now, 0, "called back later")).isNull();
        assertThat(enqueue(voice(1, 0), now, RING)).isEmpty();
        assertThat(store.waiting(Q)).doesNotContain("1");
    }

    @Test
    void contactMovedToAnotherQueueCanBeQueuedThere() {
        login("ann", 0);
        store.changeState("ann", AgentState.AVAILABLE, AgentState.BREAK, "break", now);
        enqueue(voice(1, 0), now, RING);
        assertThat(store.drop(1, now, 0, RedisRoutingStore.Leave.MOVE, null).queue()).isEqualTo(Q);
        assertThat(store.contactState(1)).isNull();
        store.changeState("ann", AgentState.BREAK, AgentState.AVAILABLE, "", now);
        assertThat(enqueue(voice(1, 0), now, RING)).extracting(OfferMade::agent).containsExactly("ann");
    }

    @Test
    void majorComplaintFlagMovesAWaitingContactAheadKeepingItsArrival() {
        enqueue(voice(1, 0), now, RING);
        enqueue(voice(2, 1_000), now, RING);
        store.rescore(2, RoutingPolicy.waitingScore(CustomerTier.REGULAR, true, now + 1_000));
        assertThat(store.waiting(Q)).containsExactly("2", "1");
        assertThat(store.contact(2).arrivedMillis()).isEqualTo(now + 1_000);
    }

    @Test
    void agentServesANewQueueAsSoonAsItsMembershipsChange() {
        store.strategy("q2", RoutingStrategy.LONGEST_IDLE);
        login("ann", 0);
        var other = new WaitingContact(1, "q2", RoutingPolicy.waitingScore(null, false, now), Channel.VOICE, null, null,
                "api", "other-1", now, "+8613800000001");
        assertThat(enqueue(other, now, RING)).isEmpty();
        store.memberships("ann", List.of(Q, "q2"), List.of(Q, "q2"));
        assertThat(store.match("q2", now, RING, 10, 0)).extracting(OfferMade::agent).containsExactly("ann");
    }

    @Test
    void offersAndTheAcceptCarryTheCallerSoTheConsoleNeedsNoDatabaseRead() {
        login("ann", 0);
        var offer = enqueue(contact(7, Channel.VOICE, 42L, CustomerTier.KEY, false, 0), now, RING).get(0);
        assertThat(offer.from()).isEqualTo("+861380000007");
        assertThat(offer.customerId()).isEqualTo(42L);
        assertThat(offer.tier()).isEqualTo(CustomerTier.KEY);
        var accepted = store.accept(7, "ann", now + 10, 0, TELEPHONY);
        assertThat(accepted.from()).isEqualTo("+861380000007");
        assertThat(accepted.withdrawn()).isEmpty();
    }

    @Test
    void aCallerIdentifiedDuringTheCallIsWhoTheNextOfferShows() {
        login("ann", 0);
        enqueue(voice(8, 0), now, RING);
        store.identified(8, 77L, CustomerTier.LONG_TERM);
        assertThat(store.contact(8).customerId()).isEqualTo(77L);
        assertThat(store.contact(8).tier()).isEqualTo(CustomerTier.LONG_TERM);
        store.identified(999, 1L, CustomerTier.KEY); // not live: nothing is created
        assertThat(store.contact(999)).isNull();
    }

    @Test
    void scriptsAreLoadedAgainAfterRedisForgotThem() {
        login("ann", 0);
        redis.scriptFlush();
        assertThat(enqueue(voice(1, 0), now, RING)).extracting(OfferMade::agent).containsExactly("ann");
    }

    @Test
    void manyNodesMatchingAtOnceNeverDoubleOfferNorDoubleBook() throws Exception {
        int agents = 20;
        int contacts = 300;
        for (int i = 0; i < agents; i++) {
            login("agent" + i, i);
        }
        Map<Long, Set<String>> offersByContact = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> voiceByAgent = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        runConcurrently(8, worker -> {
            int c;
            while ((c = next.incrementAndGet()) <= contacts) {
                for (OfferMade o : enqueue(voice(c, c), now, RING)) {
                    offersByContact.computeIfAbsent(o.contact(), k -> ConcurrentHashMap.newKeySet()).add(o.agent());
                    store.accept(o.contact(), o.agent(), now, 0, TELEPHONY);
                    voiceByAgent.computeIfAbsent(o.agent(), k -> new AtomicInteger()).incrementAndGet();
                }
                for (OfferMade o : store.match(Q, now, RING, 5, 0)) {
                    offersByContact.computeIfAbsent(o.contact(), k -> ConcurrentHashMap.newKeySet()).add(o.agent());
                }
            }
        });
        assertThat(offersByContact.values()).allMatch(s -> s.size() == 1);
        assertThat(offersByContact).hasSize(agents);
        assertThat(voiceByAgent.values()).allMatch(n -> n.get() <= 1);
        assertThat(store.waiting(Q)).hasSize(contacts - agents);
    }

    // --- helpers

    private List<OfferMade> enqueue(WaitingContact c, long now, long ringMs) {
        return store.enqueue(c, now, ringMs, 5_000, RedisRoutingStore.Escalation.NONE, null, 0).offers();
    }

    private void login(String agent, long idleOffset) {
        store.login(agent, 1, 3, List.of(Q), List.of(Q), now + idleOffset);
    }

    private void answerAndFinish(long contact, String agent) {
        var offers = enqueue(voice(contact, 0), now, RING);
        assertThat(offers).extracting(OfferMade::agent).containsExactly(agent);
        store.accept(contact, agent, now, 0, TELEPHONY);
        store.finish(contact, agent, now, 1_000, null);
    }

    private WaitingContact voice(long id, long arrivalOffset) {
        return contact(id, Channel.VOICE, null, CustomerTier.REGULAR, false, arrivalOffset);
    }

    private WaitingContact contact(long id, Channel channel, Long customer, CustomerTier tier, boolean major, long arrivalOffset) {
        long arrived = now + arrivalOffset;
        return new WaitingContact(id, Q, RoutingPolicy.waitingScore(tier, major, arrived), channel, customer, tier, "api", "ext-" + id, arrived,
                "+86138000000" + id);
    }

    interface Worker {
        void run(int worker) throws Exception;
    }

    private static void runConcurrently(int threads, Worker work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        for (int t = 0; t < threads; t++) {
            int worker = t;
            pool.submit(() -> {
                try {
                    start.await();
                    work.run(worker);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
    }
}
