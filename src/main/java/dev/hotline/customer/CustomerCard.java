package dev.hotline.customer;

import dev.hotline.shared.CustomerTier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an agent sees when a known customer calls (screen pop): the customer, every number (E.164), and each product
 * with its warranty status today.
 */
public record CustomerCard(long id, String name, String contactPerson, List<String> phones, String address,
                           String email, CustomerTier tier, String notes, List<OwnedProduct> products,
                           Instant createdAt, Instant updatedAt) {

    public CustomerCard {
        phones = List.copyOf(phones);
        products = List.copyOf(products);
    }

    /** A product the customer owns, with its warranty status on the day the card was made. */
    public record OwnedProduct(long id, String model, String serialNumber, LocalDate shipDate, LocalDate purchaseDate,
                               SalesChannel salesChannel, int quantity, WarrantyStatus warranty) {
    }
}
