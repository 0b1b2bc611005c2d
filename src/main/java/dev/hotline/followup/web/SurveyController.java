package dev.hotline.followup.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.hotline.followup.Level;
import dev.hotline.followup.SurveyAnswer;
import dev.hotline.followup.SurveyView;
import dev.hotline.followup.Surveys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The agent's side of surveys: open one during a call or visit and fill in what the customer says. */
@Tag(name = "Follow-up", description = "Return visits and satisfaction surveys")
@RestController
@RequestMapping("/api/followup/surveys")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class SurveyController {

    private final Surveys surveys;

    SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    record OpenRequest(@NotNull @Min(1) Long customerId, Long ticketId, Long visitTaskId) {
    }

    /** The five levels (all required) and an optional comment. */
    record AnswerRequest(@NotNull Level quality, @NotNull Level delivery, @NotNull Level service,
                         @NotNull Level price, @NotNull Level packaging, @Size(max = 2000) String comment) {

        SurveyAnswer answer() {
            return new SurveyAnswer(quality, delivery, service, price, packaging, comment);
        }
    }

    @Operation(summary = "Send a customer a satisfaction survey")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SurveyView open(@Valid @RequestBody OpenRequest body, Authentication auth) {
        return surveys.open(body.customerId(), body.ticketId(), body.visitTaskId(), Actors.of(auth));
    }

    @Operation(summary = "A survey with its answers")
    @GetMapping("/{id}")
    SurveyView get(@PathVariable long id) {
        return surveys.find(id);
    }

    @Operation(summary = "Record the answers an agent took on the phone")
    @PostMapping("/{id}/answer")
    SurveyView answer(@PathVariable long id, @Valid @RequestBody AnswerRequest body, Authentication auth) {
        return surveys.answerByAgent(id, body.answer(), Actors.of(auth));
    }
}
