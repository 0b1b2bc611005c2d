package dev.hotline.telephony.supervision;

/** RINGING: the supervisor's phone rings; ACTIVE: listening; ENDED: the supervisor left; FAILED: never joined. */
public enum SupervisionStatus {
    RINGING, ACTIVE, ENDED, FAILED;

    boolean isOpen() {
        return this == RINGING || this == ACTIVE;
    }
}
