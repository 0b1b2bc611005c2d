-- ARGV: as enqueue.lua (P ... externalId, from: 21 of them), then agent
-- Rebuilding an emptied Redis from the record: a contact the record shows ringing at an agent is queued again as
-- enqueue.lua does, and offered to that agent first when it can take one (logged in, free, serving the queue). An
-- accept lost with Redis (the journal had not written it: the agent is talking on the call) is then sent again by that
-- agent's console, which knows the call, instead of the call being taken by another agent; an agent who had not
-- accepted yet simply rings again. Returns {new ('1'/'0'), offer...} as enqueue.lua.
local q, c, now, a = ARGV[2], ARGV[3], tonumber(ARGV[11]), ARGV[22]
if redis.call('EXISTS', ckey(c)) == 1 then
  local out = { '0' }
  append(out, match(q, now, tonumber(ARGV[12]), 1000000, tonumber(ARGV[19])))
  return out
end
redis.call('HSET', ckey(c), 'queue', q, 'score', ARGV[4], 'kind', ARGV[5], 'channel', ARGV[6], 'cust', ARGV[7],
  'tier', ARGV[8], 'provider', ARGV[9], 'arrived', ARGV[10], 'state', 'WAITING', 'ext', ARGV[20], 'from', ARGV[21])
escalate(c, ARGV[14], ARGV[15], ARGV[16])
journal(c, ARGV[17], now, '', { 'q', q, 'rp', ARGV[13], 'r', ARGV[18] })
local out = { '1' }
if redis.call('ZSCORE', P .. 'q:' .. q .. ':free', a) and fits(a, ARGV[5]) then
  append(out, offer(c, a, now, now + tonumber(ARGV[12]), false))
else
  redis.call('ZADD', P .. 'q:' .. q .. ':wait', ARGV[4], c)
  append(out, match(q, now, tonumber(ARGV[12]), 1000000, tonumber(ARGV[19])))
end
return out
