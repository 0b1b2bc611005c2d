package dev.hotline.routing.web;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactRecords;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactTransition;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    private ContactSnapshot answeredBy(String agent) {
        var contact = contacts.arrived(new NewContact(Channel.VOICE, "asterisk", "call-" + UUID.randomUUID(),
                "13900139001", "8000", "hotline", null, null));
        records.record(List.of(new ContactTransition(contact.id().value(), 1, ContactTransition.Kind.ANSWERED,
                Instant.now(), agent, null, 0, null, false, null)));
        return contact;
    }

    @Test
    void anAgentSeesTheRoutingOfTheirOwnContactsOnly() throws Exception {
        String owner = "agent.router." + System.nanoTime();
        var contact = answeredBy(owner);
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
