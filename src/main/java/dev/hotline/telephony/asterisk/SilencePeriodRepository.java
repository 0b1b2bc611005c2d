package dev.hotline.telephony.asterisk;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

interface SilencePeriodRepository extends JpaRepository<SilencePeriod, Long> {

    boolean existsByContactIdAndStartedAt(long contactId, Instant startedAt);

    List<SilencePeriod> findByContactIdOrderByStartedAtAsc(long contactId);

    @Query("select count(s), coalesce(max(s.lengthMillis), 0) from SilencePeriod s where s.contactId = :contactId")
    List<Object[]> summary(long contactId);
}
