package dev.hotline.customer;

import java.time.LocalDate;

/**
 * Whether a product is in warranty on a given day.
 *
 * @param inWarranty true while the day is on or before {@code until}
 * @param until      the last day in warranty (inclusive); null when the ship date is not proven
 * @param basis      why: within the period, period expired, or no proven ship date (001 §8)
 */
public record WarrantyStatus(boolean inWarranty, LocalDate until, Basis basis) {

    public enum Basis {
        WITHIN_PERIOD, PERIOD_EXPIRED, NO_PROVEN_DATE
    }
}
