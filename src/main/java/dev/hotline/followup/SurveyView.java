package dev.hotline.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A survey as the API shows it: INVITED until answered, then its answers, score and verdict. */
public record SurveyView(long id, long customerId, Long ticketId, String ticketNumber, Long visitTaskId,
                         String status, SurveyChannel channel, Instant createdAt, Instant expiresAt,
                         Instant answeredAt, String answeredBy, Map<Dimension, Level> answers, BigDecimal score,
                         Boolean satisfied, String comment) {
}
