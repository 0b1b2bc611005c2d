/**
 * Value types used everywhere (PhoneNumber, ids, Channel), domain errors, and infrastructure configuration.
 * Sub-packages (infra, security, web) are internal: other modules use only the root package.
 */
@org.springframework.modulith.ApplicationModule
package dev.hotline.shared;
