-- ARGV: P, contact, agent, now, wrapMs
-- The agent is done with a contact: capacity freed; WRAP_UP when it was the last one.
-- Returns {'ERR', why} or {'OK', fromState, toState, wrapDeadline}.
local c, a, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
if redis.call('SREM', akey(a) .. ':c', c) == 0 then return { 'ERR', 'not-active' } end
local kind = redis.call('HGET', ckey(c), 'kind')
redis.call('HINCRBY', akey(a), kind == 'v' and 'vuse' or 'tuse', -1)
redis.call('HSET', ckey(c), 'state', 'DONE')
redis.call('PEXPIRE', ckey(c), 86400000)
local u = redis.call('HMGET', akey(a), 'vuse', 'tuse', 'state')
local deadline = ''
local from = u[3]
if num(u[1]) + num(u[2]) == 0 and u[3] == 'BUSY' then
  local token = redis.call('HINCRBY', akey(a), 'wrap', 1)
  setState(a, 'WRAP_UP', '', now)
  deadline = tostring(now + tonumber(ARGV[5]))
  redis.call('ZADD', TIMERS, deadline, 'w|' .. a .. '|' .. token)
end
refresh(a)
return { 'OK', from, redis.call('HGET', akey(a), 'state'), deadline }
