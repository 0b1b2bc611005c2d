package dev.hotline.customer;

import dev.hotline.shared.KnownCaller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** One indexed lookup (uk_customer_phone_e164): runs at every call arrival. */
    @Query("select new dev.hotline.shared.KnownCaller(c.id, c.name, c.tier) from Customer c join c.phones p where p = :e164")
    Optional<KnownCaller> identify(String e164);

    @Query("select c from Customer c join c.phones p where p = :e164")
    Optional<Customer> findByPhone(String e164);

    /** Ids of the customers owning any of these numbers. */
    @Query("select distinct c.id from Customer c join c.phones p where p in :e164s")
    List<Long> idsOwningAny(Collection<String> e164s);

    Page<Customer> findByNameContainingIgnoreCaseOrContactPersonContainingIgnoreCase(String name, String contactPerson,
                                                                                     Pageable page);
}
