-- ARGV: P, agent, expectedState, now
local a, now = ARGV[2], tonumber(ARGV[4])
local cur = redis.call('HGET', akey(a), 'state') or 'OFFLINE'
if cur ~= ARGV[3] then return { 'ERR', cur } end
setState(a, 'OFFLINE', '', now)
refresh(a)
redis.call('DEL', akey(a) .. ':q', akey(a) .. ':w')
return { 'OK', cur }
