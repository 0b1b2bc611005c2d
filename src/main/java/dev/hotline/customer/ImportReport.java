package dev.hotline.customer;

import java.util.List;

/**
 * The outcome of a CSV import. A row is imported when its customer (and product, if any) was created or updated;
 * rejected rows changed nothing and carry their line number in the file (the header is line 1). {@code rejected}
 * lists the first {@value ImportTally#REJECTED_LISTED} of the {@code rowsRejected}.
 */
record ImportReport(int rowsRead, int rowsImported, int rowsRejected, int customersCreated, int customersUpdated,
                    int productsCreated, int productsUpdated, List<RejectedRow> rejected) {

    record RejectedRow(long line, String reason) {
    }
}
