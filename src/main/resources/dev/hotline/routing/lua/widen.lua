-- ARGV: P, contact, now, ringMs
-- Rings every free agent with the queue's skill at any level at once; the first to accept wins.
local c, now = ARGV[2], tonumber(ARGV[3])
local h = redis.call('HMGET', ckey(c), 'queue', 'kind', 'state')
if h[3] ~= 'WAITING' and h[3] ~= 'OFFERED' then return {} end
local out = {}
for _, a in ipairs(redis.call('ZRANGE', P .. 'q:' .. h[1] .. ':wide', 0, -1)) do
  if not redis.call('ZSCORE', ckey(c) .. ':x', a) and fits(a, h[2]) then
    append(out, offer(c, a, now, now + tonumber(ARGV[4]), true))
  end
end
if #out > 0 then redis.call('ZREM', P .. 'q:' .. h[1] .. ':wait', c) end
redis.call('HSET', ckey(c), 'widened', '1')
return out
