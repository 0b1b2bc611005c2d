/** Tickets: complaint, repair and return flows with SLA deadlines and escalation. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "contact", "customer"})
package dev.hotline.ticket;
