package dev.hotline.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Warranty periods of 001 §8, counted from the ship date: {@code hotline.warranty.months-direct} (12) for products we
 * sold directly, {@code hotline.warranty.months-dealer} (16, 一年零四个月) for products sold through an office or dealer.
 */
@ConfigurationProperties("hotline.warranty")
public record WarrantyProperties(Integer monthsDirect, Integer monthsDealer) {

    public static final WarrantyProperties DEFAULTS = new WarrantyProperties(12, 16);

    public WarrantyProperties {
        monthsDirect = monthsDirect == null ? 12 : monthsDirect;
        monthsDealer = monthsDealer == null ? 16 : monthsDealer;
        if (monthsDirect < 0 || monthsDealer < 0) {
            throw new IllegalArgumentException("warranty months must not be negative: direct " + monthsDirect
                    + ", dealer " + monthsDealer);
        }
    }

    public int months(SalesChannel channel) {
        return channel == SalesChannel.DEALER ? monthsDealer : monthsDirect;
    }
}
