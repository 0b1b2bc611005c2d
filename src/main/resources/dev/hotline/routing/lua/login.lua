-- ARGV: P, agent, vcap, tcap, now, nq, queue..., nw, wideQueue...
-- Logs an OFFLINE agent in as AVAILABLE with its capacities and queue memberships.
local a, now = ARGV[2], tonumber(ARGV[5])
local cur = redis.call('HGET', akey(a), 'state') or 'OFFLINE'
if cur ~= 'OFFLINE' then return { 'ERR', cur } end
redis.call('HSET', akey(a), 'vcap', ARGV[3], 'tcap', ARGV[4], 'vuse', 0, 'tuse', 0, 'offer', '', 'idle', now)
redis.call('DEL', akey(a) .. ':q', akey(a) .. ':w', akey(a) .. ':c')
local i = 6
local n = tonumber(ARGV[i])
for j = 1, n do redis.call('SADD', akey(a) .. ':q', ARGV[i + j]) end
i = i + n + 1
n = tonumber(ARGV[i])
for j = 1, n do redis.call('SADD', akey(a) .. ':w', ARGV[i + j]) end
setState(a, 'AVAILABLE', '', now)
refresh(a)
return { 'OK', cur }
