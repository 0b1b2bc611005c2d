package dev.hotline.followup;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The survey formula and the link signer from configuration. */
@Configuration(proxyBeanMethods = false)
class FollowupConfiguration {

    @Bean
    SurveyScoring surveyScoring(FollowupProperties properties) {
        return new SurveyScoring(properties.survey());
    }

    @Bean
    SurveyTokens surveyTokens(FollowupProperties properties) {
        String secret = properties.survey().tokenSecret();
        if (secret == null || secret.isBlank()) {
            // a key of this node only: another node refuses its links, and a restart kills every link already texted
            LoggerFactory.getLogger(SurveyTokens.class).warn("hotline.followup.survey.token-secret is empty: survey "
                    + "links are signed with a random key of this node and this start only. Set the same secret on "
                    + "every node of a cluster (env HOTLINE_FOLLOWUP_SURVEY_TOKEN_SECRET), at least 32 characters.");
        } else if (secret.length() < SurveyTokens.MIN_SECRET_LENGTH) {
            LoggerFactory.getLogger(SurveyTokens.class).warn("hotline.followup.survey.token-secret has only {} "
                    + "characters; use at least {} so survey links cannot be forged by guessing it", secret.length(),
                    SurveyTokens.MIN_SECRET_LENGTH);
        }
        return new SurveyTokens(secret);
    }
}
