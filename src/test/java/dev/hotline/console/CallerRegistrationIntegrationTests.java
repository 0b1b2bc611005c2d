package dev.hotline.console;

import com.jayway.jsonpath.JsonPath;
import dev.hotline.contact.AnsweredContacts;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactRecords;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.shared.CustomerTier;
import dev.hotline.ticket.TicketManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #17: a new caller registered from the screen pop becomes the customer of the contact and its draft ticket. */
@SpringBootTest
@AutoConfigureMockMvc
class CallerRegistrationIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ContactIntake contacts;
    @Autowired
    ContactRecords records;
    @Autowired
    TicketManagement tickets;

    private ContactSnapshot unknownCallerAnsweredBy(String agent, String phone) {
        var contact = AnsweredContacts.answeredBy(contacts, records, agent, phone);
        await().atMost(Duration.ofSeconds(15)).until(() -> tickets.findByContact(contact.id()).isPresent());
        return contact;
    }

    private long register(String agent, String phone) throws Exception {
        var json = mvc.perform(post("/api/customers").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"新来电客户\",\"phones\":[\"" + phone + "\"],\"tier\":\"LONG_TERM\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void theRegisteredCallerIsTheCustomerOfTheContactAndItsDraft() throws Exception {
        String agent = "agent.registrar." + System.nanoTime();
        String phone = "137" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        var contact = unknownCallerAnsweredBy(agent, phone);
        assertThat(contact.customerId()).isNull();
        assertThat(tickets.findByContact(contact.id()).orElseThrow().customerId()).isNull();
        long customer = register(agent, phone);

        // another agent may not claim this contact for anyone
        mvc.perform(put("/api/console/contacts/{id}/customer", contact.id().value())
                        .with(user("agent.stranger").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":" + customer + "}"))
                .andExpect(status().isForbidden());
        assertThat(contacts.find(contact.id()).orElseThrow().customerId()).isNull();

        mvc.perform(put("/api/console/contacts/{id}/customer", contact.id().value())
                        .with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":" + customer + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(customer));

        var record = contacts.find(contact.id()).orElseThrow();
        assertThat(record.customerId()).isEqualTo(customer);
        assertThat(record.customerTier()).isEqualTo(CustomerTier.LONG_TERM);
        var ticket = tickets.findByContact(contact.id()).orElseThrow();
        assertThat(ticket.customerId()).isEqualTo(customer);
        assertThat(tickets.detail(ticket.id()).history())
                .anySatisfy(h -> assertThat(h.note()).isEqualTo("customer " + customer));
    }

    @Test
    void anUnknownCustomerIsNotFound() throws Exception {
        String agent = "agent.registrar." + System.nanoTime();
        var contact = unknownCallerAnsweredBy(agent, "13600000000");
        mvc.perform(put("/api/console/contacts/{id}/customer", contact.id().value())
                        .with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":-5}"))
                .andExpect(status().isNotFound());
        assertThat(contacts.find(contact.id()).orElseThrow().customerId()).isNull();
    }
}
