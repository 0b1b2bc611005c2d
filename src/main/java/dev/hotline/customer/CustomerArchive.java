package dev.hotline.customer;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import dev.hotline.shared.KnownCaller;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.PhoneNumber;
import dev.hotline.shared.PhoneNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the customer archive: customers with their numbers and products. Every write checks the unique keys (phone
 * number, serial number) first, so a refused request changes nothing.
 */
@Service
class CustomerArchive implements CustomerDirectory {

    private final CustomerRepository customers;
    private final ProductRepository products;
    private final PhoneNumbers phoneNumbers;
    private final WarrantyRules warranty;
    private final Clock clock;
    private final CustomerCache cache;
    private final TransactionTemplate readOnly;

    CustomerArchive(CustomerRepository customers, ProductRepository products, PhoneNumbers phoneNumbers,
                    WarrantyRules warranty, ObjectProvider<Clock> clock, CustomerCache cache,
                    PlatformTransactionManager transactions) {
        this.cache = cache;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.customers = customers;
        this.products = products;
        this.phoneNumbers = phoneNumbers;
        this.warranty = warranty;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** From the cache when it has the card; a miss reads it in a read-only transaction of its own. */
    @Override
    public Optional<CustomerCard> find(long customerId) {
        return Optional.ofNullable(cache.card(customerId, id -> readOnly.execute(status ->
                customers.findWithPhonesById(id).map(this::card).orElse(null))));
    }

    @Override
    @Transactional(readOnly = true)
    public long productsShipped(java.time.LocalDate from, java.time.LocalDate to) {
        return products.unitsShippedBetween(from, to);
    }

    /** The screen pop by number: two cache look-ups when warm, no database connection. */
    @Override
    public Optional<CustomerCard> lookup(PhoneNumber number) {
        return caller(number.e164()).flatMap(known -> find(known.customerId()));
    }

    /**
     * Who owns the number (cached, also when nobody does). A miss reads the owner with its numbers and then its
     * products in one read-only transaction and caches the card too: the arrival's identification is followed within
     * seconds by the screen pop of the offer, which then needs no database.
     */
    Optional<KnownCaller> caller(String e164) {
        var known = cache.cachedCaller(e164);
        return known != null ? known : readOnly.execute(status -> cache.caller(e164, n -> customers.findByPhone(n)
                .map(customer -> {
                    cache.card(customer.id(), id -> card(customer));
                    return new KnownCaller(customer.id(), customer.name(), customer.tier());
                })));
    }

    @Transactional(readOnly = true)
    CustomerCard get(long customerId) {
        return find(customerId).orElseThrow(() -> new NotFoundException("Customer", customerId));
    }

    /** Customers whose name or contact person contains {@code name}, or who own {@code phone}; by name. */
    @Transactional(readOnly = true)
    Page<CustomerSummary> search(String name, String phone, int page, int size) {
        var pageable = dev.hotline.shared.Pages.of(page, size, size).withSort(Sort.by("name", "id"));
        if (phone != null && !phone.isBlank()) {
            var found = customers.findByPhone(phoneNumbers.parse(phone).e164())
                    .filter(c -> name == null || contains(c.name(), name) || contains(c.contactPerson(), name));
            return new PageImpl<>(found.map(CustomerSummary::of).stream().toList(), pageable, found.isPresent() ? 1 : 0);
        }
        String text = name == null ? "" : name.strip();
        return customers.findByNameContainingIgnoreCaseOrContactPersonContainingIgnoreCase(text, text, pageable)
                .map(CustomerSummary::of);
    }

    @Transactional
    CustomerCard create(CustomerData data) {
        Set<String> e164s = normalise(data.phones());
        refuseNumbersOfOthers(e164s, null);
        var customer = customers.saveAndFlush(new Customer(data, e164s, now(), currentUser()));
        cache.changed(customer.id(), e164s);
        return card(customer);
    }

    @Transactional
    CustomerCard update(long customerId, CustomerData data) {
        var customer = customers.findById(customerId).orElseThrow(() -> new NotFoundException("Customer", customerId));
        Set<String> e164s = normalise(data.phones());
        refuseNumbersOfOthers(e164s, customerId);
        var numbers = new LinkedHashSet<>(customer.phones());
        numbers.addAll(e164s);
        customer.change(data, e164s, now(), currentUser());
        customers.flush();
        cache.changed(customerId, numbers);
        return card(customer);
    }

    @Transactional(readOnly = true)
    List<CustomerCard.OwnedProduct> products(long customerId) {
        if (!customers.existsById(customerId)) {
            throw new NotFoundException("Customer", customerId);
        }
        LocalDate today = today();
        return products.findByCustomerIdOrderByIdAsc(customerId).stream().map(p -> owned(p, today)).toList();
    }

    @Transactional
    CustomerCard.OwnedProduct addProduct(long customerId, ProductData data) {
        var customer = customers.findById(customerId).orElseThrow(() -> new NotFoundException("Customer", customerId));
        refuseFutureDates(data);
        String serial = data.serialNumber().strip();
        products.findBySerialNumber(serial).ifPresent(p -> {
            throw new ConflictException("duplicate-serial", "Serial number '" + serial + "' is already registered"
                    + (p.customerId() == customerId ? " for this customer" : " for another customer"));
        });
        customer.touch(now(), currentUser());
        var product = products.saveAndFlush(new Product(customerId, data, now(), currentUser()));
        cache.changed(customerId, List.of());
        return owned(product, today());
    }

    /** The E.164 form of every number; a number written twice is kept once. */
    Set<String> normalise(List<String> written) {
        Set<String> e164s = new LinkedHashSet<>();
        for (int i = 0; i < written.size(); i++) {
            try {
                e164s.add(phoneNumbers.parse(written.get(i)).e164());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("phones[" + i + "]", e.getMessage());
            }
        }
        return e164s;
    }

    void refuseNumbersOfOthers(Set<String> e164s, Long customerId) {
        List<Long> owners = new ArrayList<>(customers.idsOwningAny(e164s));
        owners.remove(customerId);
        if (!owners.isEmpty()) {
            throw new ConflictException("duplicate-phone", "A phone number already belongs to customer " + owners.get(0));
        }
    }

    void refuseFutureDates(ProductData data) {
        LocalDate today = today();
        if (data.shipDate() != null && data.shipDate().isAfter(today)) {
            throw new InvalidInputException("shipDate", "Ship date " + data.shipDate() + " is in the future");
        }
        if (data.purchaseDate() != null && data.purchaseDate().isAfter(today)) {
            throw new InvalidInputException("purchaseDate", "Purchase date " + data.purchaseDate() + " is in the future");
        }
    }

    CustomerCard card(Customer c) {
        LocalDate today = today();
        var owned = products.findByCustomerIdOrderByIdAsc(c.id()).stream().map(p -> owned(p, today)).toList();
        return new CustomerCard(c.id(), c.name(), c.contactPerson(), c.phones(), c.address(), c.email(), c.tier(),
                c.notes(), owned, c.createdAt(), c.updatedAt());
    }

    CustomerCard.OwnedProduct owned(Product p, LocalDate today) {
        return new CustomerCard.OwnedProduct(p.id(), p.model(), p.serialNumber(), p.shipDate(), p.purchaseDate(),
                p.salesChannel(), p.quantity(), warranty.status(p.shipDate(), p.salesChannel(), today));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant();
    }

    static String currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
    }
}
