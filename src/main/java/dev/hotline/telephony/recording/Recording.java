package dev.hotline.telephony.recording;

import java.time.Instant;

/**
 * One recording of a contact's call.
 *
 * @param externalId the MixMonitor file name, or Twilio's RecordingSid
 * @param location   the file name under {@code hotline.recording.directory}, or Twilio's RecordingUrl
 * @param status     RECORDING while the call goes on (Asterisk), COMPLETED once its media is whole
 */
public record Recording(long id, long contactId, RecordingSource source, String externalId, String status,
                        String location, Integer durationSeconds, Instant startedAt, Instant endedAt,
                        Instant createdAt, Instant expiresAt) {

    public static final String RECORDING = "RECORDING";
    public static final String COMPLETED = "COMPLETED";

    public boolean completed() {
        return COMPLETED.equals(status);
    }
}
