package dev.hotline.telephony.twilio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ConversationMessage;
import dev.hotline.contact.TextConversations;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import dev.hotline.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The agent console's view of a text conversation: read it, reply to the customer. */
@Tag(name = "Conversations", description = "SMS and WhatsApp threads of text contacts")
@RestController
@RequestMapping("/api/conversations/{contactId}/messages")
class ConversationController {

    record Reply(String body) {
    }

    private final TextConversations conversations;
    private final ContactIntake contacts;

    ConversationController(TextConversations conversations, ContactIntake contacts) {
        this.conversations = conversations;
        this.contacts = contacts;
    }

    /** 201 with the message when Twilio took it; 422 problem (with the stored message) when it could not go out. */
    @Operation(summary = "Reply to the customer (only the connected agent)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<Object> reply(@PathVariable String contactId, @RequestBody Reply reply, Authentication user) {
        ConversationMessage message = conversations.send(ContactId.of(contactId), user.getName(),
                reply == null ? null : reply.body());
        URI location = URI.create("/api/conversations/" + contactId + "/messages/" + message.id());
        if (!"FAILED".equals(message.status())) {
            return ResponseEntity.created(location).body(message);
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The message was not sent: " + message.errorMessage());
        problem.setType(URI.create("https://hotline.dev/problems/message-not-sent"));
        problem.setProperty("code", "message-not-sent");
        problem.setProperty("errorCode", message.errorCode());
        problem.setProperty("message", message);
        return ResponseEntity.unprocessableContent().location(location).body(problem);
    }

    /** The connected agent, supervisors and admins may read a conversation. */
    @Operation(summary = "The thread of a text contact")
    @GetMapping
    List<ConversationMessage> messages(@PathVariable String contactId, Authentication user) {
        ContactId id = ContactId.of(contactId);
        var contact = contacts.find(id).orElseThrow(() -> new NotFoundException("Contact", id));
        boolean steering = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.SUPERVISOR.authority()) || a.equals(Role.ADMIN.authority()));
        if (!steering && !user.getName().equals(contact.agent())) {
            throw new NotPermittedException("Conversation " + id + " belongs to another agent");
        }
        return conversations.messages(id);
    }
}
