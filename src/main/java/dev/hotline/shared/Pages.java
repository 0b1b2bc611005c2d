package dev.hotline.shared;

import org.springframework.data.domain.PageRequest;

/**
 * A page of a list as the API asks for it: the size kept between 1 and the endpoint's maximum, and a page whose first
 * row lies past what a database offset can address refused as bad input (it overflowed into a 500 before).
 */
public final class Pages {

    private Pages() {
    }

    public static PageRequest of(int page, int size, int maxSize) {
        int rows = Math.min(maxSize, Math.max(1, size));
        int number = Math.max(0, page);
        if ((long) number * rows > Integer.MAX_VALUE - rows) {
            throw new InvalidInputException("page", "Page " + page + " of " + rows + " rows is past any list");
        }
        return PageRequest.of(number, rows);
    }
}
