package dev.hotline.shared;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Failures that mean a store the hotline needs (Redis, the database) is not reachable for a moment: the caller gets a
 * 503 problem with Retry-After, not a 500, so consoles and integrations know to try again.
 */
public final class Outages {

    public static final String CODE = "unavailable";
    public static final String DETAIL = "A store the hotline needs is not reachable right now; try again in a moment";
    public static final int RETRY_AFTER_SECONDS = 2;

    private Outages() {
    }

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JedisConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }
}
