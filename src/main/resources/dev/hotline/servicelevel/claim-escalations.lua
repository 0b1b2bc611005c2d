-- ARGV: P, now, max
-- Claims every due escalation step atomically: the step is taken and the contact's next step scheduled in one go, so
-- each step runs once however many nodes sweep. Hash P..'sl:e:'..contact: queue, n, i, and a<k> (action), r<k>
-- (ring), t<k> (millis) for steps k = 1..n. Returns flat {contact, queue, action, ring}...
local P, now = ARGV[1], tonumber(ARGV[2])
local Z = P .. 'sl:escalations'
local out = {}
for _, c in ipairs(redis.call('ZRANGEBYSCORE', Z, '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))) do
  local h = P .. 'sl:e:' .. c
  local i = tonumber(redis.call('HGET', h, 'i') or '0')
  local n = tonumber(redis.call('HGET', h, 'n') or '0')
  if i < 1 or i > n then
    redis.call('ZREM', Z, c)
    redis.call('DEL', h)
  else
    local step = redis.call('HMGET', h, 'queue', 'a' .. i, 'r' .. i)
    out[#out + 1] = c
    out[#out + 1] = step[1]
    out[#out + 1] = step[2]
    out[#out + 1] = step[3]
    if i < n then
      redis.call('HSET', h, 'i', i + 1)
      redis.call('ZADD', Z, redis.call('HGET', h, 't' .. (i + 1)), c)
    else
      redis.call('ZREM', Z, c)
      redis.call('DEL', h)
    end
  end
end
return out
