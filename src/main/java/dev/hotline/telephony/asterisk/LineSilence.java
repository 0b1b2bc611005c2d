package dev.hotline.telephony.asterisk;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is talking on one call and since when nobody is, from TALK_DETECT's ChannelTalkingStart/Stop on both legs (the
 * dialplan sets it on the caller and, through Dial's pre-dial handler, on the agent's leg). A silence counts only
 * while the conversation lasts: from the answer (or the last word after it) to the next word or the first hang-up.
 * Touched by the AMI event thread only.
 */
final class LineSilence {

    /** A stretch with nobody talking. */
    record Silence(Instant start, Instant end) {
        Duration length() {
            return Duration.between(start, end);
        }
    }

    private final Map<String, Instant> talkingSince = new HashMap<>();
    private Instant conversationSince;
    private Instant silentSince;

    /** The agent answered: the line is silent from now until somebody talks. */
    void answered(Instant at) {
        if (conversationSince == null) {
            conversationSince = at;
            silentSince = talkingSince.isEmpty() ? at : null;
        }
    }

    /** Answered before this node heard the call: silences are measured from the next word on. */
    void answeredEarlier(Instant at) {
        if (conversationSince == null) {
            conversationSince = at;
        }
    }

    Optional<Silence> talkingStarted(String leg, Instant at) {
        talkingSince.put(leg, at);
        return close(at);
    }

    /**
     * ChannelTalkingStop is raised once the leg has been quiet for TALK_DETECT's silence threshold; its Duration is
     * how long the leg talked, so the silence began at the talk's start plus that duration.
     */
    void talkingStopped(String leg, Instant at, Long talkedMillis) {
        Instant started = talkingSince.remove(leg);
        if (conversationSince == null || !talkingSince.isEmpty() || silentSince != null) {
            return;
        }
        Instant quietFrom = started != null && talkedMillis != null ? started.plusMillis(talkedMillis) : at;
        silentSince = quietFrom.isBefore(conversationSince) ? conversationSince : quietFrom;
    }

    /** The first hang-up ends the conversation and any silence still running. */
    Optional<Silence> hungUp(Instant at) {
        var last = close(at);
        conversationSince = null;
        return last;
    }

    private Optional<Silence> close(Instant at) {
        Instant since = silentSince;
        silentSince = null;
        return since == null || at.isBefore(since) ? Optional.empty() : Optional.of(new Silence(since, at));
    }
}
