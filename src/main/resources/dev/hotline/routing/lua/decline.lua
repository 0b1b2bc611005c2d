-- ARGV: P, contact, agent, now, mode ('reject' or 'expire')
-- The agent rejected the offer, or its ring deadline passed (expire claims the timer: each expiry is handled once).
-- Returns {} when nothing was pending, else {queue, fromState, toState, requeued}.
local c, a, now, mode = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local member = 'o|' .. c .. '|' .. a
if mode == 'expire' then
  if redis.call('ZREM', TIMERS, member) == 0 then return {} end
else
  redis.call('ZREM', TIMERS, member)
end
if redis.call('HGET', akey(a), 'offer') ~= c then return {} end
redis.call('SREM', ckey(c) .. ':o', a)
redis.call('ZADD', ckey(c) .. ':x', now, a)
redis.call('HSET', akey(a), 'offer', '')
local from, to
if mode == 'expire' then
  redis.call('HINCRBY', akey(a), 'rna', 1)
  from = setState(a, 'BREAK', 'ring-no-answer', now)
  to = 'BREAK'
else
  from = settle(a, now)
  to = redis.call('HGET', akey(a), 'state')
end
refresh(a)
local h = redis.call('HMGET', ckey(c), 'queue', 'score', 'state')
local requeued = '0'
if h[3] == 'OFFERED' and redis.call('SCARD', ckey(c) .. ':o') == 0 then
  redis.call('HSET', ckey(c), 'state', 'WAITING', 'agent', '')
  redis.call('ZADD', P .. 'q:' .. h[1] .. ':wait', h[2], c)
  requeued = '1'
end
journal(c, 'WITHDRAWN', now, a, { 'r', mode == 'expire' and 'ring-no-answer' or 'rejected', 'rq', requeued })
return { h[1] or '', from, to, requeued }
