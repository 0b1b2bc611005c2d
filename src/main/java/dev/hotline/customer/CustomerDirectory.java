package dev.hotline.customer;

import dev.hotline.shared.PhoneNumber;

import java.time.LocalDate;
import java.util.Optional;

/** The customer archive as other modules see it. Other modules keep customer ids only, never the archive's rows. */
public interface CustomerDirectory {

    Optional<CustomerCard> find(long customerId);

    /** The customer owning this number, with products and warranty status: the agent's screen pop. */
    Optional<CustomerCard> lookup(PhoneNumber number);

    /** Units the products of the archive shipped from {@code from} up to (not including) {@code to}: the base of the complaint rate (004 §6.0 4.5). */
    long productsShipped(LocalDate from, LocalDate to);
}
