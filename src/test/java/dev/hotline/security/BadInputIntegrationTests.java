package dev.hotline.security;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #18 findings 7, 8, 9 and 12: bad input is a 400 problem, never a 500 nor silently stored. */
@SpringBootTest
@AutoConfigureMockMvc
class BadInputIntegrationTests {

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor SUPERVISOR = user("sup.bad").roles("SUPERVISOR");

    @Autowired
    MockMvc mvc;

    @Test
    void aPagePastAnyListIsABadRequest() throws Exception {
        for (String path : new String[]{"/api/contacts", "/api/tickets"}) {
            mvc.perform(get(path).param("page", "2147483647").param("size", "200").with(SUPERVISOR))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.page").exists());
        }
        mvc.perform(get("/api/customers").param("page", "2147483647").param("size", "100").with(ADMIN))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/tickets").param("page", "3").param("size", "200").with(SUPERVISOR))
                .andExpect(status().isOk());
    }

    @Test
    void aQueueWithAnUnknownZoneOrANullShiftIsABadRequest() throws Exception {
        for (String body : new String[]{"{\"zone\":\"nope\"}", "{\"onCall\":[null]}", "{\"skills\":{\"a\":null}}",
                "{\"strategy\":\"NOPE\"}"}) {
            mvc.perform(put("/api/queues/bad-input").with(ADMIN).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void xmlBodiesAreRefused() throws Exception {
        mvc.perform(put("/api/queues/xml-input").with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_XML)
                        .content("<QueueBody><zone>Asia/Shanghai</zone><evil>1</evil></QueueBody>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/queues").with(ADMIN).accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable());
    }

    @Test
    void ticketQuantitiesAreWholeAndNotNegativeAndKeysAreNotRepeated() throws Exception {
        var agent = user("agent.bad." + System.nanoTime()).roles("AGENT");
        for (String fields : new String[]{"{\"defectQuantity\":-1}", "{\"quantity\":-5}", "{\"quantity\":2.9}",
                "{\"quantity\":3,\"quantity\":4}"}) {
            mvc.perform(post("/api/tickets").with(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"fields\":" + fields + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        String created = mvc.perform(post("/api/tickets").with(agent).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"fields\":{\"quantity\":3}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(patch("/api/tickets/{id}", id).with(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"defectQuantity\":-2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.defectQuantity").exists());
    }

    @Test
    void aRoutingProfileNeedsAnExistingUser() throws Exception {
        mvc.perform(put("/api/agents/-1").with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"skills\":{}}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theCustomerImportRefusesControlCharactersAndRepeatedColumns() throws Exception {
        String header = "name,contact_person,phones,address,email,tier,notes,model,serial_number,"
                + "ship_date,purchase_date,sales_channel,quantity\n";
        String phone = "1390" + (System.nanoTime() % 10_000_000 + 10_000_000);
        mvc.perform(post("/api/customers/import").with(ADMIN).with(csrf()).contentType("text/csv")
                        .content((header + "Nul\u0000Name,,%s,,,,,,,,,,\n".formatted(phone)).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsImported").value(0))
                .andExpect(jsonPath("$.rejected", hasSize(1)));
        mvc.perform(post("/api/customers/import").with(ADMIN).with(csrf()).contentType("text/csv")
                        .content(("name,name," + header.substring(header.indexOf(',') + 1) + "A,B,%s,,,,,,,,,,,\n"
                                .formatted(phone)).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void responsesCarryCspAndReferrerPolicyAndAnonymousHealthHasNoDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(content().string(not(containsString("details"))));
        mvc.perform(get("/actuator/health").with(ADMIN))
                .andExpect(content().string(containsString("details")));
    }

    @Test
    void aSessionCookieNeedsTheCsrfTokenEvenWithAnAuthorizationHeader() throws Exception {
        var session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                        .param("username", "nobody-" + System.nanoTime()).param("password", "wrong"))
                .andReturn().getRequest().getSession();
        mvc.perform(post("/api/tickets").session(session).with(user("agent.cookie").roles("AGENT"))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("agent.cookie:wrong".getBytes(StandardCharsets.UTF_8)))
                        .with(request -> { // what the servlet container makes of the JSESSIONID cookie
                            request.setRequestedSessionId(session.getId());
                            return request;
                        })
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }
}
