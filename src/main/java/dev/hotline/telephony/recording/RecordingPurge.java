package dev.hotline.telephony.recording;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes recordings past their retention ({@code hotline.recording.retention}): the media first (the file, or
 * Twilio's copy through its API), then the row. Media that cannot be deleted now (Twilio unreachable) keeps its row
 * and is tried again on the next run, so nothing is left behind unlisted. One node at a time (ShedLock).
 */
@Component
public class RecordingPurge {

    private static final Logger log = LoggerFactory.getLogger(RecordingPurge.class);

    private final CallRecordings recordings;
    private final Recordings media;
    private final RecordingProperties properties;
    private final Clock clock;

    RecordingPurge(CallRecordings recordings, Recordings media, RecordingProperties properties,
                   ObjectProvider<Clock> clock) {
        this.recordings = recordings;
        this.media = media;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(initialDelayString = "${hotline.recording.purge-interval:1h}",
            fixedDelayString = "${hotline.recording.purge-interval:1h}")
    @SchedulerLock(name = "call-recording-purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
    void scheduledPurge() {
        int deleted = purge(clock.instant());
        if (deleted > 0) {
            log.info("Purged {} call recording(s) past their retention", deleted);
        }
    }

    /** Deletes the recordings expired at {@code now} (one batch); returns how many were deleted. */
    public int purge(Instant now) {
        int deleted = 0;
        for (Recording recording : recordings.expired(now, properties.purgeBatch())) {
            try {
                media.mediaOf(recording).delete(recording);
                recordings.delete(recording.id());
                deleted++;
            } catch (RuntimeException e) {
                log.warn("Recording {} ({} {}) not purged yet: {}", recording.id(), recording.source(),
                        recording.externalId(), e.getMessage());
            }
        }
        return deleted;
    }
}
