package dev.hotline.customer;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Imports customers and their products from CSV, one row per customer-product; built for migrating an archive of
 * millions of rows. Idempotent: a customer is matched by any of its phone numbers, a product by its serial number, so
 * importing a file twice updates and never duplicates. The whole file is read before anything is stored: a malformed
 * file is refused as a whole. The rows are then stored a batch at a time (one transaction, multi-row INSERTs); a bad
 * row is reported and skipped without touching the others. Should a batch still hit a unique key (a concurrent
 * change, a collation subtlety), that batch is redone one row per transaction.
 */
@Service
class CustomerImport {

    private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private final CustomerRepository customers;
    private final ProductRepository products;
    private final CustomerArchive archive;
    private final CustomerCache cache;
    private final ImportRules rules;
    private final ArchiveBulkWriter writer;
    private final TransactionTemplate transaction;
    private final int batchSize;

    CustomerImport(CustomerRepository customers, ProductRepository products, CustomerArchive archive,
                   CustomerCache cache, ImportRules rules,
                   ArchiveBulkWriter writer, PlatformTransactionManager transactions, CustomerImportProperties properties) {
        this.customers = customers;
        this.products = products;
        this.archive = archive;
        this.cache = cache;
        this.rules = rules;
        this.writer = writer;
        this.transaction = new TransactionTemplate(transactions);
        this.batchSize = properties.batchSize();
    }

    ImportReport importCsv(InputStream upload) throws IOException {
        try (ImportFile file = ImportFile.spool(upload)) {
            int rows = file.check();
            var tally = new ImportTally();
            long start = System.nanoTime();
            long[] lastLog = {start};
            log.info("Customer import: {} rows, batches of {}", rows, batchSize);
            file.forEachBatch(batchSize, batch -> {
                importBatch(batch, tally);
                long now = System.nanoTime();
                if (now - lastLog[0] >= PROGRESS_EVERY_NANOS) {
                    lastLog[0] = now;
                    log.info("Customer import: {}/{} rows done, {} rejected, {} rows/s", tally.rowsRead(), rows,
                            tally.rowsRejected(), Math.round(tally.rowsRead() / ((now - start) / 1e9)));
                }
            });
            var report = tally.report();
            log.info("Customer import done in {} s: {}/{} rows imported, {} rejected; customers {} created, {} updated;"
                            + " products {} created, {} updated", Math.round((System.nanoTime() - start) / 1e9),
                    report.rowsImported(), rows, report.rowsRejected(), report.customersCreated(),
                    report.customersUpdated(), report.productsCreated(), report.productsUpdated());
            return report;
        }
    }

    private void importBatch(List<ImportRow> batch, ImportTally tally) {
        List<ImportPlan.Result> results;
        try {
            results = transaction.execute(status -> store(batch));
        } catch (DataIntegrityViolationException e) {
            log.info("Customer import: batch from line {} hit a unique key ({}); storing it row by row",
                    batch.get(0).line(), e.getMostSpecificCause().getMessage());
            results = batch.stream().map(this::storeOne).toList();
        }
        cache.changedAll();   // numbers may have moved between customers: no card of this node may be older
        for (var r : Objects.requireNonNull(results)) {
            if (r.rejection() == null) {
                tally.imported(r.stored());
            } else {
                tally.rejected(r.row().line(), r.rejection());
            }
        }
    }

    private List<ImportPlan.Result> store(List<ImportRow> batch) {
        var checked = batch.stream().map(rules::check).toList();
        Set<String> e164s = new LinkedHashSet<>();
        Set<String> serials = new LinkedHashSet<>();
        for (var c : checked) {
            if (c.customer() != null) {
                e164s.addAll(c.customer().e164s());
            }
            if (c.product() != null) {
                serials.add(c.product().serialNumber().strip());
            }
        }
        var plan = new ImportPlan(writer.phoneOwners(e164s), writer.products(serials));
        checked.forEach(plan::add);
        var now = archive.now();
        String user = CustomerArchive.currentUser();
        writer.insertCustomers(plan.created(), now, user);
        writer.updateCustomers(plan.changed(), now, user);
        writer.insertPhones(plan.newPhones());
        writer.insertProducts(plan.createdProducts(), now, user);
        writer.updateProducts(plan.changedProducts(), now, user);
        return plan.results();
    }

    private ImportPlan.Result storeOne(ImportRow row) {
        try {
            return new ImportPlan.Result(row, transaction.execute(status -> storeAlone(row)), null);
        } catch (DomainException e) {
            return new ImportPlan.Result(row, null, e.getMessage());
        } catch (DataIntegrityViolationException e) {
            return new ImportPlan.Result(row, null, "conflicts with stored data (a duplicate phone or serial number)");
        }
    }

    /** One row in its own transaction, through the entities (the slow path of a batch that hit a unique key). */
    private ImportTally.Stored storeAlone(ImportRow row) {
        var checked = rules.customer(row);
        List<Long> owners = customers.idsOwningAny(checked.e164s());
        if (owners.size() > 1) {
            throw new ConflictException("ambiguous-customer", "its phone numbers belong to different customers " + owners);
        }
        ProductData data = rules.product(row);
        Customer customer;
        ImportTally.Outcome customerOutcome;
        if (owners.isEmpty()) {
            customer = customers.saveAndFlush(new Customer(checked.data(), checked.e164s(), archive.now(),
                    CustomerArchive.currentUser()));
            customerOutcome = ImportTally.Outcome.CREATED;
        } else {
            customer = customers.findById(owners.get(0)).orElseThrow();
            Set<String> all = new LinkedHashSet<>(customer.phones());
            all.addAll(checked.e164s());
            customer.change(checked.data(), all, archive.now(), CustomerArchive.currentUser());
            customerOutcome = ImportTally.Outcome.UPDATED;
        }
        return new ImportTally.Stored(customerOutcome, data == null ? ImportTally.Outcome.NONE : storeProduct(data, customer));
    }

    private ImportTally.Outcome storeProduct(ProductData data, Customer customer) {
        var existing = products.findBySerialNumber(data.serialNumber());
        if (existing.isPresent() && existing.get().customerId() != customer.id()) {
            throw new ConflictException("duplicate-serial", "serial number '" + data.serialNumber()
                    + "' belongs to customer " + existing.get().customerId());
        }
        if (existing.isPresent()) {
            existing.get().change(data, archive.now(), CustomerArchive.currentUser());
            return ImportTally.Outcome.UPDATED;
        }
        products.saveAndFlush(new Product(customer.id(), data, archive.now(), CustomerArchive.currentUser()));
        return ImportTally.Outcome.CREATED;
    }
}
