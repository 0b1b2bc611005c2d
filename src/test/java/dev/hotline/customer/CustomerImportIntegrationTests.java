package dev.hotline.customer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "admin", roles = "ADMIN")
class CustomerImportIntegrationTests {

    private static final String HEADER = "name,contact_person,phones,address,email,tier,notes,model,serial_number,"
            + "ship_date,purchase_date,sales_channel,quantity\n";

    @Autowired
    MockMvc mvc;

    private ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(post("/api/customers/import").with(csrf())
                .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void importsChineseCustomersWithProductsAndIsIdempotent() throws Exception {
        String mobile = TestNumbers.mobile();
        String landline = TestNumbers.landline();
        String s1 = TestNumbers.serial();
        String s2 = TestNumbers.serial();
        String csv = HEADER
                + "博山微电机用户,张经理,%s;%s,山东省淄博市,zhang@example.cn,KEY,\"重要, 老客户\",YS-7124,%s,2025-01-31,2025-02-10,DEALER,3\n"
                .formatted(mobile, landline, s1)
                + "博山微电机用户,张经理,+86 %s,山东省淄博市,zhang@example.cn,重要客户,,Y2-90L,%s,2024-02-29,,办事处,\n"
                .formatted(mobile, s2);
        importCsv(csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsRead").value(2))
                .andExpect(jsonPath("$.rowsImported").value(2))
                .andExpect(jsonPath("$.customersCreated").value(1))
                .andExpect(jsonPath("$.customersUpdated").value(1))
                .andExpect(jsonPath("$.productsCreated").value(2))
                .andExpect(jsonPath("$.rejected", hasSize(0)));
        importCsv(csv)
                .andExpect(jsonPath("$.rowsImported").value(2))
                .andExpect(jsonPath("$.customersCreated").value(0))
                .andExpect(jsonPath("$.productsCreated").value(0))
                .andExpect(jsonPath("$.productsUpdated").value(2));

        mvc.perform(get("/api/customers/lookup").param("phone", landline))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("博山微电机用户"))
                .andExpect(jsonPath("$.contactPerson").value("张经理"))
                .andExpect(jsonPath("$.tier").value("KEY"))
                .andExpect(jsonPath("$.phones", hasSize(2)))
                .andExpect(jsonPath("$.products", hasSize(2)))
                .andExpect(jsonPath("$.products[0].serialNumber").value(s1))
                .andExpect(jsonPath("$.products[0].quantity").value(3))
                .andExpect(jsonPath("$.products[0].warranty.until").value("2026-05-31"))
                .andExpect(jsonPath("$.products[1].salesChannel").value("DEALER"))
                .andExpect(jsonPath("$.products[1].quantity").value(1));
        mvc.perform(get("/api/customers").param("phone", mobile)).andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void reportsRejectedRowsWithLineNumbersAndImportsTheRest() throws Exception {
        String good = TestNumbers.mobile();
        String other = TestNumbers.mobile();
        String serial = TestNumbers.serial();
        String csv = HEADER
                + "Good Co,,%s,,,,,M1,%s,2025-03-01,,DIRECT,1\n".formatted(good, serial)
                + "Bad Phone,,not-a-phone,,,,,,,,,,\n"
                + "\"Multi\nLine Name\",,%s,,,,,M1,%s,2025-03-01,,DIRECT,1\n".formatted(other, serial)
                + "Future,,%s,,,,,M1,%s,2999-01-01,,DIRECT,1\n".formatted(TestNumbers.mobile(), TestNumbers.serial())
                + "No Phone,,,,,,,,,,,,\n"
                + "Bad Tier,,%s,,,GOLD,,,,,,,\n".formatted(TestNumbers.mobile())
                + "Bad Date,,%s,,,,,M1,%s,31.01.2025,,DIRECT,1\n".formatted(TestNumbers.mobile(), TestNumbers.serial())
                + "Short Row,%s\n".formatted(TestNumbers.mobile());
        importCsv(csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsRead").value(8))
                .andExpect(jsonPath("$.rowsImported").value(1))
                .andExpect(jsonPath("$.rejected", hasSize(7)))
                .andExpect(jsonPath("$.rejected[0].line").value(3))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("not-a-phone")))
                .andExpect(jsonPath("$.rejected[1].line").value(4))
                .andExpect(jsonPath("$.rejected[1].reason", containsString(serial)))
                .andExpect(jsonPath("$.rejected[2].line").value(6))
                .andExpect(jsonPath("$.rejected[2].reason", containsString("shipDate")))
                .andExpect(jsonPath("$.rejected[3].line").value(7))
                .andExpect(jsonPath("$.rejected[4].line").value(8))
                .andExpect(jsonPath("$.rejected[5].line").value(9))
                .andExpect(jsonPath("$.rejected[6].line").value(10));
        // the rejected row changed nothing: no customer for its number, the serial stays with the first customer
        mvc.perform(get("/api/customers/lookup").param("phone", other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/customers/lookup").param("phone", good))
                .andExpect(jsonPath("$.products", hasSize(1)));
    }

    @Test
    void resolvesRowsOfOneFileAgainstEachOtherAsWellAsTheArchive() throws Exception {
        String stored = TestNumbers.mobile();
        String storedSerial = TestNumbers.serial();
        importCsv(HEADER + "Stored Co,,%s,,,,,M1,%s,2025-03-01,,DIRECT,1\n".formatted(stored, storedSerial))
                .andExpect(jsonPath("$.customersCreated").value(1));
        String a = TestNumbers.mobile();
        String b = TestNumbers.mobile();
        String serial = TestNumbers.serial();
        String csv = HEADER
                + "New Co,,%s,,,,,M1,%s,2025-03-01,,DIRECT,1\n".formatted(a, serial)
                // same customer by its number: a second number and the same product (updated)
                + "New Co Ltd,,%s;%s,,,,,M2,%s,2025-03-02,,DEALER,2\n".formatted(a, b, serial.toLowerCase())
                // numbers of this file's new customer and of a stored one: ambiguous
                + "Mixed,,%s;%s,,,,,,,,,,\n".formatted(b, stored)
                // the stored customer's serial for this file's new customer: refused
                + "New Co Ltd,,%s,,,,,M1,%s,2025-03-01,,DIRECT,1\n".formatted(b, storedSerial)
                // this file's new product for the stored customer: refused
                + "Stored Co,,%s,,,,,M1,%s,2025-03-01,,DIRECT,1\n".formatted(stored, serial);
        importCsv(csv)
                .andExpect(jsonPath("$.rowsRead").value(5))
                .andExpect(jsonPath("$.rowsImported").value(2))
                .andExpect(jsonPath("$.rowsRejected").value(3))
                .andExpect(jsonPath("$.customersCreated").value(1))
                .andExpect(jsonPath("$.customersUpdated").value(1))
                .andExpect(jsonPath("$.productsCreated").value(1))
                .andExpect(jsonPath("$.productsUpdated").value(1))
                .andExpect(jsonPath("$.rejected[0].line").value(4))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("different customers")))
                .andExpect(jsonPath("$.rejected[1].line").value(5))
                .andExpect(jsonPath("$.rejected[1].reason", containsString(storedSerial)))
                .andExpect(jsonPath("$.rejected[2].line").value(6))
                .andExpect(jsonPath("$.rejected[2].reason", containsString("line 2")));
        mvc.perform(get("/api/customers/lookup").param("phone", b))
                .andExpect(jsonPath("$.name").value("New Co Ltd"))
                .andExpect(jsonPath("$.phones", hasSize(2)))
                .andExpect(jsonPath("$.products", hasSize(1)))
                .andExpect(jsonPath("$.products[0].model").value("M2"))
                .andExpect(jsonPath("$.products[0].quantity").value(2));
        mvc.perform(get("/api/customers/lookup").param("phone", stored))
                .andExpect(jsonPath("$.name").value("Stored Co"))
                .andExpect(jsonPath("$.products", hasSize(1)));
    }

    /** ß and SS are equal for the unique index (utf8mb4_unicode_ci) but not in memory: the batch is redone row by row. */
    @Test
    void aBatchThatHitsAUniqueKeyIsStoredRowByRow() throws Exception {
        String first = TestNumbers.mobile();
        String second = TestNumbers.mobile();
        String serial = TestNumbers.serial();
        importCsv(HEADER
                + "Straße GmbH,,%s,,,,,M1,%sß,2025-03-01,,DIRECT,1\n".formatted(first, serial)
                + "Other GmbH,,%s,,,,,M1,%sSS,2025-03-01,,DIRECT,1\n".formatted(second, serial))
                .andExpect(jsonPath("$.rowsImported").value(1))
                .andExpect(jsonPath("$.customersCreated").value(1))
                .andExpect(jsonPath("$.rejected[0].line").value(3))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("belongs to customer")));
        mvc.perform(get("/api/customers/lookup").param("phone", first)).andExpect(jsonPath("$.products", hasSize(1)));
        mvc.perform(get("/api/customers/lookup").param("phone", second)).andExpect(status().isNotFound());
    }

    @Test
    void refusesFileWithoutHeaderAndImportsNothing() throws Exception {
        String mobile = TestNumbers.mobile();
        importCsv("Headless Co,,%s,,,,,M1,%s,2025-03-01,,DIRECT,1\n".formatted(mobile, TestNumbers.serial()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-input"));
        mvc.perform(get("/api/customers/lookup").param("phone", mobile)).andExpect(status().isNotFound());
    }

    @Test
    void refusesWrongColumnsEmptyFilesAndBrokenCsv() throws Exception {
        String mobile = TestNumbers.mobile();
        importCsv("name,phones,colour\nWrong Columns,%s,red\n".formatted(mobile))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("colour")));
        importCsv("").andExpect(status().isBadRequest());
        importCsv(HEADER + "Broken,,%s,,,,,M1,\"unterminated,2025-03-01,,DIRECT,1\n".formatted(mobile))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/customers/import").with(csrf()).contentType("text/csv")
                        .content(new byte[]{(byte) 0xC3, (byte) 0x28, 'a', '\n'}))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/customers/lookup").param("phone", mobile)).andExpect(status().isNotFound());
    }

    @Test
    void acceptsMultipartUploadWithByteOrderMark() throws Exception {
        String mobile = TestNumbers.mobile();
        byte[] csv = ("\uFEFF" + HEADER.toUpperCase() + "上传客户,,%s,,,LONG_TERM,,,,,,,\n".formatted(mobile))
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/customers/import").file(new MockMultipartFile("file", "archive.csv", "text/csv", csv))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customersCreated").value(1))
                .andExpect(jsonPath("$.productsCreated").value(0));
        mvc.perform(get("/api/customers/lookup").param("phone", mobile))
                .andExpect(jsonPath("$.tier").value("LONG_TERM"))
                .andExpect(jsonPath("$.products", hasSize(0)));
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void onlyAdminsImport() throws Exception {
        String mobile = TestNumbers.mobile();
        importCsv(HEADER + "Agent Import,,%s,,,,,,,,,,\n".formatted(mobile)).andExpect(status().isForbidden());
        mvc.perform(get("/api/customers/lookup").param("phone", mobile)).andExpect(status().isNotFound());
    }
}
