package dev.hotline.shared.security;

import dev.hotline.shared.People;
import dev.hotline.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Managers, departments, teams and how people are reached, through the API and as {@link People} sees them. */
@SpringBootTest
@AutoConfigureMockMvc
class PeopleApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;

    final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void anAdminCreatesADepartmentHeadedByAManagerAndPlacesAnAgentInASupervisorsTeam() throws Exception {
        var admin = user("admin-" + run).roles("ADMIN");
        create("qc-" + run, "MANAGER", admin);
        create("sup-" + run, "SUPERVISOR", admin);
        create("agent-" + run, "AGENT", admin);

        mvc.perform(put("/api/departments/QC-{run}", run).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"品控中心 " + run + "\",\"head\":\"qc-" + run + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.head").value("qc-" + run));
        mvc.perform(put("/api/users/qc-{run}", run).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MANAGER\",\"displayName\":\"QC head\",\"enabled\":true,"
                                + "\"department\":\"QC-" + run + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("QC-" + run));
        mvc.perform(put("/api/users/agent-{run}", run).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AGENT\",\"displayName\":\"Agent\",\"enabled\":true,"
                                + "\"supervisor\":\"sup-" + run + "\"}"))
                .andExpect(status().isOk());

        // the department is found by its name, as a ticket's responsible department names it
        assertThat(people.headOf("品控中心 " + run)).hasValueSatisfying(p -> assertThat(p.username()).isEqualTo("qc-" + run));
        assertThat(people.supervisorsOf("agent-" + run)).extracting(p -> p.username()).containsExactly("sup-" + run);
        assertThat(people.generalManagers()).noneMatch(p -> p.username().equals("qc-" + run));
        assertThat(people.withRole(Role.MANAGER)).anyMatch(p -> p.username().equals("qc-" + run));
    }

    @Test
    void everyoneSetsTheirOwnAddressesOnlyAndBadOnesAreProblems() throws Exception {
        var admin = user("admin-" + run).roles("ADMIN");
        create("gm-" + run, "MANAGER", admin);
        var gm = user("gm-" + run).roles("MANAGER");

        mvc.perform(put("/api/users/gm-{run}/reach", run).with(gm).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"gm@example.com\",\"mobile\":\"+8613800138000\",\"inApp\":true,"
                                + "\"byEmail\":true,\"bySms\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bySms").value(true));
        assertThat(people.find("gm-" + run)).hasValueSatisfying(p -> {
            assertThat(p.email()).isEqualTo("gm@example.com");
            assertThat(p.mobile()).isEqualTo("+8613800138000");
            assertThat(p.department()).isNull();
        });
        assertThat(people.generalManagers()).anyMatch(p -> p.username().equals("gm-" + run));

        mvc.perform(put("/api/users/admin/reach").with(gm).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inApp\":true,\"byEmail\":false,\"bySms\":false}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/users/gm-{run}/reach", run).with(gm).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mobile\":\"13800138000\",\"inApp\":true,\"byEmail\":false,\"bySms\":true}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/departments/x y").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/departments/QA-{run}", run).with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"head\":\"admin-nobody\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/departments/QA-{run}", run).with(gm).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    private void create(String username, String role,
                        org.springframework.test.web.servlet.request.RequestPostProcessor admin) throws Exception {
        mvc.perform(post("/api/users").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"secret-pass-1\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isCreated());
    }
}
