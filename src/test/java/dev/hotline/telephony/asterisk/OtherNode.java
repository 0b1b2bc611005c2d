package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.ContactRouting;

import java.time.Duration;

/**
 * A second app node for the multi-node tests: the adapter's own classes wired by hand, sharing only what nodes
 * share (the contact log, routing, the database) and the PBX, with its own live calls, AMI session and FastAGI port.
 */
final class OtherNode implements AutoCloseable {

    private final LiveCalls calls = new LiveCalls();
    private final AmiConnection ami;
    private final FastAgiServer agi;
    private final int agiPort;
    private boolean closed;

    OtherNode(AsteriskProperties properties, int agiPort, ContactIntake intake, ContactRouting routing,
              HandBack handBack, CallQualityRecorder quality) {
        this.agiPort = agiPort;
        var directory = new CallDirectory(calls, intake);
        var events = new PbxEvents(directory, calls, intake, routing, handBack, quality, new StrandedOverflows(),
                Duration.ofSeconds(5), properties.overflowContext());
        var resync = new LiveCallResync[1];
        ami = new AmiConnection(properties.ami(), events, () -> resync[0].run());
        resync[0] = new LiveCallResync(ami, calls, directory, intake, routing);
        var callbacks = new dev.hotline.telephony.callback.CallbackNumbers(
                new dev.hotline.routing.CallbackProperties(null, null, 0, 0, null), routing,
                new dev.hotline.shared.PhoneNumbers(null));
        agi = new FastAgiServer(new AsteriskProperties.Agi("127.0.0.1", agiPort, "hotline", 4),
                new HotlineAgiScript(routing, calls, properties, callbacks), new CallbackAgiScript(callbacks));
        agi.start();
        ami.start();
    }

    int agiPort() {
        return agiPort;
    }

    LiveCalls calls() {
        return calls;
    }

    boolean loggedIn() {
        return ami.state().up();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            ami.stop();
            agi.stop();
        }
    }
}
