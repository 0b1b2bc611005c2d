package dev.hotline.customer;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.DomainException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One batch of import rows resolved in memory against what the archive already holds (the owners of the batch's
 * numbers, the products with its serial numbers), row after row exactly as the one-row-at-a-time import would: a
 * customer is matched by any of its numbers, a product by its serial number; a rejected row changes nothing.
 */
final class ImportPlan {

    /** A customer the batch creates or changes; {@code id} is null until a created one is inserted. */
    static final class Owner {
        private Long id;
        private final boolean created;
        private final long line;
        private CustomerData data;
        private final List<String> newPhones = new ArrayList<>();

        private Owner(Long id, boolean created, long line) {
            this.id = id;
            this.created = created;
            this.line = line;
        }

        Long id() {
            return id;
        }

        CustomerData data() {
            return data;
        }

        void assign(long id) {
            this.id = id;
        }

        private String describe() {
            return id != null ? id.toString() : "of line " + line;
        }
    }

    /** A product the batch creates or changes. */
    static final class PlannedProduct {
        private final Long storedId;
        private final Owner owner;
        private ProductData data;

        private PlannedProduct(Long storedId, Owner owner) {
            this.storedId = storedId;
            this.owner = owner;
        }

        Long storedId() {
            return storedId;
        }

        Owner owner() {
            return owner;
        }

        ProductData data() {
            return data;
        }
    }

    record Result(ImportRow row, ImportTally.Stored stored, String rejection) {
    }

    private final Map<Long, Owner> stored = new HashMap<>();
    private final Map<String, Owner> byPhone = new HashMap<>();
    private final Map<String, PlannedProduct> bySerial = new HashMap<>();
    private final Set<Owner> created = new LinkedHashSet<>();
    private final Set<Owner> changed = new LinkedHashSet<>();
    private final Set<PlannedProduct> products = new LinkedHashSet<>();
    private final List<Result> results = new ArrayList<>();

    ImportPlan(Map<String, Long> phoneOwners, List<ArchiveBulkWriter.StoredProduct> storedProducts) {
        phoneOwners.forEach((e164, id) -> byPhone.put(e164, owner(id)));
        storedProducts.forEach(p -> bySerial.put(key(p.serialNumber()), new PlannedProduct(p.id(), owner(p.customerId()))));
    }

    private Owner owner(long id) {
        return stored.computeIfAbsent(id, i -> new Owner(i, false, 0));
    }

    /** Serial numbers compare case-insensitively, as the unique index (utf8mb4_unicode_ci) does. */
    static String key(String serialNumber) {
        return serialNumber.strip().toLowerCase(Locale.ROOT);
    }

    void add(ImportRules.Checked row) {
        try {
            results.add(new Result(row.row(), plan(row), null));
        } catch (DomainException e) {
            results.add(new Result(row.row(), null, e.getMessage()));
        }
    }

    private ImportTally.Stored plan(ImportRules.Checked checked) {
        if (checked.failure() != null) {
            throw checked.failure();
        }
        var customer = checked.customer();
        Set<Owner> owners = new LinkedHashSet<>();
        customer.e164s().forEach(e -> {
            if (byPhone.containsKey(e)) {
                owners.add(byPhone.get(e));
            }
        });
        if (owners.size() > 1) {
            throw new ConflictException("ambiguous-customer", "its phone numbers belong to different customers "
                    + owners.stream().map(Owner::describe).toList());
        }
        Owner owner = owners.isEmpty() ? null : owners.iterator().next();
        if (checked.productFailure() != null) {
            throw checked.productFailure();
        }
        ProductData product = checked.product();
        PlannedProduct known = product == null ? null : bySerial.get(key(product.serialNumber()));
        if (known != null && known.owner != owner) {
            throw new ConflictException("duplicate-serial", "serial number '" + product.serialNumber()
                    + "' belongs to customer " + known.owner.describe());
        }
        // checked: from here on the row is stored
        ImportTally.Outcome customerOutcome = owner == null ? ImportTally.Outcome.CREATED : ImportTally.Outcome.UPDATED;
        if (owner == null) {
            owner = new Owner(null, true, checked.row().line());
            created.add(owner);
        } else if (!owner.created) {
            changed.add(owner);
        }
        owner.data = customer.data();
        for (String e164 : customer.e164s()) {
            if (byPhone.putIfAbsent(e164, owner) == null) {
                owner.newPhones.add(e164);
            }
        }
        if (product == null) {
            return new ImportTally.Stored(customerOutcome, ImportTally.Outcome.NONE);
        }
        PlannedProduct planned = known != null ? known : new PlannedProduct(null, owner);
        bySerial.putIfAbsent(key(product.serialNumber()), planned);
        planned.data = product;
        products.add(planned);
        return new ImportTally.Stored(customerOutcome,
                known == null ? ImportTally.Outcome.CREATED : ImportTally.Outcome.UPDATED);
    }

    List<Owner> created() {
        return List.copyOf(created);
    }

    List<Owner> changed() {
        return List.copyOf(changed);
    }

    /** (customer id, e164) of every number the batch adds; call after the created customers got their ids. */
    List<Map.Entry<Long, String>> newPhones() {
        var phones = new ArrayList<Map.Entry<Long, String>>();
        for (Owner o : created) {
            o.newPhones.forEach(e -> phones.add(Map.entry(o.id, e)));
        }
        for (Owner o : changed) {
            o.newPhones.forEach(e -> phones.add(Map.entry(o.id, e)));
        }
        return phones;
    }

    List<PlannedProduct> createdProducts() {
        return products.stream().filter(p -> p.storedId == null).toList();
    }

    List<PlannedProduct> changedProducts() {
        return products.stream().filter(p -> p.storedId != null).toList();
    }

    List<Result> results() {
        return results;
    }
}
