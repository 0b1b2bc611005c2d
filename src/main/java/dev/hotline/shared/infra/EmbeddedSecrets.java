package dev.hotline.shared.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The secrets of the embedded default run (database accounts, Redis password): generated on this machine and kept in
 * the data directory, readable by its owner only, never in the repository or the configuration.
 */
final class EmbeddedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedSecrets() {
    }

    /** 192 random bits, URL-safe Base64: safe inside SQL quotes, a redis.conf line and a URL's user info. */
    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored secrets, or empty properties when the file does not exist yet. */
    static Properties load(Path file) {
        var properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    /** Replaces the file atomically with these properties, owner-only. */
    static void store(Path file, Properties properties, String comment) {
        var text = new java.io.StringWriter();
        try {
            properties.store(text, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(file, text.toString());
    }

    /** Replaces the file atomically; created owner-only (rw-------) before anything is written into it. */
    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(content);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
