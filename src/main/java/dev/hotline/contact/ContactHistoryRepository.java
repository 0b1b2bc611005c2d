package dev.hotline.contact;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ContactHistoryRepository extends JpaRepository<ContactHistoryEntry, Long> {

    List<ContactHistoryEntry> findByContactIdOrderByIdAsc(Long contactId);
}
