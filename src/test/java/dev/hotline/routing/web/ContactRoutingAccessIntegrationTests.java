package dev.hotline.routing.web;

import dev.hotline.contact.AnsweredContacts;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;


import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #18: where a contact is in routing is an agent's business only for their own contacts. */
@SpringBootTest
@AutoConfigureMockMvc
class ContactRoutingAccessIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ContactIntake contacts;
    @Autowired
    ContactRecords records;

    @Test
    void anAgentSeesTheRoutingOfTheirOwnContactsOnly() throws Exception {
        String owner = "agent.router." + System.nanoTime();
        var contact = AnsweredContacts.answeredBy(contacts, records, owner, "13900139001");
        String path = "/api/contacts/{id}/routing";

        mvc.perform(get(path, contact.id().value()).with(user(owner).roles("AGENT")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").exists());
        mvc.perform(get(path, contact.id().value()).with(user("agent.other." + System.nanoTime()).roles("AGENT")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("not-permitted"));
        mvc.perform(get(path, contact.id().value()).with(user("gm.router").roles("MANAGER")))
                .andExpect(status().isForbidden());
        mvc.perform(get(path, contact.id().value()).with(user("sup.router").roles("SUPERVISOR")))
                .andExpect(status().isOk());
    }
}
