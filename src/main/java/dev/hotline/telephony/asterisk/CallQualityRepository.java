package dev.hotline.telephony.asterisk;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface CallQualityRepository extends JpaRepository<CallQuality, Long> {

    Optional<CallQuality> findByContactId(long contactId);
}
