package dev.hotline.ticket;

/** MAJOR is a major complaint (重大投诉) or a special case with the short deadline. */
public enum Severity {
    MINOR, MAJOR
}
