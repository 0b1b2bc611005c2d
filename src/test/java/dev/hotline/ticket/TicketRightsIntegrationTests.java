package dev.hotline.ticket;

import com.jayway.jsonpath.JsonPath;
import dev.hotline.contact.AnsweredContacts;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactRecords;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.shared.NotPermittedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #18 findings 1, 2 and 6: an agent acts on their own contacts and tickets only, and on real contacts only. */
@SpringBootTest
@AutoConfigureMockMvc
class TicketRightsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ContactIntake contacts;
    @Autowired
    ContactRecords records;
    @Autowired
    TicketManagement tickets;

    /** A call the record says {@code agent} answered; its draft ticket is the agent's. */
    private ContactSnapshot answeredBy(String agent) throws Exception {
        var contact = AnsweredContacts.answeredBy(contacts, records, agent, "13900139000");
        TicketTestSupport.await(() -> tickets.findByContact(contact.id()).filter(t -> agent.equals(t.assignee())));
        return contact;
    }

    private long ownTicket(String agent) throws Exception {
        var json = mvc.perform(post("/api/tickets").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void anAgentCannotTakeAnotherAgentsContactOntoATicket() throws Exception {
        String owner = "agent.owner." + System.nanoTime();
        String thief = "agent.thief." + System.nanoTime();
        var contact = answeredBy(owner);
        long ownersDraft = tickets.findByContact(contact.id()).orElseThrow().id();
        long thiefs = ownTicket(thief);

        mvc.perform(post("/api/tickets").with(user(thief).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":" + contact.id() + "}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/tickets/{id}/contacts", thiefs).with(user(thief).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":" + contact.id() + "}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-permitted"));

        var draft = tickets.find(ownersDraft).orElseThrow();
        assertThat(draft.status()).isEqualTo(TicketStatus.DRAFT);
        assertThat(tickets.findByContact(contact.id()).orElseThrow().id()).isEqualTo(ownersDraft);

        // the owner may, and so may a supervisor
        long ownersOther = ownTicket(owner);
        mvc.perform(post("/api/tickets/{id}/contacts", ownersOther).with(user(owner).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":" + contact.id() + "}"))
                .andExpect(status().isOk());
        assertThat(tickets.findByContact(contact.id()).orElseThrow().id()).isEqualTo(ownersOther);
    }

    @Test
    void aContactIdThatDoesNotExistIsRefusedForEveryone() throws Exception {
        String agent = "agent.future." + System.nanoTime();
        long own = ownTicket(agent);
        for (String id : List.of("-1", "0", "999999999", "8999999999999")) {
            mvc.perform(post("/api/tickets/{id}/contacts", own).with(user(agent).roles("AGENT")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":" + id + "}"))
                    .andExpect(status().is(422))
                    .andExpect(jsonPath("$.code").value("unknown-contact"));
            mvc.perform(post("/api/tickets/{id}/contacts", own).with(user("sup.future").roles("SUPERVISOR")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":" + id + "}"))
                    .andExpect(status().is(422));
            mvc.perform(post("/api/tickets").with(user(agent).roles("AGENT")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":" + id + "}"))
                    .andExpect(status().is(422));
        }
        assertThat(tickets.detail(own).contactIds()).isEmpty();
    }

    @Test
    void anAgentCommentsOnlyOnTheirOwnOpenTickets() throws Exception {
        String owner = "agent.writer." + System.nanoTime();
        long own = ownTicket(owner);

        mvc.perform(post("/api/tickets/{id}/comments", own).with(user("agent.nosy").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"not mine\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tickets/{id}/comments", own).with(user(owner).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"mine\"}"))
                .andExpect(status().isCreated());

        tickets.transition(own, TicketStatus.CLOSED, null, "duplicate", TicketActor.supervisor("sup.close"));
        mvc.perform(post("/api/tickets/{id}/comments", own).with(user(owner).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"after closing\"}"))
                .andExpect(status().isForbidden());
    }

    /** Issue #18 (manager rights): managers read and comment; fields, steps, assignment, contacts stay the hotline's. */
    @Test
    void aManagerReadsAndCommentsButChangesNothing() throws Exception {
        String owner = "agent.worked." + System.nanoTime();
        var contact = answeredBy(owner);
        long ticket = tickets.findByContact(contact.id()).orElseThrow().id();
        var manager = user("gm." + System.nanoTime()).roles("MANAGER");

        mvc.perform(patch("/api/tickets/{id}", ticket).with(manager).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"description\":\"rewritten\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tickets/{id}/transitions", ticket).with(manager).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"CLOSED\",\"note\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/tickets/{id}/assignee", ticket).with(manager).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"someone\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tickets").with(manager).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":" + contact.id() + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/tickets/{id}", ticket).with(manager)).andExpect(status().isOk());
        mvc.perform(post("/api/tickets/{id}/comments", ticket).with(manager).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"call the customer today\"}"))
                .andExpect(status().isCreated());

        // the service refuses the same, whatever adapter calls it
        var gm = TicketActor.manager("gm.service");
        assertThatThrownBy(() -> tickets.update(ticket, TicketFields.NONE.withType(TicketType.INQUIRY), gm))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tickets.transition(ticket, TicketStatus.CLOSED, null, "x", gm))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tickets.assign(ticket, "gm.service", gm)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tickets.linkContact(ticket, contact.id(), gm))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tickets.create(new NewTicket(null, null, null), gm))
                .isInstanceOf(NotPermittedException.class);

        var after = tickets.find(ticket).orElseThrow();
        assertThat(after.status()).isEqualTo(TicketStatus.DRAFT);
        assertThat(after.assignee()).isEqualTo(owner);
        assertThat(after.fields().description()).isNull();

        tickets.transition(ticket, TicketStatus.CLOSED, null, "wrong number", TicketActor.supervisor("sup.close"));
        assertThatThrownBy(() -> tickets.comment(ticket, "after closing", gm))
                .isInstanceOf(NotPermittedException.class);
    }
}
