package dev.hotline.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The CSV import ({@code hotline.customer-import.*}).
 *
 * @param batchSize rows stored per transaction (multi-row INSERTs); bigger batches load faster and hold locks longer
 */
@ConfigurationProperties("hotline.customer-import")
record CustomerImportProperties(Integer batchSize) {

    CustomerImportProperties {
        batchSize = batchSize == null ? 2000 : batchSize;
        if (batchSize < 1) {
            throw new IllegalArgumentException("hotline.customer-import.batch-size must be at least 1: " + batchSize);
        }
    }
}
