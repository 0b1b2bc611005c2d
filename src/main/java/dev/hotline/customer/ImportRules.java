package dev.hotline.customer;

import dev.hotline.shared.DomainException;
import dev.hotline.shared.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/** What an import row must satisfy before anything is stored: the same rules as the archive's own forms. */
@Component
class ImportRules {

    record CheckedCustomer(CustomerData data, Set<String> e164s) {
    }

    /** A row after its checks: the customer's failure stops the row; the product's counts only if nothing else did. */
    record Checked(ImportRow row, CheckedCustomer customer, ProductData product, DomainException failure,
                   DomainException productFailure) {
    }

    private final CustomerArchive archive;
    private final Validator validator;

    ImportRules(CustomerArchive archive, Validator validator) {
        this.archive = archive;
        this.validator = validator;
    }

    Checked check(ImportRow row) {
        CheckedCustomer customer;
        try {
            customer = customer(row);
        } catch (DomainException e) {
            return new Checked(row, null, null, e, null);
        }
        try {
            return new Checked(row, customer, product(row), null, null);
        } catch (DomainException e) {
            return new Checked(row, customer, null, null, e);
        }
    }

    CheckedCustomer customer(ImportRow row) {
        row.requireAllColumns();
        CustomerData data = row.customer();
        validate(data);
        return new CheckedCustomer(data, archive.normalise(data.phones()));
    }

    /** The row's product, or null when the row names none. */
    ProductData product(ImportRow row) {
        if (!row.hasProduct()) {
            return null;
        }
        ProductData data = row.product();
        validate(data);
        archive.refuseFutureDates(data);
        return data;
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
