package dev.hotline.telephony.asterisk;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fault suite's Asterisk 22: the wire-level AMI peer ({@link AmiPeer}) the nodes log in to, and FastAGI calls
 * into a node ({@link AgiCaller}), speaking what the wire tests speak. A call arrives over AGI with its channel live
 * on the PBX; a Redirect of its channel to the agents' context is the agent's phone dialled, and {@link #answer}
 * reports the call bridged; {@link #hangUp} the caller hanging up. {@link #cut} closes every AMI session and refuses
 * logins until {@link #restore}.
 */
public final class BenchPbx implements AutoCloseable {

    private static final Pattern CONTACT = Pattern.compile("SET VARIABLE \"?" + CallDirectory.CONTACT_VARIABLE
            + "\"? \"?(\\d+)\"?");

    private final AmiPeer peer;
    private int redirectsSeen;

    public BenchPbx(int port, String username, String password) throws IOException {
        this.peer = new AmiPeer(username, password, port);
        // manager.conf channelvars as docs/telephony-asterisk.md ships it: any node knows the call from an event
        peer.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE);
    }

    /** AMI sessions logged in now (one per node). */
    public int sessions() {
        return peer.sessionCount();
    }

    /**
     * A caller on {@code channel} dials in; the dialplan's AGI asks the node at {@code agiPort}. Returns the contact id
     * the app gave the channel, or -1 when it gave none (refused: the caller hears the fallback and calls again).
     */
    public long call(int agiPort, String uniqueId, String channel, String from, String queue) throws IOException {
        peer.channelUp(uniqueId, channel);
        peer.liveChannels.get(uniqueId).put("CallerIDNum", from);
        String start = Instant.now().getEpochSecond() + "." + String.format("%06d", Instant.now().getNano() / 1000);
        var env = AgiCaller.inboundCall(agiPort, "hotline", uniqueId, channel, from, "4008880000", queue, uniqueId,
                start);
        List<String> commands = new AgiCaller(agiPort, peer).call(env);
        for (String command : commands) {
            var m = CONTACT.matcher(command);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        peer.channelGone(uniqueId);
        return -1;
    }

    /** Channels redirected (to an agent) since the last look, in order. */
    public synchronized List<String> newRedirects() {
        List<Map<String, String>> all = peer.actions("Redirect");
        var out = new ArrayList<String>();
        for (int i = redirectsSeen; i < all.size(); i++) {
            out.add(all.get(i).get("Channel"));
        }
        redirectsSeen = all.size();
        return out;
    }

    /** The agent's phone answers the redirected caller: Dial and the bridge, as Asterisk 22 reports them. */
    public void answer(String uniqueId, String channel) throws IOException {
        var call = new AsteriskWireTestSupport.Call(uniqueId, channel);
        Instant at = Instant.now();
        String leg = AsteriskWireTestSupport.agentLeg(call);
        peer.emit("DialBegin", at.minusMillis(300), AsteriskWireTestSupport.dial(call, leg, null));
        peer.emit("DialEnd", at, AsteriskWireTestSupport.dial(call, leg, "ANSWER"));
        String bridge = AsteriskWireTestSupport.bridgeOf(call);
        peer.emit("BridgeCreate", at.plusMillis(4), AsteriskWireTestSupport.bridgeFields(bridge, 0));
        peer.emit("BridgeEnter", at.plusMillis(5), AsteriskWireTestSupport.bridge(bridge, channel, uniqueId, uniqueId));
        var agentEnters = AsteriskWireTestSupport.bridge(bridge, AsteriskWireTestSupport.AGENT_CHANNEL, leg, uniqueId);
        agentEnters.put("BridgeNumChannels", "2");
        peer.emit("BridgeEnter", at.plusMillis(6), agentEnters);
    }

    /**
     * The caller hangs up, bridged to an agent or still waiting; the channel is gone from the PBX either way (a node
     * whose AMI session was cut learns it from CoreShowChannels after logging in again).
     */
    public void hangUp(String uniqueId, String channel, boolean bridged) throws IOException {
        peer.channelGone(uniqueId);
        Instant at = Instant.now();
        var h = AsteriskWireTestSupport.hangupRequest(channel, uniqueId, uniqueId);
        peer.emit("HangupRequest", at, h);
        if (bridged) {
            var call = new AsteriskWireTestSupport.Call(uniqueId, channel);
            String leg = AsteriskWireTestSupport.agentLeg(call);
            peer.emit("BridgeLeave", at.plusMillis(1), AsteriskWireTestSupport.bridgeLeave(call, channel, uniqueId, 1));
            peer.emit("BridgeLeave", at.plusMillis(2), AsteriskWireTestSupport.bridgeLeave(call,
                    AsteriskWireTestSupport.AGENT_CHANNEL, leg, 0));
            peer.emit("BridgeDestroy", at.plusMillis(2), AsteriskWireTestSupport.bridgeFields(
                    AsteriskWireTestSupport.bridgeOf(call), 0));
            peer.emit("Hangup", at.plusMillis(3), AsteriskWireTestSupport.hangup(AsteriskWireTestSupport.AGENT_CHANNEL,
                    leg, uniqueId));
        }
        peer.emit("Hangup", at.plusMillis(6), AsteriskWireTestSupport.hangup(channel, uniqueId, uniqueId));
    }

    /** The AMI connection cut: every session closed, logins refused until {@link #restore}. */
    public void cut() throws IOException {
        peer.down = true;
        peer.dropSession();
    }

    public void restore() {
        peer.down = false;
    }

    @Override
    public void close() throws IOException {
        peer.close();
    }
}
