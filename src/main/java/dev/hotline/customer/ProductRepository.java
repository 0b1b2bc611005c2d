package dev.hotline.customer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;

import java.util.List;
import java.util.Optional;

interface ProductRepository extends JpaRepository<Product, Long> {

    List<Product> findByCustomerIdOrderByIdAsc(long customerId);

    /** Serial numbers compare case-insensitively (utf8mb4_unicode_ci), as the unique index does. */
    Optional<Product> findBySerialNumber(String serialNumber);

    @Query("select coalesce(sum(p.quantity), 0) from Product p where p.shipDate >= :from and p.shipDate < :to")
    long unitsShippedBetween(LocalDate from, LocalDate to);
}
