/** RingClock, the three-ring rule and escalation, real-time queue statistics and reports. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "contact", "routing"})
package dev.hotline.servicelevel;
