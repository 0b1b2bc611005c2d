-- ARGV: P, contact, agent, now, reason, attempts (at most), retryMs
-- The call-back an agent accepted did not connect. The agent is free at once (no conversation to wrap up). The
-- contact goes back to its queue at its place (its score is unchanged): at once when the agent's side failed (the
-- agent's phone busy or unanswered: another agent may place it), after retryMs when the customer was not reached,
-- which counts as one of the attempts; after the last attempt it ends FAILED ('callback-not-reached').
-- Returns {} when this is no unanswered callback of this agent, else
-- {'OK', fromState, toState, queue, what ('requeued', 'retry' or 'closed'), attemptsMade, retryAt}.
local c, a, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local h = redis.call('HMGET', ckey(c), 'state', 'agent', 'cb', 'answered', 'queue', 'score', 'cbn', 'cbp')
if h[1] ~= 'ASSIGNED' or h[2] ~= a or not h[3] or h[3] == '' or (h[4] and h[4] ~= '') then return {} end
if redis.call('SREM', akey(a) .. ':c', c) == 1 then
  redis.call('HINCRBY', akey(a), 'vuse', -1)
end
local reason = ARGV[5]
local agentSide = string.sub(reason, 1, 6) == 'agent-'
local made = num(h[7]) + (agentSide and 0 or 1)
local what, retryAt = 'requeued', ''
if not agentSide and made >= tonumber(ARGV[6]) then
  what = 'closed'
  redis.call('DEL', ckey(c), ckey(c) .. ':o', ckey(c) .. ':x')
  redis.call('HSET', ckey(c), 'state', 'GONE', 'agent', '')
  redis.call('PEXPIRE', ckey(c), 86400000)
  journal(c, 'CALLBACK_MISSED', now, a, { 'r', reason .. ', attempt ' .. made .. ' of ' .. ARGV[6] })
  journal(c, 'ENDED', now, '', { 'o', 'FAILED', 'r', 'callback-not-reached: ' .. h[3] .. ' (' .. reason .. ', '
    .. made .. ' attempts)' })
else
  redis.call('HSET', ckey(c), 'state', 'WAITING', 'agent', '', 'cbn', made)
  redis.call('DEL', ckey(c) .. ':x')
  if agentSide then
    redis.call('ZADD', P .. 'q:' .. h[5] .. ':wait', h[6], c)
    journal(c, 'CALLBACK_MISSED', now, a, { 'r', reason .. ', back in the queue at its place' })
  else
    what = 'retry'
    retryAt = tostring(now + tonumber(ARGV[7]))
    -- waiting, but out of the queue's ordered set until the pause is over (callback-due.lua puts it back)
    redis.call('ZADD', P .. 'callbacks:due', retryAt, c)
    journal(c, 'CALLBACK_MISSED', now, a, { 'r', reason .. ', attempt ' .. made .. ' of ' .. ARGV[6]
      .. ', next try in ' .. math.floor(tonumber(ARGV[7]) / 1000) .. ' s' })
  end
end
local u = redis.call('HMGET', akey(a), 'vuse', 'tuse', 'state', 'offer')
local from = u[3]
if from == 'BUSY' and num(u[1]) + num(u[2]) == 0 and (not u[4] or u[4] == '') then settle(a, now) end
refresh(a)
return { 'OK', from or 'OFFLINE', redis.call('HGET', akey(a), 'state') or 'OFFLINE', h[5], what, tostring(made), retryAt }
