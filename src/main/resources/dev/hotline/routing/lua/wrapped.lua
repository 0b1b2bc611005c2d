-- ARGV: P, agent, token, now
-- Wrap-up time is over (claims the timer): AVAILABLE again. Returns {} when already handled or stale.
local a, now = ARGV[2], tonumber(ARGV[4])
if redis.call('ZREM', TIMERS, 'w|' .. a .. '|' .. ARGV[3]) == 0 then return {} end
local h = redis.call('HMGET', akey(a), 'state', 'wrap')
if h[1] ~= 'WRAP_UP' or h[2] ~= ARGV[3] then return {} end
settle(a, now)
refresh(a)
return { 'WRAP_UP', redis.call('HGET', akey(a), 'state') }
