package dev.hotline.contact;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ContactApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void registersAContactOnceByExternalId() throws Exception {
        String body = """
                {"channel":"VOICE","from":"13800138000","queue":"hotline","externalId":"%s"}"""
                .formatted(UUID.randomUUID());
        mvc.perform(post("/api/contacts").contentType(MediaType.APPLICATION_JSON).content(body).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITING"))
                .andExpect(jsonPath("$.provider").value("api"));
        mvc.perform(post("/api/contacts").contentType(MediaType.APPLICATION_JSON).content(body).with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void unknownFieldsAndBadChannelsAreProblems() throws Exception {
        mvc.perform(post("/api/contacts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"VOICE\",\"colour\":\"red\"}").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Unknown field 'colour'"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/contacts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"PIGEON\"}").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.channel").exists())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/contacts").contentType(MediaType.APPLICATION_JSON).content("{}").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.channel").exists());
    }

    @Test
    @WithMockUser(username = "agent.li", roles = "AGENT")
    void agentsLogLettersButCannotInjectCalls() throws Exception {
        mvc.perform(post("/api/contacts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"LETTER\",\"from\":\"江西某公司\",\"subject\":\"电机异响\"}").with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subject").value("电机异响"));
        mvc.perform(post("/api/contacts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"VOICE\",\"from\":\"13800138000\"}").with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/contacts")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void malformedIdsAndUnknownContactsAreClientErrors() throws Exception {
        mvc.perform(get("/api/contacts/abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/contacts/" + Long.MAX_VALUE)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }
}
