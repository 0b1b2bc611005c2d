package dev.hotline.followup;

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
        return new SurveyTokens(properties.survey().tokenSecret());
    }
}
