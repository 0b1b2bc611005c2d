-- ARGV: P, contact, agent, now, wrapMs, disposition
-- The agent is done with a contact: capacity freed, the contact ended; WRAP_UP when it was the last one. After the
-- caller hung up first (GONE, with this agent) only the disposition is recorded.
-- Returns {'ERR', why}, {'GONE'} or {'OK', fromState, toState, wrapDeadline, queue, channel}.
local c, a, now, disposition = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[6]
if redis.call('SREM', akey(a) .. ':c', c) == 0 then
  local h = redis.call('HMGET', ckey(c), 'state', 'agent')
  if h[1] ~= 'GONE' or h[2] ~= a then return { 'ERR', 'not-active' } end
  if disposition ~= '' then journal(c, 'DISPOSITION', now, a, { 'r', disposition }) end
  return { 'GONE' }
end
local h = redis.call('HMGET', ckey(c), 'kind', 'answered', 'queue', 'channel')
redis.call('HINCRBY', akey(a), h[1] == 'v' and 'vuse' or 'tuse', -1)
redis.call('HSET', ckey(c), 'state', 'DONE')
redis.call('PEXPIRE', ckey(c), 86400000)
journal(c, 'ENDED', now, a, { 'o', (h[2] and h[2] ~= '') and 'ANSWERED' or 'ABANDONED', 'r', 'finished' })
if disposition ~= '' then journal(c, 'DISPOSITION', now, a, { 'r', disposition }) end
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
return { 'OK', from, redis.call('HGET', akey(a), 'state'), deadline, h[3] or '', h[4] or '' }
