-- ARGV: P, agent, expectedState, newState, reason, now
-- A manual state change (login, available, break, logout), applied only if nobody changed the state meanwhile.
local a, now = ARGV[2], tonumber(ARGV[6])
local cur = redis.call('HGET', akey(a), 'state') or 'OFFLINE'
if cur ~= ARGV[3] then return { 'ERR', cur } end
setState(a, ARGV[4], ARGV[5], now)
if ARGV[4] == 'AVAILABLE' then redis.call('HSET', akey(a), 'idle', now) end
refresh(a)
return { 'OK', cur }
