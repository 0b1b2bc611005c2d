package dev.hotline.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The security suite's figures, for the build's console: surefire sends test output to files, so each suite also
 * writes its line to {@code target/security-suite/}, and the pom prints that folder at {@code verify}.
 */
final class SecurityFigures {

    private static final Path FOLDER = Path.of("target", "security-suite");

    private SecurityFigures() {
    }

    /** Prints {@code line} and keeps it as the latest figures of {@code suite}. */
    static void report(String suite, String line) {
        System.out.println(line);
        try {
            Files.createDirectories(FOLDER);
            Files.writeString(FOLDER.resolve(suite + ".txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
