package dev.hotline.telephony.recording;

import dev.hotline.shared.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asterisk's recordings: the files MixMonitor wrote into the directory the app shares with Asterisk
 * ({@code hotline.recording.directory}). Served as a file resource, which Spring answers with 206 for a Range.
 */
@Component
class RecordingFiles implements RecordingMedia {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final Path directory;

    RecordingFiles(RecordingProperties properties) {
        this.directory = Path.of(properties.directory()).toAbsolutePath().normalize();
    }

    @Override
    public RecordingSource source() {
        return RecordingSource.ASTERISK;
    }

    @Override
    public ResponseEntity<?> stream(Recording recording, String range) {
        Path file = fileOf(recording);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("Recording file", recording.location());
        }
        String name = file.getFileName().toString();
        // audio/wav is what browsers' players name it (the JDK's table says audio/x-wav)
        MediaType type = name.endsWith(".wav") ? WAV
                : MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
    }

    @Override
    public void delete(Recording recording) {
        try {
            Files.deleteIfExists(fileOf(recording));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only a plain file name inside the directory: a location never reaches outside it. */
    private Path fileOf(Recording recording) {
        Path file = directory.resolve(recording.location()).normalize();
        if (!file.getParent().equals(directory)) {
            throw new NotFoundException("Recording file", recording.location());
        }
        return file;
    }
}
