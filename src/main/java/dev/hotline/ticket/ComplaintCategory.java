package dev.hotline.ticket;

/** Complaint causes of seed 000 §三.1: quality (质量异常), non-quality / human factor (人为因素), other. */
public enum ComplaintCategory {
    QUALITY, NON_QUALITY, OTHER
}
