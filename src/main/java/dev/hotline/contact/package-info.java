/** Contact lifecycle for every channel: ContactIntake API and the Contact* events. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package dev.hotline.contact;
