package dev.hotline.telephony.recording;

import org.springframework.http.ResponseEntity;

/**
 * Where a source keeps its recordings' audio: serves it (with HTTP Range, so the browser's player can seek) and
 * deletes it when the retention is over. The credentials to reach it stay on the server.
 */
public interface RecordingMedia {

    RecordingSource source();

    /** The audio, or the part {@code range} (an HTTP Range header, may be null) asks for. */
    ResponseEntity<?> stream(Recording recording, String range);

    /** Deletes the audio; media already gone counts as deleted. Throws when it could not be deleted now. */
    void delete(Recording recording);
}
