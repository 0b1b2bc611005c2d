package dev.hotline.shared.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port for a server started a moment later (embedded MariaDB and Redis, test servers). Chosen below the
 * kernel's ephemeral range: a port the kernel handed out for {@code bind(0)} is also what it hands to the next outgoing
 * connection (a JDBC pool opening 10 connections), which then holds it and the server fails with "address in use".
 */
public final class FreePort {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 20000;

    private FreePort() {
    }

    public static int find() {
        int below = ephemeralStart();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200 && below > LOWEST; attempt++) {
            int port = LOWEST + random.nextInt(below - LOWEST);
            if (bindable(port)) {
                return port;
            }
        }
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on this machine", e);
        }
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralStart() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768; // Linux's default; other systems start theirs at 49152
        }
    }
}
