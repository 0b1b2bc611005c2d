package dev.hotline.ticket;

/** Whether the product is under warranty (seed 001 §8); decided by the agent until the customer archive decides it. */
public enum WarrantyDecision {
    IN_WARRANTY, OUT_OF_WARRANTY
}
