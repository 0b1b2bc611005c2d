/** Console adapters only: STOMP endpoints for agents and supervisors, REST for the browser console. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "routing", "contact", "servicelevel", "ticket", "customer", "followup", "notification"})
package dev.hotline.console;
