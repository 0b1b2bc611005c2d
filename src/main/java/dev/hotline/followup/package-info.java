/** Return visits and satisfaction surveys. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "contact", "ticket", "customer"})
package dev.hotline.followup;
