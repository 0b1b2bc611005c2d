-- ARGV: P, now, presentUntil, agent...
-- The agents' consoles are connected to the calling node: present until presentUntil (a later renewal only moves it
-- forward). An agent away (away.lua) gets its prior state back: AVAILABLE (offered again) or the BREAK it was on; one
-- flagged while busy just loses the flag. Returns triples for the agents whose state changed: agent, state, reason.
local now, out = tonumber(ARGV[2]), {}
for i = 4, #ARGV do
  local a = ARGV[i]
  redis.call('ZADD', P .. 'consoles', 'GT', ARGV[3], a)
  local h = redis.call('HMGET', akey(a), 'state', 'reason', 'away')
  if h[3] and h[3] ~= '' then
    redis.call('HDEL', akey(a), 'away')
    if h[1] == 'BREAK' and h[2] == 'away' then
      local prior, reason = string.match(h[3], '^([^|]*)|(.*)$')
      setState(a, prior, reason, now)
      if prior == 'AVAILABLE' then redis.call('HSET', akey(a), 'idle', now) end
      out[#out + 1] = a; out[#out + 1] = prior; out[#out + 1] = reason
    end
    refresh(a)
  end
end
return out
