package dev.hotline.console;

import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.util.List;

/**
 * What an agent does from the console, always on the logged-in agent. Results come back as pushes from the routing
 * events (state, offers, contacts), so every tab of the agent sees them; refusals come back on /user/queue/errors.
 */
@Controller
@MessageMapping("/agent")
class AgentActions {

    static final int MAX_TEXT = 100;
    /** The contact keeps 500 characters of disposition: the code and the notes must fit. */
    static final int MAX_NOTES = 400;

    private final AgentPresence presence;
    private final AgentResume resume;
    private final List<String> dispositionCodes;

    AgentActions(AgentPresence presence, AgentResume resume, ConsoleProperties properties) {
        this.presence = presence;
        this.resume = resume;
        this.dispositionCodes = properties.dispositionCodes();
    }

    /** AVAILABLE, BREAK with a reason, or OFFLINE (logout). */
    record StateRequest(AgentState state, String reason) {
    }

    /** {@code code} one of the configured disposition codes, {@code notes} the agent's words; {@code disposition} = notes. */
    record FinishRequest(String code, String notes, String disposition) {
    }

    @MessageMapping("/state")
    void changeState(@Payload StateRequest request, Principal agent) {
        presence.changeState(agent.getName(), requireState(request), limited("reason", request.reason()));
    }

    @MessageMapping("/offers/{contactId}/accept")
    void accept(@DestinationVariable String contactId, Principal agent) {
        presence.accept(ContactId.of(contactId), agent.getName());
    }

    @MessageMapping("/offers/{contactId}/reject")
    void reject(@DestinationVariable String contactId, Principal agent) {
        presence.reject(ContactId.of(contactId), agent.getName());
    }

    @MessageMapping("/contacts/{contactId}/finish")
    void finish(@DestinationVariable String contactId, @Payload(required = false) FinishRequest request,
                Principal agent) {
        presence.finish(ContactId.of(contactId), agent.getName(), disposition(request));
    }

    /** The disposition as the contact and its ticket keep it: "code: notes" (see {@link Disposition}). */
    String disposition(FinishRequest request) {
        if (request == null) {
            return null;
        }
        String code = request.code() == null || request.code().isBlank() ? null : request.code().strip();
        if (code != null && !dispositionCodes.contains(code)) {
            throw new InvalidInputException("code", "Unknown disposition code; one of " + dispositionCodes);
        }
        String notes = request.notes() != null ? request.notes() : limited("disposition", request.disposition());
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "At most " + MAX_NOTES + " characters");
        }
        return Disposition.compose(code, notes);
    }

    /** The same picture as on subscribe, to this session only. */
    @MessageMapping("/resume")
    @SendToUser(destinations = Destinations.STATE, broadcast = false)
    ConsoleMessages.Resume resume(Principal agent) {
        return resume.of(agent.getName());
    }

    static AgentState requireState(StateRequest request) {
        if (request == null || request.state() == null) {
            throw new InvalidInputException("state", "A state is required: AVAILABLE, BREAK or OFFLINE");
        }
        return request.state();
    }

    static String limited(String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "At most " + MAX_TEXT + " characters");
        }
        return text;
    }
}
