package dev.hotline.customer;

import dev.hotline.shared.CallerIdentification;
import dev.hotline.shared.KnownCaller;
import dev.hotline.shared.PhoneNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Resolves a caller at every call arrival with one indexed query on customer_phone.e164. */
@Component
class ArchiveCallerIdentification implements CallerIdentification {

    private final CustomerRepository customers;

    ArchiveCallerIdentification(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<KnownCaller> identify(PhoneNumber number) {
        return customers.identify(number.e164());
    }
}
