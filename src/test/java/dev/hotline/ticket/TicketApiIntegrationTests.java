package dev.hotline.ticket;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class TicketApiIntegrationTests {

    private static final String COMPLAINT = """
            {"fields":{"type":"COMPLAINT","category":"QUALITY","severity":"MINOR",
                       "description":"客户反映电机异响","productSerial":"SN-API-1"}}""";

    @Autowired
    MockMvc mvc;

    private long create(String agent, String body) throws Exception {
        var json = mvc.perform(post("/api/tickets").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void anAgentCreatesAndWorksAComplaint() throws Exception {
        String agent = "agent.api." + System.nanoTime();
        long id = create(agent, COMPLAINT);

        mvc.perform(post("/api/tickets/{id}/transitions", id).with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"target":"VERIFIED","note":"核实","fields":{"orderNo":"PO-1","partNo":"YS-1",
                                 "shipDate":"2025-06-01","quantity":100,"defectQuantity":3,"customerDemand":"换货"}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.assignee").value(agent))
                .andExpect(jsonPath("$.fields.defectQuantity").value(3));

        mvc.perform(post("/api/tickets/{id}/comments", id).with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已通知品控中心\"}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/tickets/{id}", id).with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ticket.number", containsString("CS-")))
                .andExpect(jsonPath("$.history[*].action", hasItem("COMMENT")))
                .andExpect(jsonPath("$.history[*].toStatus", hasItem("VERIFIED")))
                .andExpect(jsonPath("$.deadlines[*].kind", hasItem("FEEDBACK")));

        mvc.perform(get("/api/tickets").param("mine", "true").param("type", "COMPLAINT")
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }

    @Test
    void anIllegalTransitionIsAConflictProblemAndChangesNothing() throws Exception {
        String agent = "agent.conflict." + System.nanoTime();
        long id = create(agent, COMPLAINT);

        mvc.perform(post("/api/tickets/{id}/transitions", id).with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"CLOSED\",\"note\":\"done\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("illegal-transition"));

        mvc.perform(get("/api/tickets/{id}", id).with(user(agent).roles("AGENT")))
                .andExpect(jsonPath("$.ticket.status").value("REGISTERED"));
    }

    @Test
    void aMissingMandatoryFieldIsABadRequestNamingTheField() throws Exception {
        String agent = "agent.missing." + System.nanoTime();
        long id = create(agent, COMPLAINT);

        mvc.perform(post("/api/tickets/{id}/transitions", id).with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"target":"VERIFIED","fields":{"orderNo":"PO-1"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.partNo").exists());

        mvc.perform(post("/api/tickets/{id}/transitions", id).with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"no target\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.target").exists());
    }

    @Test
    void anAgentCannotEditAnotherAgentsTicketButASupervisorCan() throws Exception {
        String owner = "agent.owner." + System.nanoTime();
        long id = create(owner, COMPLAINT);

        mvc.perform(patch("/api/tickets/{id}", id).with(user("agent.other").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"severity\":\"MAJOR\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-permitted"));

        mvc.perform(patch("/api/tickets/{id}", id).with(user("sup.li").roles("SUPERVISOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"severity\":\"MAJOR\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fields.severity").value("MAJOR"))
                .andExpect(jsonPath("$.assignee").value(owner));

        mvc.perform(get("/api/tickets/{id}", id).with(user(owner).roles("AGENT")))
                .andExpect(jsonPath("$.deadlines[*].kind", hasItem("RESOLUTION")));
    }

    @Test
    @WithMockUser(username = "sup.kpi", roles = "SUPERVISOR")
    void kpisComeAsJsonAndCsv() throws Exception {
        String from = Instant.now().minusSeconds(3600).toString();
        String to = Instant.now().plusSeconds(3600).toString();
        mvc.perform(get("/api/tickets/kpis").param("from", from).param("to", to).param("shipped", "100000")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complaints").isNumber())
                .andExpect(jsonPath("$.overdue").isArray());
        mvc.perform(get("/api/tickets/kpis").param("from", from).param("to", to).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("complaint_response_on_time_percent")));
        mvc.perform(get("/api/tickets/kpis.csv").param("from", from).param("to", to))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("first_time_fix_percent")));
        mvc.perform(get("/api/tickets/kpis").param("from", to).param("to", from).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest());
    }

    @Test
    void agentsDoNotSeeKpis() throws Exception {
        mvc.perform(get("/api/tickets/kpis").param("from", "2025-01-01T00:00:00Z").param("to", "2025-02-01T00:00:00Z")
                        .with(user("agent.kpi").roles("AGENT")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden());
    }
}
