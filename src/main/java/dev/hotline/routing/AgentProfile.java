package dev.hotline.routing;

import java.util.Map;

/**
 * An agent's configuration: who, skills (name to level 1..5), how telephony reaches them, capacity per channel kind.
 *
 * @param extension      Asterisk extension (e.g. PJSIP/1001)
 * @param phone          a phone number telephony may dial instead
 * @param clientIdentity the Twilio Client identity of the agent's browser softphone
 * @param ringNoAnswers  how many offers this agent let ring out (seed 003: a disciplinary matter)
 */
public record AgentProfile(String username, String displayName, Map<String, Integer> skills, String extension,
                           String phone, String clientIdentity, int voiceCapacity, int textCapacity,
                           int ringNoAnswers) {

    public AgentProfile {
        skills = Map.copyOf(skills);
    }
}
