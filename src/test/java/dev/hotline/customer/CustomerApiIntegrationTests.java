package dev.hotline.customer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.LocalDate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "agent1", roles = "AGENT")
class CustomerApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    private ResultActions postJson(String url, String json) throws Exception {
        return mvc.perform(post(url).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions putJson(String url, String json) throws Exception {
        return mvc.perform(put(url).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String customerJson(String name, String... phones) {
        return """
                {"name":"%s","contactPerson":"王工","phones":["%s"],"address":"江西省九江市",
                 "email":"wang@example.cn","tier":"KEY","notes":"老客户"}""".formatted(name, String.join("\",\"", phones));
    }

    private static String productJson(String serial, LocalDate shipDate, String channel) {
        return """
                {"model":"YS-7124","serialNumber":"%s","shipDate":%s,"purchaseDate":null,
                 "salesChannel":"%s","quantity":2}""".formatted(serial, shipDate == null ? "null" : "\"" + shipDate + "\"", channel);
    }

    private long createCustomer(String name, String... phones) throws Exception {
        String location = postJson("/api/customers", customerJson(name, phones))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static ResultActions problem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void createsCustomerWithNormalisedNumbers() throws Exception {
        String mobile = TestNumbers.mobile();
        String landline = TestNumbers.landline();
        postJson("/api/customers", customerJson("九江电机厂", mobile, landline, "+86 " + mobile))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/customers/")))
                .andExpect(jsonPath("$.name").value("九江电机厂"))
                .andExpect(jsonPath("$.tier").value("KEY"))
                .andExpect(jsonPath("$.phones", hasSize(2)))
                .andExpect(jsonPath("$.phones[?(@ == '%s')]".formatted(TestNumbers.e164(mobile))).exists())
                .andExpect(jsonPath("$.phones[?(@ == '%s')]".formatted(TestNumbers.e164(landline))).exists());
    }

    @Test
    void findsCustomerByPhoneInAnyWrittenForm() throws Exception {
        String mobile = TestNumbers.mobile();          // 139xxxxxxxx
        String landline = TestNumbers.landline();      // 0795-xxxxxxxx
        long id = createCustomer("Lookup Co", mobile, landline);
        String digits = mobile.substring(3);
        String local = landline.substring(5);
        for (String written : new String[]{mobile, "+86 139 " + digits.substring(0, 4) + " " + digits.substring(4),
                "+86-139-" + digits.substring(0, 4) + "-" + digits.substring(4), "0086 " + mobile, landline,
                "+86 795 " + local.substring(0, 4) + " " + local.substring(4), "0795" + local}) {
            mvc.perform(get("/api/customers/lookup").param("phone", written))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(id));
        }
    }

    @Test
    void aChangeShowsInTheNextScreenPopAtOnce() throws Exception {
        String mobile = TestNumbers.mobile();
        String nobodys = TestNumbers.mobile();
        mvc.perform(get("/api/customers/lookup").param("phone", nobodys)).andExpect(status().isNotFound());
        long id = createCustomer("Before Rename", mobile);
        mvc.perform(get("/api/customers/lookup").param("phone", mobile)).andExpect(jsonPath("$.name").value("Before Rename"));

        putJson("/api/customers/" + id, customerJson("After Rename", nobodys)).andExpect(status().isOk());
        postJson("/api/customers/" + id + "/products", productJson(TestNumbers.serial(), LocalDate.now(), "DIRECT"))
                .andExpect(status().isCreated());

        // the number given up is nobody's now, the new one (a moment ago unknown) is this customer's
        mvc.perform(get("/api/customers/lookup").param("phone", mobile)).andExpect(status().isNotFound());
        mvc.perform(get("/api/customers/lookup").param("phone", nobodys))
                .andExpect(jsonPath("$.name").value("After Rename"))
                .andExpect(jsonPath("$.products", hasSize(1)));
    }

    @Test
    void lookupShowsProductsWithTheirWarrantyStatus() throws Exception {
        String mobile = TestNumbers.mobile();
        long id = createCustomer("Screen Pop Ltd", mobile);
        LocalDate today = LocalDate.now();
        String fresh = TestNumbers.serial();
        String old = TestNumbers.serial();
        String dealerOld = TestNumbers.serial();
        String undated = TestNumbers.serial();
        postJson("/api/customers/" + id + "/products", productJson(fresh, today.minusMonths(12), "DIRECT"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warranty.inWarranty").value(true))
                .andExpect(jsonPath("$.warranty.until").value(today.toString()));
        postJson("/api/customers/" + id + "/products", productJson(old, today.minusMonths(13), "DIRECT"))
                .andExpect(status().isCreated());
        postJson("/api/customers/" + id + "/products", productJson(dealerOld, today.minusMonths(13), "DEALER"))
                .andExpect(status().isCreated());
        postJson("/api/customers/" + id + "/products", productJson(undated, null, "DEALER"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/customers/lookup").param("phone", "+86 " + mobile))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.products", hasSize(4)))
                .andExpect(jsonPath("$.products[0].serialNumber").value(fresh))
                .andExpect(jsonPath("$.products[0].quantity").value(2))
                .andExpect(jsonPath("$.products[0].warranty.inWarranty").value(true))
                .andExpect(jsonPath("$.products[1].warranty.inWarranty").value(false))
                .andExpect(jsonPath("$.products[1].warranty.basis").value("PERIOD_EXPIRED"))
                .andExpect(jsonPath("$.products[2].warranty.inWarranty").value(true))
                .andExpect(jsonPath("$.products[2].warranty.until").value(today.minusMonths(13).plusMonths(16).toString()))
                .andExpect(jsonPath("$.products[3].warranty.inWarranty").value(false))
                .andExpect(jsonPath("$.products[3].warranty.basis").value("NO_PROVEN_DATE"));
        mvc.perform(get("/api/customers/" + id + "/products"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)));
    }

    @Test
    void refusesInvalidPhoneAndStoresNothing() throws Exception {
        String name = "Invalid Phone " + TestNumbers.serial();
        problem(postJson("/api/customers", customerJson(name, TestNumbers.mobile(), "not-a-phone")), 400, "invalid-input")
                .andExpect(jsonPath("$.errors['phones[1]']").exists());
        mvc.perform(get("/api/customers").param("name", name))
                .andExpect(jsonPath("$.totalItems").value(0));
        problem(mvc.perform(get("/api/customers/lookup").param("phone", "abc")), 400, "invalid-input");
    }

    @Test
    void refusesPhoneNumberOfAnotherCustomer() throws Exception {
        String shared = TestNumbers.mobile();
        long first = createCustomer("First Owner", shared);
        String name = "Second Owner " + TestNumbers.serial();
        problem(postJson("/api/customers", customerJson(name, TestNumbers.mobile(), "0086" + shared)), 409, "duplicate-phone");
        mvc.perform(get("/api/customers").param("name", name)).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/customers/lookup").param("phone", shared)).andExpect(jsonPath("$.id").value(first));
    }

    @Test
    void refusesMissingFieldsUnknownFieldsAndBadEmail() throws Exception {
        problem(postJson("/api/customers", "{\"phones\":[\"" + TestNumbers.mobile() + "\"]}"), 400, "validation")
                .andExpect(jsonPath("$.errors.name").exists());
        problem(postJson("/api/customers", "{\"name\":\"X\",\"phones\":[]}"), 400, "validation")
                .andExpect(jsonPath("$.errors.phones").exists());
        mvc.perform(post("/api/customers").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"phones\":[\"" + TestNumbers.mobile() + "\"],\"colour\":\"red\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        problem(postJson("/api/customers", "{\"name\":\"X\",\"phones\":[\"" + TestNumbers.mobile()
                + "\"],\"email\":\"no-at-sign\"}"), 400, "validation").andExpect(jsonPath("$.errors.email").exists());
        mvc.perform(post("/api/customers").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"phones\":[\"" + TestNumbers.mobile() + "\"],\"tier\":\"GOLD\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void updatesCustomerAndReplacesItsNumbers() throws Exception {
        String oldNumber = TestNumbers.mobile();
        String newNumber = TestNumbers.mobile();
        long id = createCustomer("Before", oldNumber);
        putJson("/api/customers/" + id, customerJson("After", newNumber))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("After"))
                .andExpect(jsonPath("$.phones", hasSize(1)));
        mvc.perform(get("/api/customers/lookup").param("phone", newNumber)).andExpect(jsonPath("$.id").value(id));
        problem(mvc.perform(get("/api/customers/lookup").param("phone", oldNumber)), 404, "not-found");
        mvc.perform(get("/api/customers/" + id)).andExpect(jsonPath("$.name").value("After"));
    }

    @Test
    void refusesDuplicateSerialAndKeepsTheFirstProduct() throws Exception {
        long a = createCustomer("Serial A", TestNumbers.mobile());
        long b = createCustomer("Serial B", TestNumbers.mobile());
        String serial = TestNumbers.serial();
        postJson("/api/customers/" + a + "/products", productJson(serial, LocalDate.now().minusDays(3), "DIRECT"))
                .andExpect(status().isCreated());
        problem(postJson("/api/customers/" + b + "/products", productJson(serial.toLowerCase(), LocalDate.now(), "DEALER")),
                409, "duplicate-serial");
        problem(postJson("/api/customers/" + a + "/products", productJson(" " + serial, LocalDate.now(), "DEALER")),
                409, "duplicate-serial");
        mvc.perform(get("/api/customers/" + b + "/products")).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/customers/" + a + "/products")).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].salesChannel").value("DIRECT"));
    }

    @Test
    void refusesFutureShipDateAndBadQuantity() throws Exception {
        long id = createCustomer("Future", TestNumbers.mobile());
        problem(postJson("/api/customers/" + id + "/products",
                productJson(TestNumbers.serial(), LocalDate.now().plusDays(2), "DIRECT")), 400, "validation")
                .andExpect(jsonPath("$.errors.shipDate").exists());
        problem(postJson("/api/customers/" + id + "/products", """
                {"model":"M","serialNumber":"%s","salesChannel":"DIRECT","quantity":0}""".formatted(TestNumbers.serial())),
                400, "validation").andExpect(jsonPath("$.errors.quantity").exists());
        postJson("/api/customers/" + id + "/products", """
                {"model":"M","serialNumber":"%s","salesChannel":"DIRECT","shipDate":"2025-13-45"}""".formatted(TestNumbers.serial()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/customers/" + id + "/products")).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void unknownCustomerIsNotFound() throws Exception {
        problem(mvc.perform(get("/api/customers/999999999")), 404, "not-found");
        problem(mvc.perform(get("/api/customers/999999999/products")), 404, "not-found");
        problem(postJson("/api/customers/999999999/products", productJson(TestNumbers.serial(), null, "DIRECT")), 404, "not-found");
        problem(putJson("/api/customers/999999999", customerJson("Nobody", TestNumbers.mobile())), 404, "not-found");
        problem(mvc.perform(get("/api/customers/lookup").param("phone", TestNumbers.mobile())), 404, "not-found");
        mvc.perform(get("/api/customers/abc")).andExpect(status().isBadRequest());
    }

    @Test
    void listsCustomersByNameWithPaginationAndByPhone() throws Exception {
        String tag = "Paging" + TestNumbers.serial();
        String phone = TestNumbers.mobile();
        long first = createCustomer(tag + " A", phone);
        createCustomer(tag + " B", TestNumbers.mobile());
        createCustomer(tag + " C", TestNumbers.mobile());
        mvc.perform(get("/api/customers").param("name", tag.toLowerCase()).param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].name").value(tag + " A"))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/customers").param("name", tag).param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].name").value(tag + " C"));
        mvc.perform(get("/api/customers").param("phone", "+86 " + phone))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(first));
        mvc.perform(get("/api/customers").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void supervisorReadsButMayNotWrite() throws Exception {
        mvc.perform(get("/api/customers")).andExpect(status().isOk());
        problem(postJson("/api/customers", customerJson("Supervised", TestNumbers.mobile())), 403, "forbidden");
    }

    @Test
    void anonymousCallerIsUnauthorized() throws Exception {
        mvc.perform(get("/api/customers/lookup").param("phone", "13800138000").with(anonymous()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void checksWarrantyBySerialNumber() throws Exception {
        long id = createCustomer("Warranty Check", TestNumbers.mobile());
        String serial = TestNumbers.serial();
        postJson("/api/customers/" + id + "/products", productJson(serial, LocalDate.parse("2025-01-31"), "DIRECT"))
                .andExpect(status().isCreated());
        postJson("/api/warranty/check", """
                {"serialNumber":"%s","on":"2026-01-31","facts":{"ourQualityFault":true,"customerProcessedPart":true}}"""
                .formatted(serial))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(id))
                .andExpect(jsonPath("$.inWarranty").value(true))
                .andExpect(jsonPath("$.until").value("2026-01-31"))
                .andExpect(jsonPath("$.charge").value("MATERIAL"));
        postJson("/api/warranty/check", """
                {"serialNumber":"%s","on":"2026-02-01","facts":{"ourQualityFault":true,"specificationNotMet":true}}"""
                .formatted(serial))
                .andExpect(jsonPath("$.inWarranty").value(false))
                .andExpect(jsonPath("$.basis").value("PERIOD_EXPIRED"))
                .andExpect(jsonPath("$.charge").value("MATERIAL_AND_LABOUR"))
                .andExpect(jsonPath("$.returnDecision.allowed").value(false))
                .andExpect(jsonPath("$.returnDecision.reasons[0].code").value("OUT_OF_WARRANTY"))
                .andExpect(jsonPath("$.returnDecision.reasons[0].rule").value("001 §6.1"));
    }

    @Test
    void checksWarrantyByShipDateAndChannel() throws Exception {
        postJson("/api/warranty/check", """
                {"shipDate":"2024-10-31","salesChannel":"DEALER","on":"2026-02-28",
                 "facts":{"ourQualityFault":true,"intact":true,"factoryConsent":true}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inWarranty").value(true))
                .andExpect(jsonPath("$.until").value("2026-02-28"))
                .andExpect(jsonPath("$.charge").value("FREE"))
                .andExpect(jsonPath("$.returnDecision.allowed").value(true))
                .andExpect(jsonPath("$.returnDecision.reasons[0].code").value("INTACT_IN_WARRANTY_WITH_CONSENT"));
        postJson("/api/warranty/check", "{\"salesChannel\":\"DIRECT\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inWarranty").value(false))
                .andExpect(jsonPath("$.basis").value("NO_PROVEN_DATE"));
    }

    @Test
    void warrantyCheckRefusesBadQueries() throws Exception {
        problem(postJson("/api/warranty/check", "{\"shipDate\":\"2025-01-01\"}"), 400, "invalid-input")
                .andExpect(jsonPath("$.errors.salesChannel").exists());
        problem(postJson("/api/warranty/check", "{\"shipDate\":\"" + LocalDate.now().plusDays(1)
                + "\",\"salesChannel\":\"DIRECT\"}"), 400, "validation");
        problem(postJson("/api/warranty/check", "{\"serialNumber\":\"NO-SUCH-" + TestNumbers.serial() + "\"}"), 404, "not-found");
        problem(postJson("/api/warranty/check", "{\"serialNumber\":\"X\",\"salesChannel\":\"DIRECT\"}"), 400, "invalid-input");
        mvc.perform(post("/api/warranty/check").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"salesChannel\":\"DIRECT\",\"facts\":{\"guilty\":true}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("\"status\":400")));
    }
}
