/** Telephony adapters only: asterisk (AMI, FastAGI) and twilio (webhooks, REST). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "contact", "routing", "followup", "notification"})
package dev.hotline.telephony;
