package dev.hotline.telephony.twilio;

import org.springframework.data.jpa.repository.JpaRepository;

interface OptOutRepository extends JpaRepository<MessagingOptOut, String> {
}
