package dev.hotline.customer;

import dev.hotline.shared.CustomerTier;

import java.util.List;

/** One line of a customer list. */
record CustomerSummary(long id, String name, String contactPerson, List<String> phones, CustomerTier tier) {

    static CustomerSummary of(Customer c) {
        return new CustomerSummary(c.id(), c.name(), c.contactPerson(), c.phones(), c.tier());
    }
}
