package dev.hotline.followup;

/** How a visit was made (002 §三.4(6): 电话、信件、电子邮件, plus on site). */
public enum VisitChannel {
    PHONE, SMS, LETTER, EMAIL, ON_SITE
}
