package dev.hotline.telephony.asterisk;

import dev.hotline.shared.infra.FreePort;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a real Asterisk 22 showed (issue 19), replayed on the wire-level peers, which send what res_agi and the
 * manager interface send: no agi_linkedid, GET VARIABLE answered from the channel, the caller's HangupRequest before
 * the agent leg's Hangup, DestChanVariable on Dial events.
 */
@SpringBootTest
@DirtiesContext
class AsteriskAsBuiltTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE);
        asterisk(registry, pbx, agiPort);
    }

    @Autowired
    JdbcTemplate jdbc;

    final AgiCaller agi = new AgiCaller(agiPort, pbx);
    final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @Override
    AmiPeer pbx() {
        return pbx;
    }

    @AfterAll
    static void stopPeer() throws IOException {
        pbx.close();
    }

    @BeforeEach
    void listenForWarnings() {
        warnings.start();
        for (String name : List.of("org.asteriskjava", "dev.hotline.telephony")) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(warnings);
        }
    }

    @AfterEach
    void stopListening() {
        for (String name : List.of("org.asteriskjava", "dev.hotline.telephony")) {
            ((Logger) LoggerFactory.getLogger(name)).detachAppender(warnings);
        }
    }

    private List<String> warned() {
        return warnings.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private ContactId arrive(Call call, String queue) throws IOException {
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000",
                "4008880000", queue));
        return intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
    }

    /** A call in its own queue, accepted by its own agent, whose phone answers at {@code t}. */
    private ContactId answered(Call call, String prefix, Instant t) throws IOException {
        String queue = queue(prefix + run);
        String agent = agent(prefix + run, queue, "1001");
        ContactId id = arrive(call, queue);
        acceptAndAnswer(call, id, agent, t);
        return id;
    }

    // 1. who hung up first

    @Test
    void callerHangingUpABridgedCallIsTheCustomerThoughTheAgentLegsHangupComesFirst() throws Exception {
        Call call = newCall();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ContactId id = answered(call, "hc-", t);

        callerHangsUp(call, agentLeg(call), t.plusSeconds(30));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(quality.findByContactId(id.value())).hasValueSatisfying(q -> {
                assertThat(q.firstHangUp()).isEqualTo("CUSTOMER");
                assertThat(q.agentHungUpFirst()).isFalse();
            });
        });
        assertThat(warned()).noneMatch(w -> w.contains("hung up before the customer"));
    }

    // 2. the call's id is its linkedid, which res_agi does not send

    @Test
    void externalIdIsTheLinkedidOfACallerBehindALocalChannel() throws Exception {
        String queue = queue("li-" + run);
        long n = sequence.incrementAndGet();
        String linkedId = Instant.now().getEpochSecond() + "." + n + "0";
        String agiChannel = "Local/4008880000@from-trunk-" + run + n + ";2";
        String agiUniqueId = Instant.now().getEpochSecond() + "." + n + "1";

        // the dialplan passes ${CHANNEL(linkedid)} as the second argument
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", agiUniqueId, agiChannel, "13800138000", "4008880000",
                queue, linkedId, ""));
        var contact = intake.findByExternalId("asterisk", linkedId).orElseThrow();
        assertThat(intake.findByExternalId("asterisk", agiUniqueId)).isEmpty();

        // an older dialplan passes only the queue: the app asks the channel with GET VARIABLE
        long m = sequence.incrementAndGet();
        String otherLinkedId = Instant.now().getEpochSecond() + "." + m + "0";
        String otherUniqueId = Instant.now().getEpochSecond() + "." + m + "1";
        List<String> commands = agi.call(AgiCaller.inboundCall(agiPort, "hotline", otherUniqueId,
                "Local/4008880000@from-trunk-" + run + m + ";2", "13800138000", "4008880000", queue),
                Map.of(AgiCaller.LINKED_ID, otherLinkedId));
        assertThat(commands).anyMatch(c -> c.startsWith("GET VARIABLE") && c.contains("CHANNEL(linkedid)"));
        var other = intake.findByExternalId("asterisk", otherLinkedId).orElseThrow();

        // the caller's channel reports Uniqueid ...1 and Linkedid ...0: its hang-up is found and heard
        pbx.emit("Hangup", Instant.now(), hangup(agiChannel, agiUniqueId, linkedId));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(contact.id()).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED));
        routing.callerHungUp(other.id(), null);
    }

    // 3. the on-call phone answering an overflow is no agent

    @Test
    void overflowAnsweredByTheOnCallPhoneIsNoAgentAnswer() throws Exception {
        String queue = queue("oa-" + run);
        Call call = newCall();
        ContactId id = arrive(call, queue);
        routing.overflow(id, "+8613900000009");
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Redirect", "Channel", call.channel())
                .filter(r -> "hotline-overflow".equals(r.get("Context"))).isPresent());

        // [hotline-overflow] dials the on-call phone through the trunk, which answers and is bridged with the caller
        String trunkLeg = call.uniqueId() + "7";
        Instant t = Instant.now();
        pbx.emit("DialBegin", t, onCallDial(call, trunkLeg, null));
        pbx.emit("DialEnd", t.plusSeconds(8), onCallDial(call, trunkLeg, "ANSWER"));
        pbx.emit("BridgeCreate", t.plusSeconds(8), bridgeFields(bridgeOf(call), 0));
        var enter = bridge(bridgeOf(call), call.channel(), call.uniqueId(), call.uniqueId());
        enter.put("Context", "hotline-overflow");
        pbx.emit("BridgeEnter", t.plusSeconds(8), enter);
        pbx.emit("HangupRequest", t.plusSeconds(40), hangupRequest(call.channel(), call.uniqueId(), call.uniqueId()));
        pbx.emit("Hangup", t.plusSeconds(40), hangup("PJSIP/hotline-trunk-00000009", trunkLeg, call.uniqueId()));
        pbx.emit("Hangup", t.plusSeconds(40), hangup(call.channel(), call.uniqueId(), call.uniqueId()));

        // the caller's Hangup was handled (the call is forgotten) without an answer, a warning or a quality row
        await().atMost(Duration.ofSeconds(10)).until(() -> !isTracked(id));
        assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.OVERFLOWED);
        assertThat(intake.find(id).orElseThrow().answeredAt()).isNull();
        assertThat(quality.findByContactId(id.value())).isEmpty();
        assertThat(warned()).noneMatch(w -> w.contains(id.toString()));
    }

    @Autowired
    LiveCalls liveCalls;

    private boolean isTracked(ContactId id) {
        return liveCalls.byContact(id).isPresent();
    }

    private static Map<String, String> onCallDial(Call call, String trunkLeg, String status) {
        var f = dial(call, trunkLeg, status);
        f.put("Context", "hotline-overflow");
        f.put("DestChannel", "PJSIP/hotline-trunk-00000009");
        f.put("DestCallerIDNum", "+8613900000009");
        f.put("DestContext", "from-trunk");
        return f;
    }

    // 4. asterisk-java and the DestChanVariable lines (and TechCause)

    @Test
    void dialEventsWithChannelVariablesOfTheDialledChannelLogNoWarning() throws Exception {
        Call call = newCall();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ContactId id = answered(call, "dv-", t);
        pbx.emit("DialState", t.minusSeconds(2), dial(call, agentLeg(call), "RINGING"));
        // a busy phone of another agent (chan_pjsip sets the SIP response as TechCause)
        var busy = hangupRequest("PJSIP/1002-00000003", call.uniqueId() + "9", call.uniqueId());
        busy.put("Cause", "17");
        busy.put("TechCause", "486");
        pbx.emit("HangupRequest", t.minusSeconds(1), busy);
        agentHangsUp(call, agentLeg(call), t.plusSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(id).orElseThrow().isFinal());

        // every event parsed into its class without a property left over (upstream's "no setter" warning)
        assertThat(warned()).noneMatch(w -> w.contains("no setter"));
    }

    // 5. the call's own start, and a dialplan that stopped waiting

    @Test
    void arrivalIsTheCallsStartOnThePbxNotWhenTheAppGotToIt() throws Exception {
        String queue = queue("st-" + run);
        Call call = newCall();
        Instant started = Instant.now().minusMillis(20_250).truncatedTo(ChronoUnit.MILLIS);
        String cdrStart = started.getEpochSecond() + "." + String.format("%06d", started.getNano() / 1000);

        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000",
                "4008880000", queue, call.uniqueId(), cdrStart));
        assertThat(intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().arrivedAt()).isEqualTo(started);

        // an older dialplan: the app asks for CDR(start,u)
        Call older = newCall();
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", older.uniqueId(), older.channel(), "13800138000",
                "4008880000", queue), Map.of(AgiCaller.LINKED_ID, older.uniqueId(), AgiCaller.CDR_START, cdrStart));
        assertThat(intake.findByExternalId("asterisk", older.uniqueId()).orElseThrow().arrivedAt()).isEqualTo(started);
    }

    @Test
    void callTheDialplanStoppedWaitingForIsClosedNotLeftForAnAgent() throws Exception {
        String queue = queue("gu-" + run);
        Call call = newCall();

        // the dialplan's AGI time limit ran out: res_agi (AGIEXITONHANGUP=yes) sends HANGUP and closes the socket
        agi.callAndGiveUp(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000",
                "4008880000", queue, call.uniqueId(), Instant.now().getEpochSecond() + ".250000"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                intake.findByExternalId("asterisk", call.uniqueId())).hasValueSatisfying(c -> assertThat(c.isFinal()).isTrue()));
    }

    // 6. caller ids with an extension

    @Test
    void callerIdWithPunctuationAndAnExtensionFindsTheCustomer() throws Exception {
        String queue = queue("ex-" + run);
        String local = String.format("%07d", ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000));
        long customer = customer("+86795" + local);
        Call call = newCall();

        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(),
                "+86 (795) " + local + ";ext=1", "4008880000", queue));

        var contact = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow();
        assertThat(contact.from()).isEqualTo("+86 (795) " + local + ";ext=1");
        assertThat(contact.customerId()).isEqualTo(customer);
    }

    private long customer(String e164) {
        var keys = new GeneratedKeyHolder();
        var now = Timestamp.from(Instant.now());
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into customer (name, tier, created_at, updated_at) "
                    + "values ('分机来电客户', 'REGULAR', ?, ?)", new String[]{"id"});
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.update("insert into customer_phone (customer_id, e164) values (?, ?)", id, e164);
        return id;
    }
}
