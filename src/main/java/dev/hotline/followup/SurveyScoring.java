package dev.hotline.followup;

import dev.hotline.shared.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The 0–100 score of an answered survey: the weighted mean of the points of each dimension's level,
 * {@code score = Σ weight(d) · points(level(d)) / Σ weight(d)}, rounded half-up to two decimals. With the defaults
 * (GOOD 100, FAIR 60, POOR 0, equal weights) all GOOD is 100, one FAIR among GOOD is 92. A score below
 * {@code notSatisfiedBelow} means the customer is not satisfied.
 */
public final class SurveyScoring {

    private final FollowupProperties.Survey rules;

    public SurveyScoring(FollowupProperties.Survey rules) {
        this.rules = rules;
    }

    /** The score of a complete answer; every dimension must have a level. */
    public BigDecimal score(Map<Dimension, Level> answers) {
        long weighted = 0;
        long weights = 0;
        for (var dimension : Dimension.values()) {
            var level = answers.get(dimension);
            if (level == null) {
                throw new InvalidInputException(dimension.name().toLowerCase(), "Every dimension needs an answer");
            }
            int weight = rules.weights().getOrDefault(dimension, 0);
            weighted += (long) weight * points(level);
            weights += weight;
        }
        return BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    }

    public boolean satisfied(BigDecimal score) {
        return score.doubleValue() >= rules.notSatisfiedBelow();
    }

    private int points(Level level) {
        return switch (level) {
            case GOOD -> rules.goodPoints();
            case FAIR -> rules.fairPoints();
            case POOR -> rules.poorPoints();
        };
    }
}
