package dev.hotline.telephony.asterisk;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one AMI session of this node. asterisk-java reconnects a session that was up; this class retries the first
 * login (and a login refused after a reconnect) every {@code retry-interval}, and after every successful login runs
 * the resync. AMI events are delivered on asterisk-java's event thread; actions are sent from {@link #actions} only,
 * because waiting for a response on the event thread would wait for itself.
 */
class AmiConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

    private final AsteriskProperties.Ami settings;
    private final ManagerConnection connection;
    private final ManagerEventListener pbxEvents;
    private final Runnable afterLogin;
    private final ScheduledExecutorService actions =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ami-actions"));
    private volatile Thread supervisor;
    private volatile boolean running;
    private volatile AmiState state = AmiState.down("not connected yet");
    /** Further listeners of the PBX's events (the outbound calls), after {@link #pbxEvents}. */
    private final java.util.List<ManagerEventListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    AmiConnection(AsteriskProperties.Ami settings, ManagerEventListener pbxEvents, Runnable afterLogin) {
        this.settings = settings;
        this.connection = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.password()).createManagerConnection();
        AmiEventsComplete.registerOn(connection);
        this.pbxEvents = pbxEvents;
        this.afterLogin = afterLogin;
    }

    /** UP once logged in; DOWN with the reason (unreachable, login refused, connection lost). */
    record AmiState(boolean up, String detail) {
        static AmiState down(String why) {
            return new AmiState(false, why);
        }
    }

    AmiState state() {
        return state;
    }

    String address() {
        return settings.host() + ":" + settings.port();
    }

    @Override
    public void start() {
        connection.addEventListener(event -> {
            if (event instanceof ConnectEvent) {
                state = new AmiState(true, "logged in as " + settings.username());
                log.info("AMI logged in to {} as {}; resyncing live calls", address(), settings.username());
                submit(afterLogin);
            } else if (event instanceof DisconnectEvent) {
                if (running) {
                    state = AmiState.down("connection to " + address() + " lost, reconnecting");
                    log.warn("AMI connection to {} lost; reconnecting", address());
                }
            } else {
                pbxEvents.onManagerEvent(event);
                listeners.forEach(l -> l.onManagerEvent(event));
            }
        });
        running = true;
        supervisor = daemon(this::keepLoggedIn, "ami-login");
        supervisor.start();
    }

    private void keepLoggedIn() {
        while (running) {
            ManagerConnectionState s = connection.getState();
            if (s == ManagerConnectionState.INITIAL || s == ManagerConnectionState.DISCONNECTED) {
                login();
            }
            try {
                Thread.sleep(settings.retryInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void login() {
        try {
            connection.login("on");
        } catch (AuthenticationFailedException e) {
            state = AmiState.down("login refused for user '" + settings.username() + "': " + e.getMessage());
            log.error("AMI login to {} refused for user '{}': {}; retrying every {}", address(), settings.username(),
                    e.getMessage(), settings.retryInterval());
        } catch (IOException | TimeoutException | IllegalStateException e) {
            state = AmiState.down("cannot reach " + address() + ": " + e.getMessage());
            log.warn("AMI at {} unreachable: {}; retrying every {}", address(), e.getMessage(),
                    settings.retryInterval());
        }
    }

    /** Runs AMI work on the action thread, in submission order. */
    void submit(Runnable work) {
        submitLater(work, Duration.ZERO);
    }

    /** Runs AMI work on the action thread after a pause, without holding the thread meanwhile. */
    void submitLater(Runnable work, Duration delay) {
        Runnable guarded = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("AMI work failed", e);
            }
        };
        try {
            actions.schedule(guarded, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("AMI work dropped during shutdown");
        }
    }

    /** Sends an action and returns Asterisk's response; a ManagerError or no response is a failure. */
    ManagerResponse send(ManagerAction action) throws AmiFailure {
        if (connection.getState() != ManagerConnectionState.CONNECTED) {
            throw new AmiFailure(action.getAction() + ": AMI not connected (" + state.detail() + ")");
        }
        try {
            ManagerResponse response = connection.sendAction(action, settings.actionTimeout().toMillis());
            if (response == null || response instanceof ManagerError) {
                throw new AmiFailure(action.getAction() + " refused: "
                        + (response == null ? "no response" : response.getMessage()));
            }
            return response;
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new AmiFailure(action.getAction() + " failed: " + e.getMessage());
        }
    }

    /** Hears every PBX event too (on asterisk-java's event thread: never send an action from it). */
    void listen(ManagerEventListener listener) {
        listeners.add(listener);
    }

    ResponseEvents list(EventGeneratingAction action) throws AmiFailure {
        return list(action, settings.actionTimeout());
    }

    /** Sends an action and waits up to {@code timeout} for its closing event (an Originate: until the phone answers). */
    ResponseEvents list(EventGeneratingAction action, Duration timeout) throws AmiFailure {
        try {
            return connection.sendEventGeneratingAction(action, timeout.toMillis());
        } catch (IOException | TimeoutException | IllegalStateException | IllegalArgumentException e) {
            throw new AmiFailure(action.getAction() + " failed: " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        var s = supervisor;
        if (s != null) {
            s.interrupt();
        }
        actions.shutdownNow();
        try {
            actions.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // also ends asterisk-java's own reconnect loop, which would otherwise outlive the application
        try {
            connection.logoff();
        } catch (IllegalStateException alreadyGone) {
            log.debug("AMI already disconnected");
        }
        state = AmiState.down("stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Thread daemon(Runnable r, String name) {
        var t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** An AMI action that did not do what it was asked. */
    static class AmiFailure extends Exception {
        AmiFailure(String message) {
            super(message);
        }
    }
}
