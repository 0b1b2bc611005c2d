package dev.hotline.followup;

import java.util.EnumMap;
import java.util.Map;

/** The customer's five levels and optional free text. */
public record SurveyAnswer(Level quality, Level delivery, Level service, Level price, Level packaging,
                           String comment) {

    Map<Dimension, Level> levels() {
        var map = new EnumMap<Dimension, Level>(Dimension.class);
        put(map, Dimension.QUALITY, quality);
        put(map, Dimension.DELIVERY, delivery);
        put(map, Dimension.SERVICE, service);
        put(map, Dimension.PRICE, price);
        put(map, Dimension.PACKAGING, packaging);
        return map;
    }

    /**
     * An SMS reply of five digits 1–3 in dimension order (spaces and separators ignored), e.g. "11211"; null when the
     * text is not such a reply. Anything after the digits is kept as the comment.
     */
    static SurveyAnswer ofDigits(String text) {
        if (text == null) {
            return null;
        }
        var levels = new Level[5];
        int n = 0;
        int i = 0;
        String s = text.strip();
        for (; i < s.length() && n < 5; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == '-' || c == '，') {
                continue;
            }
            Level level = Level.ofDigit(c);
            if (level == null) {
                return null;
            }
            levels[n++] = level;
        }
        if (n < 5 || (i < s.length() && Character.isDigit(s.charAt(i)))) {
            return null;
        }
        String rest = s.substring(i).strip();
        return new SurveyAnswer(levels[0], levels[1], levels[2], levels[3], levels[4], rest.isEmpty() ? null : rest);
    }

    private static void put(Map<Dimension, Level> map, Dimension d, Level level) {
        if (level != null) {
            map.put(d, level);
        }
    }
}
