/**
 * Notifications: escalations of tickets reach the people who must act (owner, supervisor, general manager,
 * department head) in the console, by e-mail and by SMS, once per event and person, retried until delivered.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ticket", "contact", "customer"})
package dev.hotline.notification;
