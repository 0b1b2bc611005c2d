package dev.hotline.customer;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.CustomerTier;
import dev.hotline.shared.DomainException;
import dev.hotline.shared.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports customers and their products from CSV, one row per customer-product. Idempotent: a customer is matched by
 * any of its phone numbers, a product by its serial number, so importing a file twice updates and never duplicates.
 * The whole file is parsed before anything is stored: a malformed file is refused as a whole; each row is then stored
 * in its own transaction, so a bad row is reported and skipped without touching the others.
 */
@Service
class CustomerImport {

    static final List<String> COLUMNS = List.of("name", "contact_person", "phones", "address", "email", "tier", "notes",
            "model", "serial_number", "ship_date", "purchase_date", "sales_channel", "quantity");

    private static final Map<String, CustomerTier> TIERS = Map.of("重要客户", CustomerTier.KEY, "长期客户",
            CustomerTier.LONG_TERM, "一般客户", CustomerTier.REGULAR);
    private static final Map<String, SalesChannel> CHANNELS = Map.of("直销", SalesChannel.DIRECT,
            "办事处", SalesChannel.DEALER, "代理商", SalesChannel.DEALER, "OFFICE", SalesChannel.DEALER);

    private final CustomerRepository customers;
    private final ProductRepository products;
    private final CustomerArchive archive;
    private final Validator validator;
    private final TransactionTemplate transaction;

    CustomerImport(CustomerRepository customers, ProductRepository products, CustomerArchive archive,
                   Validator validator, PlatformTransactionManager transactions) {
        this.customers = customers;
        this.products = products;
        this.archive = archive;
        this.validator = validator;
        this.transaction = new TransactionTemplate(transactions);
    }

    private enum Outcome { CREATED, UPDATED, NONE }

    private record Row(long line, CSVRecord record) {
        String get(String column) {
            String value = record.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private record Stored(Outcome customer, Outcome product) {
    }

    ImportReport importCsv(byte[] file) {
        List<Row> rows = parse(decode(file));
        int imported = 0, customersCreated = 0, customersUpdated = 0, productsCreated = 0, productsUpdated = 0;
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        for (Row row : rows) {
            try {
                Stored stored = transaction.execute(status -> store(row));
                imported++;
                customersCreated += stored.customer() == Outcome.CREATED ? 1 : 0;
                customersUpdated += stored.customer() == Outcome.UPDATED ? 1 : 0;
                productsCreated += stored.product() == Outcome.CREATED ? 1 : 0;
                productsUpdated += stored.product() == Outcome.UPDATED ? 1 : 0;
            } catch (DomainException e) {
                rejected.add(new ImportReport.RejectedRow(row.line(), e.getMessage()));
            } catch (DataIntegrityViolationException e) {
                rejected.add(new ImportReport.RejectedRow(row.line(), "conflicts with stored data (a duplicate phone or serial number)"));
            }
        }
        return new ImportReport(rows.size(), imported, customersCreated, customersUpdated, productsCreated,
                productsUpdated, rejected);
    }

    /** Strict UTF-8: a file in another encoding would store garbled Chinese names, so it is refused. */
    private static String decode(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "The file is not UTF-8 text");
        }
    }

