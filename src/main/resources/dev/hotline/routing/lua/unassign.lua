-- ARGV: P, contact, agent, now, mode ('no-answer' or 'failed'), alertAt, widenAt, overflowAt
-- An accepted contact could not be connected to the agent (the agent's phone did not answer, or telephony failed):
-- the agent's capacity is freed, the agent is not offered this contact again before the others, and the contact goes
-- back to its original place in the queue with its escalation steps. 'no-answer' counts as a ring-no-answer and pauses
-- the agent like an unanswered offer. Returns {'ERR', why} or {'OK', queue, fromState, toState, handed ('1': a
-- transferred call, no escalation)}.
local c, a, now, mode = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local h = redis.call('HMGET', ckey(c), 'queue', 'score', 'kind', 'state', 'agent', 'answered', 'handed')
if not h[1] then return { 'ERR', 'gone' } end
if h[4] ~= 'ASSIGNED' or h[5] ~= a or redis.call('SISMEMBER', akey(a) .. ':c', c) == 0 then
  return { 'ERR', 'not-assigned' }
end
if h[6] and h[6] ~= '' then return { 'ERR', 'answered' } end
redis.call('SREM', akey(a) .. ':c', c)
redis.call('HINCRBY', akey(a), h[3] == 'v' and 'vuse' or 'tuse', -1)
redis.call('ZADD', ckey(c) .. ':x', now, a)
redis.call('HSET', ckey(c), 'state', 'WAITING', 'agent', '')
redis.call('ZADD', P .. 'q:' .. h[1] .. ':wait', h[2], c)
-- a transferred call (transfer.lua) was answered once: it waits for the next agent without the three-ring escalation
local handed = h[7] and h[7] ~= ''
if not handed then escalate(c, ARGV[6], ARGV[7], ARGV[8]) end
local from
if mode == 'no-answer' then
  redis.call('HINCRBY', akey(a), 'rna', 1)
  from = setState(a, 'BREAK', 'ring-no-answer', now)
else
  from = settle(a, now)
end
refresh(a)
journal(c, 'WITHDRAWN', now, a, { 'r', mode == 'no-answer' and 'ring-no-answer' or 'connect-failed', 'rq', '1' })
return { 'OK', h[1], from, redis.call('HGET', akey(a), 'state'), handed and '1' or '0' }
