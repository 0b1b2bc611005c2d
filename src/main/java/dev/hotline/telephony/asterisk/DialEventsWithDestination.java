package dev.hotline.telephony.asterisk;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * asterisk-java 3.42 has no property for the {@code DestChanVariable} lines Asterisk writes on Dial events for the
 * dialled channel when manager.conf sets {@code channelvars} (its event builder then logs "Unable to set property
 * 'destchanvariable' ... no setter" for every DialBegin, DialState and DialEnd: most of a call's log). Upstream's
 * answer to such reports is to add the property (asterisk-java issue #124; #587, the same for 'chanvariable', is
 * still open); until a release has it, these
 * subclasses add it and are registered for the three events in place of the library's classes, so the builder sets
 * it instead of warning, and nothing else it might warn about is silenced.
 */
final class DialEventsWithDestination {

    private DialEventsWithDestination() {
    }

    static void registerOn(ManagerConnection connection) {
        connection.registerUserEventClass(Begin.class);
        connection.registerUserEventClass(State.class);
        connection.registerUserEventClass(End.class);
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
}
