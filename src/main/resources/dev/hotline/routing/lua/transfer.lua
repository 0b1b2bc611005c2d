-- ARGV: P, contact, agent, now, wrapMs, toQueue, toAgent, ringMs, reofferPauseMs
-- The agent connected to a call hands it on (blind transfer): to another queue, where it waits at its original place
-- (arrival and priority kept), or straight to a named agent's console. The transferring agent is freed (WRAP_UP after
-- its last contact). A held call stops being held. No escalation restarts: the caller was answered once already.
-- A named agent who does not take it leaves the call waiting in its queue, first in line for everyone else there.
-- Returns {'ERR', why} (gone, not-yours, not-connected, agent-not-free, same-agent) or
-- {'OK', fromQueue, toQueue, channel, provider, externalId, fromState, toState, wrapDeadline, heldMillis, offer...}
local c, a, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local toQueue, toAgent = ARGV[6], ARGV[7]
local h = redis.call('HMGET', ckey(c), 'queue', 'state', 'agent', 'answered', 'kind', 'score', 'held', 'channel',
  'provider', 'ext')
if not h[1] or h[2] == 'GONE' or h[2] == 'DONE' then return { 'ERR', 'gone' } end
if h[2] ~= 'ASSIGNED' or h[3] ~= a or redis.call('SISMEMBER', akey(a) .. ':c', c) == 0 then
  return { 'ERR', 'not-yours' }
end
if not h[4] or h[4] == '' then return { 'ERR', 'not-connected' } end
if toAgent ~= '' then
  if toAgent == a then return { 'ERR', 'same-agent' } end
  if not fits(toAgent, h[5]) then return { 'ERR', 'agent-not-free' } end
end
if toQueue == '' then toQueue = h[1] end
-- the hold ends with the transfer
local heldMs = 0
if h[7] and h[7] ~= '' then
  heldMs = math.max(0, now - num(h[7]))
  redis.call('HINCRBY', ckey(c), 'heldms', heldMs)
  journal(c, 'RESUMED', now, a, { 'r', tostring(heldMs) })
end
-- the transferring agent lets go
redis.call('SREM', akey(a) .. ':c', c)
redis.call('HINCRBY', akey(a), h[5] == 'v' and 'vuse' or 'tuse', -1)
local from, deadline = wrapUpIfIdle(a, now, tonumber(ARGV[5]))
refresh(a)
-- the transferring agent is not offered it back before anyone else
redis.call('ZADD', ckey(c) .. ':x', now, a)
-- 'answered' is the current agent's answer (the next agent's is recorded again); 'handed' keeps that it was answered,
-- so a caller who hangs up before the next agent answers ends an answered call, not an abandoned one
redis.call('HSET', ckey(c), 'queue', toQueue, 'state', 'WAITING', 'agent', '', 'answered', '', 'held', '',
  'handed', h[4])
journal(c, 'TRANSFERRED', now, a, { 'q', toQueue, 'r', h[1] })
local out = { 'OK', h[1], toQueue, h[8] or '', h[9] or '', h[10] or '', from or '', redis.call('HGET', akey(a), 'state'),
  deadline, tostring(heldMs) }
if toAgent ~= '' then
  append(out, offer(c, toAgent, now, now + tonumber(ARGV[8]), false))
else
  redis.call('ZADD', P .. 'q:' .. toQueue .. ':wait', h[6], c)
  append(out, match(toQueue, now, tonumber(ARGV[8]), 1000000, tonumber(ARGV[9])))
end
return out
