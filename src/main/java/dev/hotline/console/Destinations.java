package dev.hotline.console;

/** The STOMP destinations of the consoles (see README "Consoles"). */
final class Destinations {

    static final String OFFERS = "/queue/offers";
    static final String STATE = "/queue/state";
    static final String CONTACTS = "/queue/contacts";
    static final String ERRORS = "/queue/errors";
    /** Text conversations (SMS, WhatsApp) of the agent's active contacts. */
    static final String MESSAGES = "/queue/messages";
    /** Escalations for this person (every role), see the notification module. */
    static final String NOTIFICATIONS = "/queue/notifications";
    static final String WALLBOARD = "/topic/wallboard";
    static final String ALERTS = "/topic/alerts";

    private Destinations() {
    }
}
