package dev.hotline.shared;

import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures the caller should simply try again (503 + Retry-After) and which are a fault (500). */
class OutagesTests {

    @Test
    void aRedisStillLoadingItsAppendOnlyFileIsAnOutageNotAFault() {
        // the reply texts as Redis sends them (server.c shared.loadingerr, masterdownerr, cluster TRYAGAIN); Jedis
        // turns an error reply into a JedisDataException carrying the text without its leading '-'
        assertThat(Outages.isOutage(new JedisDataException("LOADING Redis is loading the dataset in memory"))).isTrue();
        assertThat(Outages.isOutage(new JedisDataException(
                "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("accept failed",
                new JedisDataException("TRYAGAIN Multiple keys request during rehashing of slot")))).isTrue();
        assertThat(Outages.isOutage(new JedisBusyException(
                "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE."))).isTrue();
        assertThat(Outages.isOutage(new JedisConnectionException("Failed to connect to 127.0.0.1:6379."))).isTrue();
    }

    @Test
    void aRefusedCommandOrABugIsNoOutage() {
        assertThat(Outages.isOutage(new JedisDataException(
                "WRONGTYPE Operation against a key holding the wrong kind of value"))).isFalse();
        assertThat(Outages.isOutage(new JedisDataException("ERR user_script:3: Script attempted to access nonexistent global variable"))).isFalse();
        assertThat(Outages.isOutage(new InvalidDataAccessApiUsageException("no transaction"))).isFalse();
        assertThat(Outages.isOutage(new JedisDataException((String) null))).isFalse();
    }
}
