package dev.hotline.telephony.asterisk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Service taboos of one call, as the PBX saw them (seed 003 §3.4): the agent must not hang up before the customer,
 * and long silences on the line are noted.
 */
@Entity
@Table(name = "call_quality")
class CallQuality {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contact_id", nullable = false, unique = true)
    private long contactId;

    @Column(length = 64)
    private String agent;

    @Column(name = "first_hang_up", length = 16)
    private String firstHangUp;

    @Column(name = "agent_hung_up_first", nullable = false)
    private boolean agentHungUpFirst;

    @Column(nullable = false)
    private int silences;

    @Column(name = "longest_silence_ms", nullable = false)
    private long longestSilenceMillis;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CallQuality() {
    }

    CallQuality(long contactId) {
        this.contactId = contactId;
    }

    void agent(String agent) {
        if (agent != null) {
            this.agent = agent;
        }
    }

    void hungUpFirst(String side, Instant at) {
        if (firstHangUp == null) {
            firstHangUp = side;
            agentHungUpFirst = PbxEvents.AGENT.equals(side);
            updatedAt = at;
        }
    }

    /** The summary of the stored silence periods (recounted, so a repeat report changes nothing). */
    void silences(int count, long longestMillis, Instant at) {
        silences = count;
        longestSilenceMillis = longestMillis;
        updatedAt = at;
    }

    String agent() {
        return agent;
    }

    String firstHangUp() {
        return firstHangUp;
    }

    boolean agentHungUpFirst() {
        return agentHungUpFirst;
    }

    int silences() {
        return silences;
    }

    long longestSilenceMillis() {
        return longestSilenceMillis;
    }
}
