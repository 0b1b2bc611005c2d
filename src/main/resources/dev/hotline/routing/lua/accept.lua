-- ARGV: P, contact, agent, now, stickyMs, telephonyProviders (comma-separated: their calls are answered when
--       telephony connects them; every other contact is answered on accept)
-- Returns {'ERR', why} or {'OK', queue, channel, provider, customer, fromState, externalId, from, withdrawnAgent...}
local c, a, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local h = redis.call('HMGET', ckey(c), 'queue', 'channel', 'provider', 'cust', 'state', 'kind', 'ext', 'from')
if not h[1] then return { 'ERR', 'gone' } end
if redis.call('HGET', akey(a), 'offer') ~= c or redis.call('SISMEMBER', ckey(c) .. ':o', a) == 0 then
  -- taken: another agent accepted first (at ring 3 every free agent rings, so this is routine, not a fault)
  if h[5] == 'ASSIGNED' then return { 'ERR', 'taken' } end
  -- its own ring ended (or it rejected) and the contact now rings elsewhere: too late, not someone else's business
  if redis.call('ZSCORE', ckey(c) .. ':x', a) then return { 'ERR', 'expired' } end
  if h[5] == 'OFFERED' then return { 'ERR', 'not-yours' } end
  return { 'ERR', 'expired' }
end
if h[5] ~= 'OFFERED' then return { 'ERR', 'expired' } end
redis.call('HSET', ckey(c), 'state', 'ASSIGNED', 'agent', a)
local out = { 'OK', h[1], h[2], h[3] or '', h[4] or '', '', h[7] or '', h[8] or '' }
redis.call('ZREM', TIMERS, 'o|' .. c .. '|' .. a)
redis.call('SREM', ckey(c) .. ':o', a)
calm(c)
journal(c, 'ACCEPTED', now, a)
for _, o in ipairs(redis.call('SMEMBERS', ckey(c) .. ':o')) do
  if dropOffer(c, o, now, 'accepted-by-other') then out[#out + 1] = o end
end
redis.call('DEL', ckey(c) .. ':o', ckey(c) .. ':x')
redis.call('HSET', akey(a), 'offer', '')
redis.call('HINCRBY', akey(a), h[6] == 'v' and 'vuse' or 'tuse', 1)
redis.call('HINCRBY', akey(a), 'handled', 1)
redis.call('SADD', akey(a) .. ':c', c)
out[6] = setState(a, 'BUSY', '', now)
refresh(a)
if h[4] and h[4] ~= '' and tonumber(ARGV[5]) > 0 then
  redis.call('SET', P .. 'sticky:' .. h[4], a, 'PX', ARGV[5])
end
if h[6] ~= 'v' or not h[3] or h[3] == '' or not string.find(',' .. ARGV[6] .. ',', ',' .. h[3] .. ',', 1, true) then
  redis.call('HSET', ckey(c), 'answered', now)
  journal(c, 'ANSWERED', now, a)
end
return out
