package dev.hotline.customer;

import dev.hotline.shared.CallerIdentification;
import dev.hotline.shared.CustomerTier;
import dev.hotline.shared.KnownCaller;
import dev.hotline.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The archive's tables on the real embedded MariaDB: unique keys, the phone index, audit columns. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerRepositoryTests {

    @Autowired
    CustomerRepository customers;

    @Autowired
    ProductRepository products;

    @Autowired
    CallerIdentification callers;

    @Autowired
    CustomerDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    private Customer save(String name, String... e164s) {
        var data = new CustomerData(name, null, List.of(e164s), null, null, CustomerTier.KEY, null);
        return customers.saveAndFlush(new Customer(data, Set.of(e164s), Instant.now(), "test"));
    }

    private static String e164() {
        return TestNumbers.e164(TestNumbers.mobile());
    }

    @Test
    void identifiesCallerByPhoneNumber() {
        String number = e164();
        var customer = save("来电客户", number, e164());
        assertThat(callers.identify(new PhoneNumber(number)))
                .contains(new KnownCaller(customer.id(), "来电客户", CustomerTier.KEY));
        assertThat(callers.identify(new PhoneNumber(e164()))).isEmpty();
    }

    @Test
    void callerLookupUsesTheUniquePhoneIndex() {
        String number = e164();
        save("Indexed", number);
        List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN SELECT c.id, c.name, c.tier FROM customer c "
                + "JOIN customer_phone p ON p.customer_id = c.id WHERE p.e164 = ?", number);
        assertThat(plan).anySatisfy(row -> assertThat(row.get("key")).isEqualTo("uk_customer_phone_e164"));
        assertThat(plan).noneSatisfy(row -> assertThat(row.get("type")).isEqualTo("ALL"));
    }

    @Test
    void phoneNumberBelongsToOneCustomerOnly() {
        String number = e164();
        save("Owner", number);
        assertThatThrownBy(() -> save("Intruder", number)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void serialNumberIsUniqueIgnoringCase() {
        var owner = save("Serial Owner", e164());
        String serial = TestNumbers.serial();
        var data = new ProductData("YS-7124", serial, LocalDate.now(), null, SalesChannel.DIRECT, 1);
        products.saveAndFlush(new Product(owner.id(), data, Instant.now(), "test"));
        var lower = new ProductData("YS-7124", serial.toLowerCase(), LocalDate.now(), null, SalesChannel.DEALER, 1);
        assertThatThrownBy(() -> products.saveAndFlush(new Product(owner.id(), lower, Instant.now(), "test")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(products.findBySerialNumber(serial.toLowerCase())).isPresent();
    }

    @Test
    void storesAuditColumnsAndEnumsAsText() {
        var customer = save("Audited", e164());
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT tier, created_at, updated_at, created_by, updated_by FROM customer WHERE id = ?", customer.id());
        assertThat(row.get("tier")).isEqualTo("KEY");
        assertThat(row.get("created_at")).isNotNull();
        assertThat(row.get("updated_at")).isNotNull();
        assertThat(row.get("created_by")).isEqualTo("test");
    }

    @Test
    void findsCustomersByPartOfNameOrContactPerson() {
        String tag = TestNumbers.serial();
        var data = new CustomerData("Name " + tag, "李" + tag, List.of(), null, null, null, null);
        var customer = customers.saveAndFlush(new Customer(data, Set.of(e164()), Instant.now(), "test"));
        assertThat(customers.findByNameContainingIgnoreCaseOrContactPersonContainingIgnoreCase(
                tag.toLowerCase(), tag.toLowerCase(), PageRequest.of(0, 5)).getContent())
                .extracting(Customer::id).containsExactly(customer.id());
        assertThat(customer.tier()).isEqualTo(CustomerTier.REGULAR);
    }

    @Test
    void directoryCardCarriesProductsWithWarranty() {
        String number = e164();
        var owner = save("Directory", number);
        products.saveAndFlush(new Product(owner.id(), new ProductData("M", TestNumbers.serial(), null, null,
                SalesChannel.DEALER, 1), Instant.now(), "test"));
        var card = directory.lookup(new PhoneNumber(number)).orElseThrow();
        assertThat(card.id()).isEqualTo(owner.id());
        assertThat(card.products()).singleElement()
                .satisfies(p -> assertThat(p.warranty().basis()).isEqualTo(WarrantyStatus.Basis.NO_PROVEN_DATE));
        assertThat(directory.find(owner.id())).contains(card);
        assertThat(directory.find(-1)).isEmpty();
    }
}
