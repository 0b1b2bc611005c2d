package dev.hotline.customer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface ProductRepository extends JpaRepository<Product, Long> {

    List<Product> findByCustomerIdOrderByIdAsc(long customerId);

    /** Serial numbers compare case-insensitively (utf8mb4_unicode_ci), as the unique index does. */
    Optional<Product> findBySerialNumber(String serialNumber);
}