    private static List<Row> parse(String text) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            checkHeader(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            long linesRead = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                rows.add(new Row(linesRead + 1, record));
                linesRead = parser.getCurrentLineNumber();
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "The file is not valid CSV: " + e.getMessage());
        }
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new InvalidInputException("file", "The file is empty; the first line must be the header " + COLUMNS);
        }
        Set<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        var missing = COLUMNS.stream().filter(c -> !names.contains(c)).toList();
        var unknown = names.stream().filter(n -> !COLUMNS.contains(n)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new InvalidInputException("file", "The header must name the columns " + COLUMNS
                    + " (any order); missing " + missing + ", unknown " + unknown);
        }
    }

    private Stored store(Row row) {
        if (!row.record().isConsistent()) {
            throw new InvalidInputException("file", "has " + row.record().size() + " values, the header has "
                    + COLUMNS.size());
        }
        CustomerData data = customerData(row);
        validate(data);
        Set<String> e164s = archive.normalise(data.phones());
        List<Long> owners = customers.idsOwningAny(e164s);
        if (owners.size() > 1) {
            throw new ConflictException("ambiguous-customer", "its phone numbers belong to different customers " + owners);
        }
        Customer customer;
        Outcome customerOutcome;
        if (owners.isEmpty()) {
            customer = customers.saveAndFlush(new Customer(data, e164s, archive.now(), CustomerArchive.currentUser()));
            customerOutcome = Outcome.CREATED;
        } else {
            customer = customers.findById(owners.get(0)).orElseThrow();
            Set<String> all = new LinkedHashSet<>(customer.phones());
            all.addAll(e164s);
            customer.change(data, all, archive.now(), CustomerArchive.currentUser());
            customerOutcome = Outcome.UPDATED;
        }
        return new Stored(customerOutcome, storeProduct(row, customer));
    }

    private Outcome storeProduct(Row row, Customer customer) {
        if (row.get("serial_number") == null && row.get("model") == null) {
            return Outcome.NONE;
        }
        ProductData data = productData(row);
        validate(data);
        archive.refuseFutureDates(data);
        var existing = products.findBySerialNumber(data.serialNumber());
        if (existing.isPresent() && existing.get().customerId() != customer.id()) {
            throw new ConflictException("duplicate-serial", "serial number '" + data.serialNumber()
                    + "' belongs to customer " + existing.get().customerId());
        }
        if (existing.isPresent()) {
            existing.get().change(data, archive.now(), CustomerArchive.currentUser());
            return Outcome.UPDATED;
        }
        products.saveAndFlush(new Product(customer.id(), data, archive.now(), CustomerArchive.currentUser()));
        return Outcome.CREATED;
    }

    private static CustomerData customerData(Row row) {
        String phones = row.get("phones");
        List<String> written = phones == null ? List.of()
                : Arrays.stream(phones.split("[;；]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new CustomerData(row.get("name"), row.get("contact_person"), written, row.get("address"),
                row.get("email"), tier(row.get("tier")), row.get("notes"));
    }

    private static ProductData productData(Row row) {
        String quantity = row.get("quantity");
        try {
            return new ProductData(row.get("model"), row.get("serial_number"), date(row, "ship_date"),
                    date(row, "purchase_date"), channel(row.get("sales_channel")),
                    quantity == null ? null : Integer.valueOf(quantity));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("quantity", "quantity '" + quantity + "' is not a whole number");
        }
    }

    private static LocalDate date(Row row, String column) {
        String value = row.get(column);
        try {
            return value == null ? null : LocalDate.parse(value.replace('/', '-'));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(column, column + " '" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static CustomerTier tier(String value) {
        if (value == null) {
            return CustomerTier.REGULAR;
        }
        if (TIERS.containsKey(value)) {
            return TIERS.get(value);
        }
        try {
            return CustomerTier.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("tier", "tier '" + value + "' is not one of " + Arrays.toString(CustomerTier.values()));
        }
    }

    /** A missing channel counts as direct sale: the shorter warranty, never more than the regulation grants. */
    private static SalesChannel channel(String value) {
        if (value == null) {
            return SalesChannel.DIRECT;
        }
        String key = value.toUpperCase(Locale.ROOT);
        if (CHANNELS.containsKey(key)) {
            return CHANNELS.get(key);
        }
        try {
            return SalesChannel.valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sales_channel", "sales channel '" + value + "' is not DIRECT or DEALER");
        }
    }

    private <T> void validate(T data) {
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            String reasons = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; "));
            throw new InvalidInputException("row", reasons);
        }
    }
}
