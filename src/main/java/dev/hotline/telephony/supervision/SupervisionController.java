package dev.hotline.telephony.supervision;

import dev.hotline.shared.ContactId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Supervisor listen / whisper / barge (issue 19). Joining is for supervisors and admins only; the log of every join
 * is readable by them and by managers, who answer for it.
 */
@Tag(name = "Supervision", description = "Supervisors listen to, whisper to or barge into live calls; every join is logged")
@RestController
class SupervisionController {

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    /** @param phone what to ring instead of the supervisor's own extension or phone on record */
    record JoinRequest(SupervisionMode mode, @Size(max = 60) String phone) {
    }

    @Operation(summary = "Ring the supervisor's phone and join a connected call to listen, whisper or barge")
    @PostMapping("/api/supervision/calls/{contactId}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    ResponseEntity<SupervisionLog.Entry> join(@PathVariable String contactId,
                                              @jakarta.validation.Valid @RequestBody JoinRequest body,
                                              Authentication auth) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(supervision.join(auth.getName(), ContactId.of(contactId), body.mode(), body.phone()));
    }

    @Operation(summary = "Connected calls a supervisor can join, with the supervision sessions open on them")
    @GetMapping("/api/supervision/calls")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    List<Supervision.LiveCall> liveCalls() {
        return supervision.liveCalls();
    }

    @Operation(summary = "The supervision log: who listened to, whispered to or barged into which call, and when")
    @GetMapping("/api/supervision/sessions")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
    List<SupervisionLog.Entry> sessions(@RequestParam(required = false) Long contact) {
        return supervision.recent(contact);
    }
}
