package dev.hotline.shared;

/** A caller number that belongs to a customer in the archive. */
public record KnownCaller(long customerId, String name, CustomerTier tier) {
}
