package dev.hotline.customer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** The owner of a number with all its numbers, in one statement (the card lists them). */
    @Query("select c from Customer c join c.phones p left join fetch c.phones where p = :e164")
    Optional<Customer> findByPhone(String e164);

    @Query("select c from Customer c left join fetch c.phones where c.id = :id")
    Optional<Customer> findWithPhonesById(long id);

    /** Ids of the customers owning any of these numbers. */
    @Query("select distinct c.id from Customer c join c.phones p where p in :e164s")
    List<Long> idsOwningAny(Collection<String> e164s);

    Page<Customer> findByNameContainingIgnoreCaseOrContactPersonContainingIgnoreCase(String name, String contactPerson,
                                                                                     Pageable page);
}
