package dev.hotline.telephony.twilio;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface ConversationRepository extends JpaRepository<Conversation, Long> {

    Optional<Conversation> findByOpenThread(String openThread);

    Optional<Conversation> findByContactId(Long contactId);
}
