-- ARGV: P, now, agent, contact, queue, kind, channel, customer, tier, provider, externalId, arrived, answered
-- Rebuilding an emptied Redis from the record: a contact the record shows connected to a logged-in agent is the
-- agent's again (BUSY, capacity taken), so its finish works and nothing new is offered over it. Nothing is journalled:
-- the record already says so. Returns {'OK', fromState} or {'ERR', why}.
local now, a, c = tonumber(ARGV[2]), ARGV[3], ARGV[4]
if redis.call('EXISTS', ckey(c)) == 1 then return { 'ERR', 'known' } end
local st = redis.call('HGET', akey(a), 'state') or 'OFFLINE'
if st == 'OFFLINE' then return { 'ERR', 'offline' } end
redis.call('HSET', ckey(c), 'queue', ARGV[5], 'kind', ARGV[6], 'channel', ARGV[7], 'cust', ARGV[8], 'tier', ARGV[9],
  'provider', ARGV[10], 'ext', ARGV[11], 'arrived', ARGV[12], 'state', 'ASSIGNED', 'agent', a)
if ARGV[13] ~= '' then redis.call('HSET', ckey(c), 'answered', ARGV[13]) end
redis.call('HINCRBY', akey(a), ARGV[6] == 'v' and 'vuse' or 'tuse', 1)
redis.call('SADD', akey(a) .. ':c', c)
local from = setState(a, 'BUSY', '', now)
refresh(a)
return { 'OK', from or 'OFFLINE' }
