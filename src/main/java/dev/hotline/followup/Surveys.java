package dev.hotline.followup;

import dev.hotline.customer.CustomerDirectory;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.ticket.TicketClosed;
import dev.hotline.ticket.TicketManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Satisfaction surveys (001 §十, 003 §3.7): invited after a ticket closes or opened by an agent during a call or a
 * visit; answered on the phone (agent), on the public page (signed single-use link) or by an SMS digit reply. An
 * answer is taken at most once: the update only matches a survey still INVITED and not expired.
 */
@Service
public class Surveys {

    private final JdbcTemplate jdbc;
    private final SurveyScoring scoring;
    private final SurveyTokens tokens;
    private final CustomerDirectory customers;
    private final TicketManagement tickets;
    private final Dissatisfaction dissatisfaction;
    private final ApplicationEventPublisher events;
    private final FollowupProperties.Survey rules;
    private final Clock clock;

    Surveys(JdbcTemplate jdbc, SurveyScoring scoring, SurveyTokens tokens, CustomerDirectory customers,
            TicketManagement tickets, Dissatisfaction dissatisfaction, ApplicationEventPublisher events, FollowupProperties properties,
            ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.scoring = scoring;
        this.tokens = tokens;
        this.customers = customers;
        this.tickets = tickets;
        this.dissatisfaction = dissatisfaction;
        this.events = events;
        this.rules = properties.survey();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Invites the customer of a closed ticket (once per ticket) and asks the messaging adapter to text the link. */
    @Transactional
    public Optional<SurveyView> inviteAfterTicket(TicketClosed closed) {
        if (closed.customerId() == null || closed.type() == null) {
            return Optional.empty();
        }
        Long existing = jdbc.query("select id from survey where ticket_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, closed.ticketId());
        if (existing != null) {
            return Optional.empty();
        }
        var survey = insert(closed.customerId(), closed.ticketId(), closed.number(), null);
        publishInvitation(survey);
        return Optional.of(survey);
    }

    /** An agent opens a survey to fill in while talking to the customer (no link is sent). */
    @Transactional
    public SurveyView open(long customerId, Long ticketId, Long visitTaskId, FollowupActor actor) {
        if (customers.find(customerId).isEmpty()) {
            throw new InvalidInputException("customerId", "No customer " + customerId);
        }
        String number = null;
        if (ticketId != null) {
            var ticket = tickets.find(ticketId)
                    .orElseThrow(() -> new InvalidInputException("ticketId", "No ticket " + ticketId));
            number = ticket.number();
        }
        return insert(customerId, ticketId, number, visitTaskId);
    }

    /** The agent records the answers given on the phone. */
    @Transactional
    public SurveyView answerByAgent(long surveyId, SurveyAnswer answer, FollowupActor actor) {
        find(surveyId);
        return answer(surveyId, answer, SurveyChannel.PHONE, actor.name());
    }

    /** What the public page shows for a link; refuses a forged, used or expired link with a clear problem. */
    public PublicSurvey viewByToken(String token) {
        var survey = checkToken(token);
        return new PublicSurvey(survey.ticketNumber(), survey.expiresAt());
    }

    /** The customer answers on the public page. */
    @Transactional
    public void answerByToken(String token, SurveyAnswer answer) {
        var survey = checkToken(token);
        answer(survey.id(), answer, SurveyChannel.WEB, "customer");
    }

    /**
     * An SMS from {@code phone}: when it is a digit reply and the number has an open survey, the newest one is
     * answered. Empty when the text is not a survey reply (it is then an ordinary message).
     */
    @Transactional
    public Optional<SurveyView> answerByDigits(String phone, String text) {
        var answer = SurveyAnswer.ofDigits(text);
        if (answer == null || phone == null) {
            return Optional.empty();
        }
        Long id = jdbc.query("""
                select id from survey where phone = ? and status = 'INVITED' and expires_at > ?
                order by created_at desc, id desc limit 1""", rs -> rs.next() ? rs.getLong(1) : null,
                phone, Timestamp.from(clock.instant()));
        return id == null ? Optional.empty() : Optional.of(answer(id, answer, SurveyChannel.SMS, phone));
    }

    /** A customer's surveys, newest first (answered ones by their answer, open ones by their invitation). */
    public java.util.List<SurveyView> ofCustomer(long customerId, int limit) {
        return jdbc.query("select " + SurveyRows.COLUMNS + " from survey where customer_id = ?"
                + " order by coalesce(answered_at, created_at) desc, id desc limit ?", SurveyRows.MAPPER, customerId, limit);
    }

    public SurveyView find(long id) {
        var rows = jdbc.query("select " + SurveyRows.COLUMNS + " from survey where id = ?", SurveyRows.MAPPER, id);
        if (rows.isEmpty()) {
            throw new NotFoundException("survey", id);
        }
        return rows.get(0);
    }

    /** The public link of a survey: the page, with the signed token in the fragment (never sent to a server log). */
    String linkOf(long surveyId) {
        var survey = find(surveyId);
        String nonce = jdbc.queryForObject("select token_nonce from survey where id = ?", String.class, surveyId);
        return rules.publicBaseUrl() + "/survey.html#" + tokens.sign(surveyId, survey.expiresAt(), nonce);
    }

    private SurveyView answer(long surveyId, SurveyAnswer answer, SurveyChannel channel, String by) {
        var levels = answer.levels();
        var score = scoring.score(levels);
        boolean satisfied = scoring.satisfied(score);
        Instant now = clock.instant();
        String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        if (comment != null && comment.length() > 2000) {
            throw new InvalidInputException("comment", "At most 2000 characters");
        }
        int updated = jdbc.update("""
                update survey set status = 'ANSWERED', channel = ?, answered_at = ?, answered_by = ?, quality = ?,
                       delivery = ?, service = ?, price = ?, packaging = ?, score = ?, satisfied = ?, comment = ?
                where id = ? and status = 'INVITED' and expires_at > ?""",
                channel.name(), Timestamp.from(now), by, levels.get(Dimension.QUALITY).name(),
                levels.get(Dimension.DELIVERY).name(), levels.get(Dimension.SERVICE).name(),
                levels.get(Dimension.PRICE).name(), levels.get(Dimension.PACKAGING).name(), score, satisfied,
                comment, surveyId, Timestamp.from(now));
        if (updated == 0) {
            throw refusal(find(surveyId), now);
        }
        var survey = find(surveyId);
        if (!satisfied) {
            dissatisfaction.notSatisfied(survey.customerId(), survey.ticketId(), surveyId, survey.visitTaskId(),
                    score.doubleValue(), comment, by, now);
        }
        return survey;
    }

    private SurveyView checkToken(String token) {
        var claims = tokens.verify(token);
        if (claims == null) {
            throw new NotFoundException("survey link", "?");
        }
        var rows = jdbc.query("select " + SurveyRows.COLUMNS + " from survey where id = ? and token_nonce = ?",
                SurveyRows.MAPPER, claims.surveyId(), claims.nonce());
        if (rows.isEmpty() || !rows.get(0).expiresAt().equals(claims.expiresAt())) {
            throw new NotFoundException("survey link", "?");
        }
        var survey = rows.get(0);
        var refusal = refusal(survey, clock.instant());
        if (refusal != null) {
            throw refusal;
        }
        return survey;
    }

    /** Why a survey cannot take an answer now, or null when it can. */
    private static ConflictException refusal(SurveyView survey, Instant now) {
        if (!"INVITED".equals(survey.status())) {
            return new ConflictException("survey-answered", "This survey has already been answered");
        }
        if (!now.isBefore(survey.expiresAt())) {
            return new ConflictException("survey-expired", "This survey link has expired");
        }
        return null;
    }

    private SurveyView insert(long customerId, Long ticketId, String ticketNumber, Long visitTaskId) {
        Instant now = clock.instant();
        // whole seconds: the link carries the expiry in epoch seconds and must match the stored one exactly
        Instant expires = now.plus(rules.linkValidity()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String phone = customers.find(customerId).flatMap(c -> c.phones().stream().findFirst()).orElse(null);
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into survey (customer_id, ticket_id, ticket_number, visit_task_id, phone, status,
                                        token_nonce, created_at, expires_at)
                    values (?, ?, ?, ?, ?, 'INVITED', ?, ?, ?)""", new String[]{"id"});
            ps.setLong(1, customerId);
            ps.setObject(2, ticketId);
            ps.setString(3, ticketNumber);
            ps.setObject(4, visitTaskId);
            ps.setString(5, phone);
            ps.setString(6, tokens.newNonce());
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setTimestamp(8, Timestamp.from(expires));
            return ps;
        }, keys);
        return find(keys.getKey().longValue());
    }

    private void publishInvitation(SurveyView survey) {
        String phone = jdbc.queryForObject("select phone from survey where id = ?", String.class, survey.id());
        events.publishEvent(new SurveyInvited(survey.id(), survey.customerId(), phone, linkOf(survey.id()),
                survey.ticketNumber(), survey.expiresAt()));
    }
}
