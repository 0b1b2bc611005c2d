-- Failed logins per account ('account:<name>', also for names nobody has) and per client address ('address:<ip>'):
-- the count within the window, when the next attempt may come, and until when the subject is locked (epoch millis).
create table login_throttle (
    subject         varchar(320) not null primary key,
    failures        int          not null,
    window_start    bigint       not null,
    next_attempt_at bigint       not null default 0,
    locked_until    bigint       not null default 0
);

-- Security events worth a later look (locks, unlocks): append-only.
create table security_audit (
    id      bigint       not null auto_increment primary key,
    at      timestamp(6) not null,
    event   varchar(40)  not null,
    subject varchar(320) not null,
    actor   varchar(64),
    detail  varchar(500)
);
