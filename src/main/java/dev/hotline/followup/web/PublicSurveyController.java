package dev.hotline.followup.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.hotline.followup.PublicSurvey;
import dev.hotline.followup.Surveys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The only endpoints the public survey page reaches, without login: the signed single-use link is the credential.
 * The token travels in the body or a parameter, never in the path, and the page keeps it in the URL fragment, so it
 * stays out of access logs.
 */
@Tag(name = "Public survey", description = "The customer's survey page behind a signed single-use link (no login)")
@RestController
@RequestMapping("/public/survey")
class PublicSurveyController {

    private final Surveys surveys;

    PublicSurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    record PublicAnswer(@NotBlank @Size(max = 200) String token,
                        @Valid SurveyController.AnswerRequest answer) {
    }

    @Operation(summary = "The survey behind a signed link (customer, no login)")
    @GetMapping
    PublicSurvey view(@RequestParam @Size(max = 200) String token) {
        return surveys.viewByToken(token);
    }

    @Operation(summary = "Answer the survey behind a signed link, once")
    @PostMapping
    ResponseEntity<Void> answer(@Valid @RequestBody PublicAnswer body) {
        if (body.answer() == null) {
            throw new dev.hotline.shared.InvalidInputException("answer", "The answers are missing");
        }
        surveys.answerByToken(body.token(), body.answer().answer());
        return ResponseEntity.noContent().build();
    }
}
