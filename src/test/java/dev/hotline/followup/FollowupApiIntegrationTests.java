package dev.hotline.followup;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API: roles, validation problems, and the public survey link (forged, reused, expired). */
@SpringBootTest
@AutoConfigureMockMvc
class FollowupApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Surveys surveys;
    @Autowired
    SurveyTokens tokens;

    private static final String ANSWER = """
            {"quality":"GOOD","delivery":"GOOD","service":"FAIR","price":"GOOD","packaging":"GOOD","comment":"不错"}""";

    @Test
    void supervisorsPlanAndAssignAgentsWorkTheirOwnAndThePool() throws Exception {
        long customer = FollowupFixtures.customer(jdbc, "REGULAR", Instant.now());
        String due = LocalDate.now().minusDays(1).toString();
        String body = "{\"customerId\":" + customer + ",\"dueOn\":\"" + due + "\",\"note\":\"年度回访\"}";

        mvc.perform(post("/api/followup/visits").with(user("agent.a").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/followup/visits").with(user("sup.li").roles("SUPERVISOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dueOn\":\"" + due + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.customerId").exists());
        mvc.perform(post("/api/followup/visits").with(user("sup.li").roles("SUPERVISOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":999999999,\"dueOn\":\"" + due + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.customerId").exists());

        String json = mvc.perform(post("/api/followup/visits").with(user("sup.li").roles("SUPERVISOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reason").value("MANUAL"))
                .andExpect(jsonPath("$.assignee").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();

        // in the pool: every agent sees it as overdue; agent.a takes it, then agent.b no longer sees or works it
        mvc.perform(get("/api/followup/visits").param("view", "OVERDUE").with(user("agent.b").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));
        mvc.perform(put("/api/followup/visits/{id}/assignee", id).with(user("agent.a").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"agent.a\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value("agent.a"));
        mvc.perform(get("/api/followup/visits").param("view", "OVERDUE").with(user("agent.b").roles("AGENT")))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))))
                .andExpect(jsonPath("$[*].assignee", everyItem(isOneOf("agent.b", null))));
        mvc.perform(post("/api/followup/visits/{id}/outcome", id).with(user("agent.b").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"PHONE\",\"outcome\":\"SATISFIED\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/followup/visits/{id}/outcome", id).with(user("agent.a").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"TELEPATHY\",\"outcome\":\"SATISFIED\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/followup/visits/{id}/outcome", id).with(user("agent.a").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"ON_SITE\",\"outcome\":\"SATISFIED\",\"note\":\"设备运行良好\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.doneBy").value("agent.a"));
        mvc.perform(post("/api/followup/visits/{id}/outcome", id).with(user("agent.a").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"PHONE\",\"outcome\":\"SATISFIED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("visit-closed"));

        mvc.perform(get("/api/followup/visits/coverage").with(user("agent.a").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/followup/visits/coverage").with(user("sup.li").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requiredPercent").value(5.0));
        mvc.perform(post("/api/followup/visits/planning").with(user("sup.li").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/followup/visits/planning").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void thePublicLinkAnswersOnceWithoutLoginAndReachesNothingElse() throws Exception {
        long customer = FollowupFixtures.customer(jdbc, "REGULAR", Instant.now());
        var survey = surveys.open(customer, null, null, new FollowupActor("agent.a", false));
        String token = token(survey.id());

        mvc.perform(get("/public/survey").param("token", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expiresAt").exists());
        mvc.perform(post("/public/survey").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"answer\":{\"quality\":\"GOOD\"}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/public/survey").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"answer\":" + ANSWER + "}"))
                .andExpect(status().isNoContent());
        assertThat(surveys.find(survey.id())).satisfies(s -> {
            assertThat(s.status()).isEqualTo("ANSWERED");
            assertThat(s.channel()).isEqualTo(SurveyChannel.WEB);
            assertThat(s.score()).isEqualByComparingTo("92");
            assertThat(s.comment()).isEqualTo("不错");
        });

        // reused: refused, and the stored answer stays as it was
        mvc.perform(post("/public/survey").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\",\"answer\":" + ANSWER.replace("FAIR", "POOR") + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("survey-answered"));
        mvc.perform(get("/public/survey").param("token", token))
                .andExpect(status().isConflict());
        assertThat(surveys.find(survey.id()).score()).isEqualByComparingTo("92");

        // nothing else is reachable with or without the link
        mvc.perform(get("/api/followup/surveys/{id}", survey.id()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/followup/visits").param("token", token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aForgedOrExpiredLinkIsAClearProblemAndChangesNothing() throws Exception {
        long customer = FollowupFixtures.customer(jdbc, "REGULAR", Instant.now());
        var survey = surveys.open(customer, null, null, new FollowupActor("agent.a", false));
        String token = token(survey.id());
        String[] parts = token.split("\\.");
        String forgedExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2] + "." + parts[3];
        String otherSurvey = (survey.id() + 1) + "." + parts[1] + "." + parts[2] + "." + parts[3];

        for (String forged : new String[]{forgedExpiry, otherSurvey, "x.y.z", token + "A"}) {
            mvc.perform(post("/public/survey").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"token\":\"" + forged + "\",\"answer\":" + ANSWER + "}"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        // correctly signed with the real nonce but for an expiry that has passed
        var past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("update survey set expires_at = ? where id = ?", Timestamp.from(past), survey.id());
        String expired = token(survey.id());
        mvc.perform(get("/public/survey").param("token", expired))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("survey-expired"));
        mvc.perform(post("/public/survey").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + expired + "\",\"answer\":" + ANSWER + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("survey-expired"));
        assertThat(surveys.find(survey.id()).status()).isEqualTo("INVITED");
        assertThat(surveys.find(survey.id()).score()).isNull();
    }

    private String token(long surveyId) {
        String link = surveys.linkOf(surveyId);
        return link.substring(link.indexOf('#') + 1);
    }
}
