package dev.hotline.customer;

import java.util.ArrayList;
import java.util.List;

/** Counts of an import as it goes; the rejected rows are listed up to a limit (a migration may reject thousands). */
final class ImportTally {

    static final int REJECTED_LISTED = 1000;

    enum Outcome { CREATED, UPDATED, NONE }

    record Stored(Outcome customer, Outcome product) {
    }

    private int rowsRead, rowsImported, rowsRejected, customersCreated, customersUpdated, productsCreated, productsUpdated;
    private final List<ImportReport.RejectedRow> rejected = new ArrayList<>();

    void imported(Stored stored) {
        rowsRead++;
        rowsImported++;
        customersCreated += stored.customer() == Outcome.CREATED ? 1 : 0;
        customersUpdated += stored.customer() == Outcome.UPDATED ? 1 : 0;
        productsCreated += stored.product() == Outcome.CREATED ? 1 : 0;
        productsUpdated += stored.product() == Outcome.UPDATED ? 1 : 0;
    }

    void rejected(long line, String reason) {
        rowsRead++;
        rowsRejected++;
        if (rejected.size() < REJECTED_LISTED) {
            rejected.add(new ImportReport.RejectedRow(line, reason));
        }
    }

    int rowsRead() {
        return rowsRead;
    }

    int rowsRejected() {
        return rowsRejected;
    }

    ImportReport report() {
        return new ImportReport(rowsRead, rowsImported, rowsRejected, customersCreated, customersUpdated,
                productsCreated, productsUpdated, List.copyOf(rejected));
    }
}
