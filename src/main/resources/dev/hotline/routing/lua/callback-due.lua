-- ARGV: P, now, max
-- Callbacks whose retry pause is over go back to their queue at their place (score unchanged), claimed atomically so
-- that one node takes each. Returns {contact, queue, ...} of the ones put back.
local now = tonumber(ARGV[2])
local due = P .. 'callbacks:due'
local out = {}
for _, c in ipairs(redis.call('ZRANGEBYSCORE', due, '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))) do
  redis.call('ZREM', due, c)
  local h = redis.call('HMGET', ckey(c), 'state', 'queue', 'score', 'cbn')
  if h[1] == 'WAITING' then
    redis.call('ZADD', P .. 'q:' .. h[2] .. ':wait', h[3], c)
    journal(c, 'CALLBACK_RETRY', now, '', { 'r', 'attempt ' .. (num(h[4]) + 1) })
    out[#out + 1] = c
    out[#out + 1] = h[2]
  end
end
return out
