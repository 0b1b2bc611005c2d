package dev.hotline.servicelevel;

import java.util.Map;

/**
 * The figures of one interval for one queue (agent null) or one agent (queue null), from the durable contact history.
 * Times in seconds; percentages 0–100 with two decimals, null when there is nothing to measure.
 *
 * @param offered             queues: contacts that arrived, less abandons shorter than the short-abandon time;
 *                            agents: offers that rang at the agent
 * @param serviceLevelPercent queues: answered in time / offered; agents: answered in time / answered
 * @param answeredInTime      answered within the target rings (3): the service level's numerator
 * @param ringsToAnswer       answered contacts by the ring they were answered on (the last key counts that ring and
 *                            later)
 * @param abandonedAfterRings abandoned contacts (short ones included) by the ring the caller hung up on
 * @param ringNoAnswers       offers that rang out at an agent
 * @param offers              offers made (to the agent, or to anyone for a queue)
 * @param occupancyPercent    agents only: time with a contact (ringing, talking, wrap-up) / time staffed (logged in
 *                            and not on break)
 */
public record ContactFigures(String interval, String queue, String agent, long offered, long answered,
                             long answeredInTime, Double serviceLevelPercent, Double averageRingsToAnswer,
                             Map<Integer, Long> ringsToAnswer, long abandoned, Map<Integer, Long> abandonedAfterRings,
                             long overflowed, Double asaSeconds, Double ahtSeconds, long ringNoAnswers, long offers,
                             Double occupancyPercent) {
}
