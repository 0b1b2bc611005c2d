package dev.hotline.notification;

/** Whom a rule tells, relative to the ticket (see hotline.notification.audiences.*). */
enum Audience {
    /** the ticket's assignee */
    OWNER,
    /** the owner's supervisor; every supervisor when the ticket has no owner or the owner no supervisor */
    SUPERVISOR,
    /** managers without a department (总经理) */
    GENERAL_MANAGER,
    /** the head of the ticket's responsible department */
    DEPARTMENT_HEAD
}
