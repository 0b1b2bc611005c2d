package dev.hotline.shared;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.List;

/**
 * Failures that mean a store the hotline needs (Redis, the database) is not reachable for a moment: the caller gets a
 * 503 problem with Retry-After, not a 500, so consoles and integrations know to try again.
 */
public final class Outages {

    public static final String CODE = "unavailable";
    public static final String DETAIL = "A store the hotline needs is not reachable right now; try again in a moment";
    public static final int RETRY_AFTER_SECONDS = 2;

    /**
     * Replies of a Redis that is up but cannot serve yet: LOADING while it reads its AOF back after a restart (a soak
     * run saw 321 requests answered 500 in the second it took), MASTERDOWN/TRYAGAIN around a replica or failover.
     */
    private static final List<String> NOT_SERVING_YET = List.of("LOADING", "MASTERDOWN", "TRYAGAIN");

    private Outages() {
    }

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JedisConnectionException || t instanceof JedisBusyException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof JedisDataException data && notServingYet(data.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean notServingYet(String reply) {
        return reply != null && NOT_SERVING_YET.stream().anyMatch(reply::startsWith);
    }
}
