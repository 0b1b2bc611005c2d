package dev.hotline.customer;

/** What a repair costs the customer (001 §7). */
public enum Charge {
    /** In warranty and our quality fault (001 §7.1). */
    FREE,
    /** In warranty and our fault, but the part replaced or repaired had been processed by the customer (001 §7.1). */
    MATERIAL,
    /** Not our fault (001 §7.2) or out of warranty (001 §7.3). */
    MATERIAL_AND_LABOUR
}
