package dev.hotline.followup;

/** How an answer came in: the agent on the phone, the public page, or an SMS reply with digits. */
public enum SurveyChannel {
    PHONE, WEB, SMS
}
