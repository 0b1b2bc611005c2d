-- ARGV: P, contact, agent, now, queue, channel, customer, tier, provider, externalId, arrived
-- A letter, visit or e-mail the agent logs while handling it (来函、来人): the agent already has it, so it is assigned
-- straight to that agent. Never queued or offered (no ring, no three-ring step); journalled ACCEPTED (reason 'logged')
-- and ANSWERED at once. The agent must be at work: AVAILABLE, BUSY (also on a call: the letter waits in their hands, and
-- no new offer reaches them until both are finished) or WRAP_UP (which ends now), and no offer ringing. The agent is
-- BUSY on it, as after accepting an offer.
-- Returns {'OK', fromState} or {'ERR', agentState}; a refused contact is left untouched (the caller queues it).
local c, a, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
if redis.call('EXISTS', ckey(c)) == 1 then return { 'ERR', 'exists' } end
local h = redis.call('HMGET', akey(a), 'state', 'offer')
local st = h[1] or 'OFFLINE'
if (st ~= 'AVAILABLE' and st ~= 'BUSY' and st ~= 'WRAP_UP') or (h[2] and h[2] ~= '') then
  return { 'ERR', st }
end
redis.call('HSET', ckey(c), 'queue', ARGV[5], 'score', '0', 'kind', 't', 'channel', ARGV[6], 'cust', ARGV[7],
  'tier', ARGV[8], 'provider', ARGV[9], 'arrived', ARGV[11], 'state', 'ASSIGNED', 'agent', a, 'ext', ARGV[10],
  'answered', now)
journal(c, 'ACCEPTED', now, a, { 'q', ARGV[5], 'r', 'logged' })
journal(c, 'ANSWERED', now, a)
redis.call('HINCRBY', akey(a), 'tuse', 1)
redis.call('HINCRBY', akey(a), 'handled', 1)
redis.call('SADD', akey(a) .. ':c', c)
local from = setState(a, 'BUSY', '', now)
refresh(a)
return { 'OK', from }
