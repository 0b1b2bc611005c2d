package dev.hotline.telephony.asterisk;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serves FastAGI on {@code hotline.asterisk.agi.*}. Only the configured script name (and its {@code -callback}) is
 * mapped; any other URL gets
 * AJ_AGISTATUS=NOT_FOUND. The accept loop runs on its own thread; start-up waits until the port is bound so that a
 * port clash fails the start instead of passing silently.
 */
class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final AsteriskProperties.Agi settings;
    private final AgiScript script;
    private final AgiScript callbackScript;
    private volatile DefaultAgiServer server;
    private volatile boolean running;

    FastAgiServer(AsteriskProperties.Agi settings, AgiScript script, AgiScript callbackScript) {
        this.settings = settings;
        this.script = script;
        this.callbackScript = callbackScript;
    }

    /** The configured script, and its {@code -callback} sibling (a waiting caller leaving a call-back number). */
    private AgiScript mapped(String name) {
        if (settings.script().equals(name)) {
            return script;
        }
        return (settings.script() + "-callback").equals(name) ? callbackScript : null;
    }

    @Override
    public void start() {
        var bound = new CountDownLatch(1);
        var failure = new IOException[1];
        DefaultAgiServer agi = new DefaultAgiServer((org.asteriskjava.fastagi.MappingStrategy) (request, channel) -> mapped(request.getScript())) {
            @Override
            protected ServerSocketFacade createServerSocket() throws IOException {
                try {
                    return super.createServerSocket();
                } catch (IOException e) {
                    failure[0] = e;
                    throw e;
                } finally {
                    bound.countDown();
                }
            }
        };
        try {
            agi.setAddress(InetAddress.getByName(settings.bindAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("hotline.asterisk.agi.bind-address is not an address", e);
        }
        agi.setPort(settings.port());
        agi.setPoolSize(Math.min(4, settings.poolSize()));
        agi.setMaximumPoolSize(settings.poolSize());
        var thread = new Thread(() -> {
            try {
                agi.startup();
            } catch (IOException | IllegalStateException e) {
                log.error("FastAGI server stopped: {}", e.toString());
            }
        }, "fastagi-accept");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!bound.await(10, TimeUnit.SECONDS) || failure[0] != null) {
                throw new IllegalStateException("FastAGI server could not listen on " + settings.bindAddress() + ":"
                        + settings.port(), failure[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the FastAGI server", e);
        }
        server = agi;
        running = true;
        log.info("FastAGI listening on {}:{} for agi://…/{}", settings.bindAddress(), settings.port(), settings.script());
    }

    @Override
    public void stop() {
        running = false;
        var agi = server;
        if (agi != null) {
            try {
                agi.shutdown();
            } catch (IllegalStateException alreadyDown) {
                log.debug("FastAGI server was already down");
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
