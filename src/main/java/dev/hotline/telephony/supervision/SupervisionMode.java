package dev.hotline.telephony.supervision;

/**
 * How a supervisor joins a live call: LISTEN hears both sides unheard, WHISPER also talks to the agent only (the
 * customer hears nothing), BARGE talks to both.
 */
public enum SupervisionMode {
    LISTEN, WHISPER, BARGE
}
