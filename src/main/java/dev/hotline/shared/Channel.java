package dev.hotline.shared;

/** How a contact reached the hotline (来电、短信、来函、来人、网络). */
public enum Channel {
    VOICE, SMS, WHATSAPP, LETTER, VISIT, EMAIL;

    /** Real-time channels count against the agent's voice capacity; the rest against text capacity. */
    public boolean isVoice() {
        return this == VOICE;
    }
}
