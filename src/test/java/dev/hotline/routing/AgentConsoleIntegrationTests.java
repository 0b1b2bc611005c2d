package dev.hotline.routing;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API of queues, agents and the agent console, on the whole application (own Redis key prefix). */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:console-test:")
@AutoConfigureMockMvc
class AgentConsoleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ContactIntake contacts;
    @Autowired
    dev.hotline.routing.ContactRouting live;

    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final RequestPostProcessor admin = user("admin").roles("ADMIN");
    final RequestPostProcessor supervisor = user("sup").roles("SUPERVISOR");

    @Test
    void adminConfiguresQueuesWithDefaultsAndSupervisorsOnlyRead() throws Exception {
        String queue = "repairs-" + run;
        mvc.perform(put("/api/queues/" + queue).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"skills":{"repair":2},"strategy":"ROUND_ROBIN","onCall":[{"days":["MONDAY","TUESDAY"],
                                 "from":"18:00","to":"08:00","phone":"+8613800000001"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.strategy").value("ROUND_ROBIN"))
                .andExpect(jsonPath("$.alertRing").value(2))
                .andExpect(jsonPath("$.overflowRing").value(4))
                .andExpect(jsonPath("$.onCall[0].phone").value("+8613800000001"));
        mvc.perform(get("/api/queues/" + queue).with(supervisor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.skills.repair").value(2));
        mvc.perform(get("/api/queues/hotline").with(supervisor)).andExpect(status().isOk());
        mvc.perform(put("/api/queues/" + queue).with(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/agents/x-" + run).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"skills\":{\"repair\":9}}")).andExpect(status().isBadRequest());
    }

    @Test
    void agentGoesAvailableAcceptsFinishesAndCannotTouchOthersOffers() throws Exception {
        String queue = "console-" + run;
        String ann = "ann-" + run;
        String bob = "bob-" + run;
        mvc.perform(put("/api/queues/" + queue).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"skills\":{\"" + queue + "\":1}}")).andExpect(status().isOk());
        for (String agent : new String[]{ann, bob}) {
            // a routing profile is for an existing user only
            jdbc.update("INSERT INTO app_user (username, password_hash, role, display_name, enabled, created_at) "
                    + "VALUES (?, 'not-a-login', 'AGENT', ?, TRUE, CURRENT_TIMESTAMP(6))", agent, agent);
            mvc.perform(put("/api/agents/" + agent).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"skills\":{\"" + queue + "\":" + (agent.equals(ann) ? 3 : 0 + 1) + "},\"extension\":\"PJSIP/1001\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.voiceCapacity").value(1));
        }
        var asAnn = user(ann).roles("AGENT");
        var asBob = user(bob).roles("AGENT");
        mvc.perform(put("/api/agents/me/state").with(asAnn).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"AVAILABLE\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("AVAILABLE"));
        mvc.perform(put("/api/agents/" + ann + "/state").with(asBob).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"BREAK\",\"reason\":\"prank\"}")).andExpect(status().isForbidden());

        var contact = live.arrive(new NewContact(Channel.VOICE, "api", run, "+8613900000042", null, queue, null, null));
        String id = contact.id().toString();
        mvc.perform(get("/api/agents/me").with(asAnn))
                .andExpect(jsonPath("$.state").value("RESERVED")).andExpect(jsonPath("$.pendingOffer").value(contact.id().value()));
        mvc.perform(post("/api/offers/" + id + "/accept").with(asBob).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(put("/api/agents/me/state").with(asAnn).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"BREAK\",\"reason\":\"lunch\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/offers/" + id + "/accept").with(asAnn).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/agents/me").with(asAnn))
                .andExpect(jsonPath("$.state").value("BUSY")).andExpect(jsonPath("$.activeContacts[0]").value(contact.id().value()));
        dev.hotline.Records.awaitRecorded(contacts, contact.id(), ContactStatus.CONNECTED);
        mvc.perform(post("/api/contacts/" + id + "/finish").with(asAnn).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"disposition\":\"solved\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("WRAP_UP"));
        dev.hotline.Records.awaitRecorded(contacts, contact.id(), ContactStatus.ENDED);
        mvc.perform(put("/api/agents/" + ann + "/state").with(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"BREAK\",\"reason\":\"coaching\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("coaching"));

        // every change is in the history table: AVAILABLE, RESERVED, BUSY, WRAP_UP, BREAK
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT to_state FROM agent_state_history WHERE agent = ? ORDER BY id", String.class, ann))
                .containsExactly("AVAILABLE", "RESERVED", "BUSY", "WRAP_UP", "BREAK"));
    }
}
