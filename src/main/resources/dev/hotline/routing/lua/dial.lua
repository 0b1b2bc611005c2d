-- ARGV: P, contact, agent, now, queue, channel, customer, tier, provider, externalId
-- An outbound call (click-to-call): the contact is assigned straight to the calling agent. It is never queued or
-- offered, so no ring deadline and no three-ring step exists for it, and it is journalled as ACCEPTED by the agent
-- (reason 'outbound'). The agent must be free for a call: AVAILABLE or in WRAP_UP (which ends now), no offer ringing,
-- no contact in hand, voice capacity. The agent is BUSY on it at once, as after accepting an offer.
-- Returns {'OK', fromState} or {'ERR', agentState}; a refused call is ended at once (FAILED, 'agent-not-free') so the
-- record, written before this script ran, does not stay waiting.
local c, a, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
if redis.call('EXISTS', ckey(c)) == 1 then return { 'ERR', 'exists' } end
local h = redis.call('HMGET', akey(a), 'state', 'vuse', 'tuse', 'vcap', 'offer')
local st = h[1] or 'OFFLINE'
if (st ~= 'AVAILABLE' and st ~= 'WRAP_UP') or (h[5] and h[5] ~= '') or num(h[2]) + num(h[3]) > 0
    or num(h[4]) < 1 then
  redis.call('HSET', ckey(c), 'state', 'GONE', 'agent', '', 'dir', 'out')
  redis.call('PEXPIRE', ckey(c), 86400000)
  journal(c, 'ENDED', now, '', { 'o', 'FAILED', 'r', 'agent-not-free' })
  return { 'ERR', st }
end
redis.call('HSET', ckey(c), 'queue', ARGV[5], 'score', '0', 'kind', 'v', 'channel', ARGV[6], 'cust', ARGV[7],
  'tier', ARGV[8], 'provider', ARGV[9], 'arrived', now, 'state', 'ASSIGNED', 'agent', a, 'ext', ARGV[10], 'dir', 'out')
journal(c, 'ACCEPTED', now, a, { 'r', 'outbound' })
redis.call('HINCRBY', akey(a), 'vuse', 1)
redis.call('HINCRBY', akey(a), 'handled', 1)
redis.call('SADD', akey(a) .. ':c', c)
local from = setState(a, 'BUSY', '', now)
refresh(a)
return { 'OK', from }
