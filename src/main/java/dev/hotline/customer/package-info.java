/** Customer archive (客户档案): customers, products owned, warranty and charging rules, timeline. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package dev.hotline.customer;
