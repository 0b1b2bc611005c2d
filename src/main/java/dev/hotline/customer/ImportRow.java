package dev.hotline.customer;

import dev.hotline.shared.CustomerTier;
import dev.hotline.shared.InvalidInputException;
import org.apache.commons.csv.CSVRecord;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One line of an import file (line = its line number in the file, header = 1), read into the archive's records. */
record ImportRow(long line, CSVRecord record) {

    static final List<String> COLUMNS = List.of("name", "contact_person", "phones", "address", "email", "tier", "notes",
            "model", "serial_number", "ship_date", "purchase_date", "sales_channel", "quantity");

    private static final Map<String, CustomerTier> TIERS = Map.of("重要客户", CustomerTier.KEY, "长期客户",
            CustomerTier.LONG_TERM, "一般客户", CustomerTier.REGULAR);
    private static final Map<String, SalesChannel> CHANNELS = Map.of("直销", SalesChannel.DIRECT,
            "办事处", SalesChannel.DEALER, "代理商", SalesChannel.DEALER, "OFFICE", SalesChannel.DEALER);

    String get(String column) {
        String value = record.get(column);
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            // NUL and other control characters are no part of a name or a number, and break what reads them later
            throw new InvalidInputException(column, column + " contains a control character");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    void requireAllColumns() {
        if (!record.isConsistent()) {
            throw new InvalidInputException("file", "has " + record.size() + " values, the header has " + COLUMNS.size());
        }
    }

    boolean hasProduct() {
        return get("serial_number") != null || get("model") != null;
    }

    CustomerData customer() {
        String phones = get("phones");
        List<String> written = phones == null ? List.of()
                : Arrays.stream(phones.split("[;；]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new CustomerData(get("name"), get("contact_person"), written, get("address"), get("email"),
                tier(get("tier")), get("notes"));
    }

    ProductData product() {
        String quantity = get("quantity");
        try {
            return new ProductData(get("model"), get("serial_number"), date("ship_date"), date("purchase_date"),
                    channel(get("sales_channel")), quantity == null ? null : Integer.valueOf(quantity));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("quantity", "quantity '" + quantity + "' is not a whole number");
        }
    }

    private LocalDate date(String column) {
        String value = get(column);
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
}
