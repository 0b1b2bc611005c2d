package dev.hotline.followup;

import dev.hotline.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static dev.hotline.followup.Level.FAIR;
import static dev.hotline.followup.Level.GOOD;
import static dev.hotline.followup.Level.POOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The score formula, the digit replies and the signed links, without Spring. */
class SurveyRulesTests {

    private static FollowupProperties.Survey rules(Map<Dimension, Integer> weights) {
        return new FollowupProperties.Survey(100, 60, 0, weights, 60, 90, Duration.ofDays(7), "", "", "");
    }

    private static Map<Dimension, Level> levels(Level q, Level d, Level s, Level p, Level k) {
        var map = new EnumMap<Dimension, Level>(Dimension.class);
        map.put(Dimension.QUALITY, q);
        map.put(Dimension.DELIVERY, d);
        map.put(Dimension.SERVICE, s);
        map.put(Dimension.PRICE, p);
        map.put(Dimension.PACKAGING, k);
        return map;
    }

    @Test
    void equalWeightsGiveTheMeanOfThePoints() {
        var scoring = new SurveyScoring(rules(null));
        assertThat(scoring.score(levels(GOOD, GOOD, GOOD, GOOD, GOOD))).isEqualByComparingTo("100");
        // (60 + 4·100) / 5
        assertThat(scoring.score(levels(FAIR, GOOD, GOOD, GOOD, GOOD))).isEqualByComparingTo("92");
        // (0 + 0 + 60 + 100 + 100) / 5
        assertThat(scoring.score(levels(POOR, POOR, FAIR, GOOD, GOOD))).isEqualByComparingTo("52");
        assertThat(scoring.satisfied(new BigDecimal("52"))).isFalse();
        assertThat(scoring.satisfied(new BigDecimal("60"))).isTrue();
    }

    @Test
    void weightsShiftTheScoreTowardsTheHeavierDimensions() {
        var weights = new EnumMap<Dimension, Integer>(Dimension.class);
        weights.put(Dimension.QUALITY, 3);
        weights.put(Dimension.DELIVERY, 1);
        weights.put(Dimension.SERVICE, 1);
        weights.put(Dimension.PRICE, 0);
        weights.put(Dimension.PACKAGING, 0);
        // (3·0 + 100 + 60) / 5 = 32; price and packaging do not count
        assertThat(new SurveyScoring(rules(weights)).score(levels(POOR, GOOD, FAIR, POOR, POOR)))
                .isEqualByComparingTo("32");
        // (3·60 + 100 + 100) / 5 = 76, rounded to two decimals: 76.00
        assertThat(new SurveyScoring(rules(weights)).score(levels(FAIR, GOOD, GOOD, GOOD, GOOD)))
                .isEqualByComparingTo("76.00");
    }

    @Test
    void aMissingDimensionIsRefused() {
        var partial = levels(GOOD, GOOD, GOOD, GOOD, GOOD);
        partial.remove(Dimension.PACKAGING);
        assertThatThrownBy(() -> new SurveyScoring(rules(null)).score(partial))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension");
    }

    @Test
    void digitRepliesAreFiveLevelsInDimensionOrder() {
        var answer = SurveyAnswer.ofDigits(" 1 2 1 3 1 包装盒有点破 ");
        assertThat(answer.levels()).isEqualTo(levels(GOOD, FAIR, GOOD, POOR, GOOD));
        assertThat(answer.comment()).isEqualTo("包装盒有点破");
        assertThat(SurveyAnswer.ofDigits("11111").comment()).isNull();
        assertThat(SurveyAnswer.ofDigits("1,1,2,1,1").levels().get(Dimension.SERVICE)).isEqualTo(FAIR);
        assertThat(SurveyAnswer.ofDigits("1111")).isNull();
        assertThat(SurveyAnswer.ofDigits("111111")).isNull();
        assertThat(SurveyAnswer.ofDigits("11411")).isNull();
        assertThat(SurveyAnswer.ofDigits("hello")).isNull();
        assertThat(SurveyAnswer.ofDigits(null)).isNull();
    }

    @Test
    void aSignedLinkVerifiesAndAnyTamperingIsRefused() {
        var tokens = new SurveyTokens("secret-of-the-test");
        var expires = Instant.parse("2030-01-01T00:00:00Z");
        String nonce = tokens.newNonce();
        String token = tokens.sign(42, expires, nonce);

        assertThat(tokens.verify(token)).isEqualTo(new SurveyTokens.Claims(42, expires, nonce));
        assertThat(tokens.verify(token.replaceFirst("^42\\.", "43."))).isNull();
        String[] parts = token.split("\\.");
        assertThat(tokens.verify(parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2] + "." + parts[3]))
                .isNull();
        assertThat(tokens.verify(token + "x")).isNull();
        assertThat(tokens.verify("garbage")).isNull();
        assertThat(new SurveyTokens("another-key").verify(token)).isNull();
    }

    @Test
    void twoNodesWithTheConfiguredSecretAcceptEachOthersLinksAndNodesWithoutOneDoNot() {
        String shared = "a-cluster-wide-secret-of-32-chars!!";
        var nodeA = new SurveyTokens(shared);
        var nodeB = new SurveyTokens(shared);
        var expires = Instant.parse("2030-01-01T00:00:00Z");
        String fromA = nodeA.sign(7, expires, nodeA.newNonce());
        String fromB = nodeB.sign(8, expires, nodeB.newNonce());

        assertThat(nodeB.verify(fromA)).isNotNull().extracting(SurveyTokens.Claims::surveyId).isEqualTo(7L);
        assertThat(nodeA.verify(fromB)).isNotNull().extracting(SurveyTokens.Claims::surveyId).isEqualTo(8L);
        // no secret configured: each node signs with its own random key, so the other refuses the link
        var lonelyA = new SurveyTokens("");
        var lonelyB = new SurveyTokens(null);
        assertThat(lonelyA.verify(lonelyA.sign(9, expires, "n"))).isNotNull();
        assertThat(lonelyB.verify(lonelyA.sign(9, expires, "n"))).isNull();
    }
}
