package dev.hotline.routing;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactRecords;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The journal writer on the real Redis and MariaDB: what a writer read but never acknowledged is recorded once. */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:journal-test:")
class RoutingJournalTests {

    @Autowired
    RedisClient redis;
    @Autowired
    ContactIntake contacts;
    @Autowired
    ContactRecords records;
    @Autowired
    RoutingProperties properties;
    @Autowired
    ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters;

    @Test
    void entriesAWriterReadButDidNotAcknowledgeAreRecordedByTheNextLeaseHolder() {
        String prefix = namespace();
        var contact = arrived("+8613900000088");
        String stream = prefix + "journal";
        long now = System.currentTimeMillis();
        queued(stream, contact, now);
        entry(stream, contact, "OFFERED", now + 1, "agent.dead");
        redis.xgroupCreate(stream, "recorder", new StreamEntryID(0, 0), true);
        // the writer that held the lease read both entries, then its node died before it acknowledged them
        redis.xreadGroupAsMap("recorder", "writer", XReadGroupParams.xReadGroupParams().count(10),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertThat(redis.xpending(stream, "recorder").getTotal()).isEqualTo(2);

        var next = new RoutingJournal(redis, records, withPrefix(prefix), meters);
        next.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.OFFERED);
                assertThat(redis.xpending(stream, "recorder").getTotal()).isZero();
            });
            assertThat(contacts.history(contact.id())).extracting(ContactHistoryView::action)
                    .containsExactly("ARRIVED", "QUEUED", "OFFERED");
            assertThat(redis.xlen(stream)).isZero();
        } finally {
            next.stop();
        }
    }

    @Test
    void anEntryTheRecordRefusesIsParkedAndTheOthersAreWritten() {
        String prefix = namespace();
        var contact = arrived("+8613900000089");
        String stream = prefix + "journal";
        long now = System.currentTimeMillis();
        queued(stream, contact, now);
        // a kind this node does not know (a newer node's, during a rolling upgrade): refused by every attempt
        entry(stream, contact, "CONFERENCED", now + 1, "agent.new");
        entry(stream, contact, "OFFERED", now + 2, "agent.li");

        var writer = new RoutingJournal(redis, records, withPrefix(prefix), meters);
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.OFFERED);
                assertThat(redis.xlen(stream)).isZero();
            });
            assertThat(contacts.history(contact.id())).extracting(ContactHistoryView::action)
                    .containsExactly("ARRIVED", "QUEUED", "OFFERED");
            var parked = redis.xrange(prefix + "journal:parked", (StreamEntryID) null, (StreamEntryID) null);
            assertThat(parked).singleElement().satisfies(e -> {
                assertThat(e.getFields()).containsEntry("k", "CONFERENCED").containsEntry("c", contact.id().toString());
                assertThat(e.getFields().get("error")).contains("CONFERENCED");
            });
        } finally {
            writer.stop();
        }
    }

    /** A namespace of its own: no writer of this application runs there. */
    private static String namespace() {
        return "hotline:journal-test-" + UUID.randomUUID() + ":";
    }

    private dev.hotline.contact.ContactSnapshot arrived(String from) {
        return contacts.arrived(new NewContact(Channel.VOICE, "api", "journal-" + UUID.randomUUID(), from, null,
                "hotline", null, null));
    }

    /** Routing's journal entry as the Lua prelude writes it. */
    private void entry(String stream, dev.hotline.contact.ContactSnapshot c, String kind, long at, String agent) {
        redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("k", kind, "c", c.id().toString(), "t", Long.toString(at),
                "a", agent));
    }

    private void queued(String stream, dev.hotline.contact.ContactSnapshot c, long at) {
        redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("k", "QUEUED", "c", c.id().toString(), "t",
                Long.toString(at), "a", "", "q", "hotline", "rp", "5000"));
    }

    private RoutingProperties withPrefix(String prefix) {
        var p = properties;
        return new RoutingProperties(p.defaultQueue(), p.strategy(), p.ringNoAnswer(), p.ringPeriod(), p.alertRing(),
                p.widenRing(), p.overflowRing(), p.zone(), p.wrapUp(), p.sticky(), p.voiceCapacity(), p.textCapacity(),
                p.telephonyProviders(), p.sweepInterval(), prefix, p.reofferPause(), p.journal());
    }
}
