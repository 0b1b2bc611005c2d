package dev.hotline.servicelevel;

import java.time.Instant;

/** Service level (three rings) of finished contacts since a moment, per queue or per agent. */
public interface ServiceLevels {

    ServiceLevel queue(String queue, Instant since);

    ServiceLevel agent(String agent, Instant since);
}
