package dev.hotline.telephony.twilio;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface TextMessageRepository extends JpaRepository<TextMessage, Long> {

    Optional<TextMessage> findByMessageSid(String messageSid);

    List<TextMessage> findByConversationIdOrderByIdAsc(long conversationId);
}
