package dev.hotline.telephony.asterisk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * How the app reaches Asterisk ({@code hotline.asterisk.*}). The adapter is on only when {@code ami.host} is set.
 *
 * @param agentDialTemplate what {@code hotline-agents} dials for an agent; {@code ${extension}} is the agent's
 *                          extension. An extension that already names a technology (PJSIP/1001) is dialled as is.
 * @param agentsContext     the dialplan context a caller is redirected to when an agent accepts
 * @param overflowContext   the dialplan context that dials the on-call target through the trunk
 * @param queueByNumber     dialled number (agi_dnid or agi_extension) to queue, when the AGI call names none
 * @param holdContext       where a held caller hears music on hold (and where the agent's leg waits: extension
 *                          {@code agent} of the same context) until resume bridges the two again
 * @param transferContext   where a transferred caller waits, with music, for the next agent
 */
@ConfigurationProperties("hotline.asterisk")
public record AsteriskProperties(@DefaultValue Agi agi, @DefaultValue Ami ami,
                                 @DefaultValue("PJSIP/${extension}") String agentDialTemplate,
                                 @DefaultValue("hotline-agents") String agentsContext,
                                 @DefaultValue("hotline-overflow") String overflowContext,
                                 Map<String, String> queueByNumber,
                                 @DefaultValue("hotline-hold") String holdContext,
                                 @DefaultValue("hotline-transferred") String transferContext) {

    public AsteriskProperties {
        queueByNumber = queueByNumber == null ? Map.of() : Map.copyOf(queueByNumber);
    }

    boolean enabled() {
        return ami.host() != null && !ami.host().isBlank();
    }

    /** The dial string for an agent's extension. */
    String agentDial(String extension) {
        return extension.contains("/") ? extension : agentDialTemplate.replace("${extension}", extension);
    }

    public record Agi(@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("4573") int port,
                      @DefaultValue("hotline") String script, @DefaultValue("16") int poolSize) {
    }

    /**
     * @param retryInterval  pause between login attempts while Asterisk is down or refuses the login
     * @param actionTimeout  how long one AMI action may take before it counts as failed
     */
    public record Ami(String host, @DefaultValue("5038") int port, String username, String password,
                      @DefaultValue("5s") Duration retryInterval, @DefaultValue("5s") Duration actionTimeout) {
    }
}
