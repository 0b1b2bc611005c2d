/** The ACD: queues, agents, states, offers, ring-no-answer and overflow; live state in Redis. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "contact"})
package dev.hotline.routing;
