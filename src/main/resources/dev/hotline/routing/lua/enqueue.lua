-- ARGV: P, queue, contact, score, kind, channel, customer, tier, provider, arrived, now, ringMs
-- Puts a contact into its queue (once: a redelivered arrival changes nothing) and matches at once.
local q, c = ARGV[2], ARGV[3]
if redis.call('EXISTS', ckey(c)) == 0 then
  redis.call('HSET', ckey(c), 'queue', q, 'score', ARGV[4], 'kind', ARGV[5], 'channel', ARGV[6], 'cust', ARGV[7],
    'tier', ARGV[8], 'provider', ARGV[9], 'arrived', ARGV[10], 'state', 'WAITING')
  redis.call('ZADD', P .. 'q:' .. q .. ':wait', ARGV[4], c)
end
return match(q, tonumber(ARGV[11]), tonumber(ARGV[12]), 1000000)
