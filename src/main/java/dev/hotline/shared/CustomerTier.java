package dev.hotline.shared;

/** Customer tiers of the archive: key customers (重要客户) jump ahead in queues and are visited every 6 months. */
public enum CustomerTier {
    KEY, LONG_TERM, REGULAR
}
