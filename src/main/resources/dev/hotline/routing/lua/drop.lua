-- ARGV: P, contact, now, wrapMs, left ('1': the contact left; '0': it moves to another queue)
-- The contact left (abandoned, overflowed, ended): forget it, withdraw its offers, free its agent. A contact that left
-- keeps a GONE marker for a day, so a redelivered arrival does not queue it again and the recovery sweep, which
-- compares the database with Redis, cannot mistake it for one Redis lost while the database is still catching up.
-- The marker keeps the agent it was with: that agent's finish (its disposition) is still welcome.
-- Returns {queue, wrappedAgent, wrapDeadline, withdrawnAgent...} or {} when unknown.
local c, now = ARGV[2], tonumber(ARGV[3])
local h = redis.call('HMGET', ckey(c), 'queue', 'state', 'agent', 'kind')
if not h[1] then return {} end
redis.call('ZREM', P .. 'q:' .. h[1] .. ':wait', c)
local out = { h[1], '', '' }
for _, o in ipairs(redis.call('SMEMBERS', ckey(c) .. ':o')) do
  if dropOffer(c, o, now) then out[#out + 1] = o end
end
if h[3] and h[3] ~= '' and redis.call('SREM', akey(h[3]) .. ':c', c) == 1 then
  local a = h[3]
  redis.call('HINCRBY', akey(a), h[4] == 'v' and 'vuse' or 'tuse', -1)
  local u = redis.call('HMGET', akey(a), 'vuse', 'tuse', 'state')
  if num(u[1]) + num(u[2]) == 0 and u[3] == 'BUSY' then
    local token = redis.call('HINCRBY', akey(a), 'wrap', 1)
    setState(a, 'WRAP_UP', '', now)
    redis.call('ZADD', TIMERS, now + tonumber(ARGV[4]), 'w|' .. a .. '|' .. token)
    out[2] = a
    out[3] = tostring(now + tonumber(ARGV[4]))
  end
  refresh(a)
end
redis.call('DEL', ckey(c), ckey(c) .. ':o', ckey(c) .. ':x')
if ARGV[5] == '1' then
  redis.call('HSET', ckey(c), 'state', 'GONE', 'agent', h[2] == 'ASSIGNED' and h[3] or '')
  redis.call('PEXPIRE', ckey(c), 86400000)
end
return out
