-- ARGV: P, queue, contact, score, kind, channel, customer, tier, provider, arrived, now, ringMs, ringPeriodMs,
--       alertAt, widenAt, overflowAt, journalKind ('QUEUED' or 'TRANSFERRED'), fromQueue, reofferPauseMs, externalId,
--       from (the caller's address: the offer's screen pop of an unknown caller then needs no database)
-- Puts a contact into its queue (once: a redelivered arrival changes nothing; a contact that left stays GONE), starts
-- its escalation steps and matches at once. Returns {new ('1'/'0'), offer...}.
local q, c, now = ARGV[2], ARGV[3], tonumber(ARGV[11])
local new = '0'
if redis.call('EXISTS', ckey(c)) == 0 then
  redis.call('HSET', ckey(c), 'queue', q, 'score', ARGV[4], 'kind', ARGV[5], 'channel', ARGV[6], 'cust', ARGV[7],
    'tier', ARGV[8], 'provider', ARGV[9], 'arrived', ARGV[10], 'state', 'WAITING', 'ext', ARGV[20],
    'from', ARGV[21])
  redis.call('ZADD', P .. 'q:' .. q .. ':wait', ARGV[4], c)
  escalate(c, ARGV[14], ARGV[15], ARGV[16])
  journal(c, ARGV[17], now, '', { 'q', q, 'rp', ARGV[13], 'r', ARGV[18] })
  new = '1'
end
local out = { new }
append(out, match(q, now, tonumber(ARGV[12]), 1000000, tonumber(ARGV[19])))
return out
