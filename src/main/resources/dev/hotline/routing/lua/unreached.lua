-- ARGV: P, contact, agent, now, reason
-- An outbound call that never connected agent and customer (the agent's phone busy or unanswered, the customer not
-- reached, the PBX or provider refused): the contact ends FAILED with the reason, and the agent is freed at once
-- (AVAILABLE: there was no conversation to wrap up). Only the calling agent's unanswered outbound call qualifies.
-- Returns {} when nothing changed (a repeat, answered, not outbound, not this agent's) or {'OK', fromState, toState}.
local c, a, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local h = redis.call('HMGET', ckey(c), 'state', 'agent', 'dir', 'answered')
if h[1] ~= 'ASSIGNED' or h[2] ~= a or h[3] ~= 'out' or (h[4] and h[4] ~= '') then return {} end
if redis.call('SREM', akey(a) .. ':c', c) == 1 then
  redis.call('HINCRBY', akey(a), 'vuse', -1)
end
redis.call('DEL', ckey(c))
redis.call('HSET', ckey(c), 'state', 'GONE', 'agent', a, 'dir', 'out')
redis.call('PEXPIRE', ckey(c), 86400000)
journal(c, 'ENDED', now, a, { 'o', 'FAILED', 'r', ARGV[5] })
local u = redis.call('HMGET', akey(a), 'vuse', 'tuse', 'state', 'offer')
local from = u[3]
if from == 'BUSY' and num(u[1]) + num(u[2]) == 0 and (not u[4] or u[4] == '') then settle(a, now) end
refresh(a)
return { 'OK', from or 'OFFLINE', redis.call('HGET', akey(a), 'state') or 'OFFLINE' }
