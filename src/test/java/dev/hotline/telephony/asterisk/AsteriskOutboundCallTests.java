package dev.hotline.telephony.asterisk;

import dev.hotline.shared.infra.FreePort;

import dev.hotline.contact.ContactDirection;
import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.routing.AgentState;
import dev.hotline.servicelevel.ContactReports;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Click-to-call through Asterisk at the wire: the Call button's endpoint sends AMI Originate to {@link AmiPeer}, which
 * answers as Asterisk 22 does (queued, then OriginateResponse); the dialplan's DialEnd and Hangup of the agent's
 * channel follow. Nothing inside the app is mocked.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class AsteriskOutboundCallTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(AsteriskOutboundCalls.OUTBOUND_VARIABLE, AsteriskOutboundCalls.AGENT_VARIABLE);
        pbx.rememberOriginatedBy(AsteriskOutboundCalls.OUTBOUND_VARIABLE);
        asterisk(registry, pbx, agiPort);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ContactReports reports;

    @Override
    AmiPeer pbx() {
        return pbx;
    }

    @AfterAll
    static void stopPeer() throws IOException {
        pbx.close();
    }

    @Test
    void theCallButtonRingsTheAgentThenTheCustomerAsAnOutboundContactOutsideTheServiceLevel() throws Exception {
        String agent = agent("out-" + run, queue("oq-" + run), "2001");
        long customer = customer("+8613900" + (sequence.incrementAndGet() % 100_000 + 100_000));
        String number = phoneOf(customer);
        long task = visitTask(customer, agent);

        ContactId id = call("/api/followup/visits/" + task + "/call", agent);

        var originate = await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Originate", "Channel",
                "PJSIP/2001"), java.util.Optional::isPresent).orElseThrow();
        assertThat(originate.get("Context")).isEqualTo("hotline-outbound");
        assertThat(originate.get("Exten")).isEqualTo(number);
        assertThat(originate.get("Priority")).isEqualTo("1");
        assertThat(originate.get("Async")).isEqualToIgnoringCase("true");
        assertThat(originate.get("Timeout")).isEqualTo("30000");
        assertThat(originate.get("Variable")).contains("HOTLINE_OUTBOUND_ID=" + id, "HOTLINE_OUTBOUND_AGENT=" + agent,
                "HOTLINE_CUSTOMER_RING=45");
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.BUSY);
        ContactSnapshot contact = intake.find(id).orElseThrow();
        assertThat(contact.direction()).isEqualTo(ContactDirection.OUTBOUND);
        assertThat(contact.to()).isEqualTo(number);
        assertThat(contact.customerId()).isEqualTo(customer);

        // the agent's phone answered (OriginateResponse Success), the dialplan dialled the customer, who answers
        String[] channel = await().atMost(Duration.ofSeconds(10)).until(() -> pbx.originatedChannels.get(id.toString()),
                c -> c != null).split(" ");
        Instant answered = Instant.now().minusMillis(300);
        pbx.emit("DialEnd", answered, customerDial(channel[0], channel[1], "ANSWER"));
        await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(id).orElseThrow().answeredAt() != null);
        pbx.emit("Hangup", Instant.now(), hangup(channel[0], channel[1], channel[1]));

        await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(id).orElseThrow().isFinal());
        assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(intake.history(id)).extracting(ContactHistoryView::action)
                .contains("ARRIVED", "ACCEPTED", "ANSWERED").doesNotContain("QUEUED", "OFFERED");
        // on the customer's archive, never in the inbound three-ring service level
        assertThat(intake.search(null, null, null, customer, null, org.springframework.data.domain.PageRequest.of(0, 10))
                .getContent()).extracting(ContactSnapshot::id).contains(id);
        assertThat(reports.serviceLevel("outbound", Instant.now().minus(Duration.ofHours(1))).offered()).isZero();
        presence.finish(id, agent, "visited by phone");
    }

    @Test
    void anAgentPhoneThatIsBusyEndsTheCallAndFreesTheAgent() throws Exception {
        String agent = agent("busy-" + run, queue("bq-" + run), "2002");
        pbx.originateEndsWith("PJSIP/2002", 5);
        long customer = customer("+8613901" + (sequence.incrementAndGet() % 100_000 + 100_000));

        ContactId id = call("/api/followup/customers/" + customer + "/call", agent);

        assertFailed(id, agent, "agent-phone-busy");
    }

    @Test
    void aCustomerWhoDoesNotAnswerEndsTheCallAndFreesTheAgent() throws Exception {
        String agent = agent("noans-" + run, queue("nq-" + run), "2003");
        long customer = customer("+8613902" + (sequence.incrementAndGet() % 100_000 + 100_000));

        ContactId id = call("/api/followup/customers/" + customer + "/call", agent);
        String[] channel = await().atMost(Duration.ofSeconds(10)).until(() -> pbx.originatedChannels.get(id.toString()),
                c -> c != null).split(" ");
        pbx.emit("DialEnd", Instant.now(), customerDial(channel[0], channel[1], "NOANSWER"));

        assertFailed(id, agent, "customer-no-answer");
        pbx.emit("Hangup", Instant.now(), hangup(channel[0], channel[1], channel[1]));
    }

    @Test
    void aPbxThatIsDownGivesAClearProblemAndLeavesTheAgentFree() throws Exception {
        String agent = agent("down-" + run, queue("dq-" + run), "2004");
        long customer = customer("+8613903" + (sequence.incrementAndGet() % 100_000 + 100_000));
        pbx.down = true;
        try {
            // the PBX refuses the Originate: the call is ended and the agent freed
            ContactId refused = call("/api/followup/customers/" + customer + "/call", agent);
            assertFailed(refused, agent, "pbx-refused");
            // the PBX is gone: nothing is placed, a 503 problem says why
            pbx.dropSession();
            await().atMost(Duration.ofSeconds(10)).until(() -> !health.health().getStatus().getCode().equals("UP"));
            mvc.perform(post("/api/followup/customers/" + customer + "/call").with(user(agent).roles("AGENT"))
                            .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("telephony-unavailable"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PBX is not reachable")));
            assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        } finally {
            pbx.down = false;
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().getCode().equals("UP"));
    }

    @Test
    void anAgentWhoIsNotFreeCannotStartACall() throws Exception {
        String agent = agent("brk-" + run, queue("kq-" + run), "2005");
        presence.startBreak(agent, "lunch");
        long customer = customer("+8613904" + (sequence.incrementAndGet() % 100_000 + 100_000));

        mvc.perform(post("/api/followup/customers/" + customer + "/call").with(user(agent).roles("AGENT"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"number\":\"+8613000000000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"));
        mvc.perform(post("/api/followup/customers/" + customer + "/call").with(user(agent).roles("AGENT"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("agent-not-free"));
        assertThat(pbx.actions("Originate")).noneMatch(a -> "PJSIP/2005".equals(a.get("Channel")));
    }

    private void assertFailed(ContactId id, String agent, String reason) {
        await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(id).orElseThrow().isFinal());
        assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.FAILED);
        await().atMost(Duration.ofSeconds(10)).until(() -> intake.history(id).stream()
                .anyMatch(h -> "FAILED".equals(h.action()) && reason.equals(h.detail())));
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
    }

    private ContactId call(String path, String agent) throws Exception {
        var result = mvc.perform(post(path).with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.provider").value("asterisk"))
                .andReturn();
        var m = java.util.regex.Pattern.compile("\"contactId\"\\s*:\\s*(\\d+)")
                .matcher(result.getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        return new ContactId(Long.parseLong(m.group(1)));
    }

    /** DialEnd of the agent's channel dialling the customer from [hotline-outbound]. */
    static Map<String, String> customerDial(String channel, String uniqueId, String status) {
        var f = channelFields(channel, uniqueId, uniqueId, "Up");
        f.put("Context", "hotline-outbound");
        f.put("DestChannel", "PJSIP/hotline-trunk-00000099");
        f.put("DestChannelState", "ANSWER".equals(status) ? "6" : "5");
        f.put("DestChannelStateDesc", "ANSWER".equals(status) ? "Up" : "Ringing");
        f.put("DestUniqueid", uniqueId + "1");
        f.put("DestLinkedid", uniqueId);
        f.put("DialStatus", status);
        return f;
    }

    private long customer(String phone) {
        return dev.hotline.ArchiveRows.customerWithPhone(jdbc, "回访 " + phone, phone);
    }

    private String phoneOf(long customer) {
        return jdbc.queryForObject("select e164 from customer_phone where customer_id = ?", String.class, customer);
    }

    private long visitTask(long customer, String agent) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into visit_task (customer_id, reason, due_on, status, assignee, "
                    + "created_at, created_by) values (?, 'MANUAL', ?, 'OPEN', ?, ?, 't')", new String[]{"id"});
            ps.setLong(1, customer);
            ps.setObject(2, LocalDate.now());
            ps.setString(3, agent);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
