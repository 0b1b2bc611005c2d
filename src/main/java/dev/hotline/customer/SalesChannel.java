package dev.hotline.customer;

/** How a product reached the customer: sold by us directly, or through an office or dealer (办事处/代理商). */
public enum SalesChannel {
    DIRECT, DEALER
}
