package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.ContactOffered;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.CustomerTier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A known caller's offer pops the archive card and the customer's open tickets (the draft of this very call). */
@SpringBootTest
@AutoConfigureMockMvc
class ScreenPopIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ContactIntake contacts;
    @Autowired
    dev.hotline.routing.ContactRouting routing;

    @Autowired
    ScreenPops pops;

    @Test
    void knownCallerPopsWithArchiveCardAndOpenTickets() throws Exception {
        String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        mvc.perform(post("/api/customers").with(user("admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"弹屏测试客户\",\"phones\":[\"" + phone + "\"],\"tier\":\"KEY\"}"))
                .andExpect(status().isCreated());
        var call = routing.arrive(new NewContact(Channel.VOICE, "api", UUID.randomUUID().toString(),
                "+86 " + phone, null, "screenpop-" + UUID.randomUUID().toString().substring(0, 8), null, null));

        await().atMost(Duration.ofSeconds(15)).until(() -> !pops.of(call).openTickets().isEmpty());
        var pop = pops.of(call);

        assertThat(pop.newCaller()).isFalse();
        assertThat(pop.tier()).isEqualTo(CustomerTier.KEY);
        assertThat(pop.customer().name()).isEqualTo("弹屏测试客户");
        assertThat(pop.openTickets()).singleElement()
                .satisfies(t -> assertThat(t.id()).startsWith("CS-"));

        // the offer's pop from what routing holds is the same pop
        var offered = new ContactOffered(call.id(), "agent.pop", call.queue(), Channel.VOICE, call.customerId(),
                Instant.now(), Instant.now().plusSeconds(5), false, call.from(), call.customerTier(), null);
        var fromOffer = pops.of(offered);
        assertThat(fromOffer.customer().name()).isEqualTo("弹屏测试客户");
        assertThat(fromOffer.tier()).isEqualTo(CustomerTier.KEY);
        assertThat(fromOffer.openTickets()).isEqualTo(pop.openTickets());
        assertThat(fromOffer.from()).isEqualTo(pop.from());
        routing.callerHungUp(call.id(), null);
    }

    @Test
    void anUnknownCallersOfferPopsWithoutReadingTheRecord() {
        // a contact id the record does not have: the pop can only come from the offer itself
        var offered = new ContactOffered(new ContactId(Long.MAX_VALUE - 7), "agent.pop", "hotline", Channel.VOICE, null,
                Instant.now(), Instant.now().plusSeconds(5), false, "+8613912345678", null, null);
        var pop = pops.of(offered);
        assertThat(pop.newCaller()).isTrue();
        assertThat(pop.from()).isEqualTo("+8613912345678");
        assertThat(pops.of(offered.contactId())).isNull();
    }
}
