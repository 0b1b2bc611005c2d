package dev.hotline.contact;

/**
 * Who started the contact: the customer (INBOUND: calls, messages, letters, visits) or an agent calling the customer
 * back (OUTBOUND: click-to-call for return visits, call-backs and phone surveys). Outbound calls are on the customer's
 * archive and in the agent's figures, but never in the inbound three-ring service level: nobody waited for them.
 */
public enum ContactDirection {
    INBOUND, OUTBOUND
}
