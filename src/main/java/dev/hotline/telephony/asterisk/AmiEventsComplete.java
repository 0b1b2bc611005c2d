package dev.hotline.telephony.asterisk;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Event classes for fields Asterisk 22 sends that asterisk-java 3.42 has no property for; its event builder logs
 * "Unable to set property '...' ... no setter" for each: {@code DestChanVariable} on every DialBegin, DialState and
 * DialEnd when manager.conf sets {@code channelvars} (most of a call's log), and {@code TechCause} (the SIP response,
 * e.g. 486 from a busy agent phone) on HangupRequest and SoftHangupRequest. Upstream's answer to such reports is to
 * add the property (asterisk-java issue #124; #587, the same for 'chanvariable', is still open); until a release has
 * them, these subclasses add them and are registered for those events in place of the library's classes, so the
 * builder sets them instead of warning, and nothing else it might warn about is silenced.
 */
final class AmiEventsComplete {

    private AmiEventsComplete() {
    }

    static void registerOn(ManagerConnection connection) {
        connection.registerUserEventClass(Begin.class);
        connection.registerUserEventClass(State.class);
        connection.registerUserEventClass(End.class);
        connection.registerUserEventClass(HangupRequest.class);
        connection.registerUserEventClass(SoftHangupRequest.class);
    }

    private static Map<String, String> copy(Map<String, String> variables) {
        return variables == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(variables));
    }

    /** DialBegin with the dialled channel's channelvars. Public: asterisk-java creates it by reflection. */
    @AsteriskMapping("DialBegin")
    public static class Begin extends DialBeginEvent {
        private static final long serialVersionUID = 1L;
        private Map<String, String> destChannelVariables = Map.of();

        public Begin(Object source) {
            super(source);
        }

        public Map<String, String> getDestChannelVariables() {
            return destChannelVariables;
        }

        public void setDestChanVariables(Map<String, String> variables) {
            destChannelVariables = copy(variables);
        }
    }

    /** DialState (the dialled phone rings, is busy...) with the dialled channel's channelvars. */
    @AsteriskMapping("DialState")
    public static class State extends DialStateEvent {
        private static final long serialVersionUID = 1L;
        private Map<String, String> destChannelVariables = Map.of();

        public State(Object source) {
            super(source);
        }

        public Map<String, String> getDestChannelVariables() {
            return destChannelVariables;
        }

        public void setDestChanVariables(Map<String, String> variables) {
            destChannelVariables = copy(variables);
        }
    }

    /** DialEnd with the dialled channel's channelvars. */
    @AsteriskMapping("DialEnd")
    public static class End extends DialEndEvent {
        private static final long serialVersionUID = 1L;
        private Map<String, String> destChannelVariables = Map.of();

        public End(Object source) {
            super(source);
        }

        public Map<String, String> getDestChannelVariables() {
            return destChannelVariables;
        }

        public void setDestChanVariables(Map<String, String> variables) {
            destChannelVariables = copy(variables);
        }
    }

    /** HangupRequest with the channel technology's cause (the SIP response code). */
    @AsteriskMapping("HangupRequest")
    public static class HangupRequest extends HangupRequestEvent {
        private static final long serialVersionUID = 1L;
        private Integer techCause;

        public HangupRequest(Object source) {
            super(source);
        }

        public Integer getTechCause() {
            return techCause;
        }

        public void setTechCause(Integer techCause) {
            this.techCause = techCause;
        }
    }

    /** SoftHangupRequest with the channel technology's cause. */
    @AsteriskMapping("SoftHangupRequest")
    public static class SoftHangupRequest extends SoftHangupRequestEvent {
        private static final long serialVersionUID = 1L;
        private Integer techCause;

        public SoftHangupRequest(Object source) {
            super(source);
        }

        public Integer getTechCause() {
            return techCause;
        }

        public void setTechCause(Integer techCause) {
            this.techCause = techCause;
        }
    }
}
