-- ARGV: P, contact, actor, now, mode, target, toQueue, ringMs, wrapMs, reason
-- Consultative transfer. The agent connected to a call puts the caller on hold and rings a target (a named AVAILABLE
-- agent, or the first free agent of a queue), talks to them, then completes (the caller goes to the target, the first
-- agent to WRAP_UP) or returns (the target is free again, the caller back with the first agent). The consult lives in
-- its own hash, P..'c:'..contact..':k' {agent, target, state RINGING|TALKING, since, queue}, which drop.lua leaves
-- alone: a caller who hangs up mid-consult is followed by mode 'gone', which frees the target.
-- The target is RESERVED while the consult rings and BUSY (one voice contact in use, not in its ':c' set) while it
-- talks, so no other offer reaches it. The ring deadline is the timer 'k|contact|target|consult' (four parts: the
-- Router's own timer handler leaves it alone).
-- Modes and actors: start (first agent), accept / decline (target), fail (telephony: reason), expire (timer),
-- complete / return (first agent), gone (the contact ended).
-- Returns {'ERR', why} or
-- {'OK', firstAgent, target, queue, channel, provider, externalId, targetWas, targetNow, heldNow/heldMillis,
--  agentWas, agentNow, wrapDeadline, consultState}
local c, actor, now, mode = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local K = ckey(c) .. ':k'
local h = redis.call('HMGET', ckey(c), 'queue', 'state', 'agent', 'answered', 'held', 'channel', 'provider', 'ext',
  'kind')
local k = redis.call('HMGET', K, 'agent', 'target', 'state')
local timer = 'k|' .. c .. '|' .. (k[2] or ARGV[6]) .. '|consult'

local function ok(first, target, targetWas, targetNow, held, agentWas, agentNow, deadline, st)
  return { 'OK', first or '', target or '', h[1] or '', h[6] or '', h[7] or '', h[8] or '', targetWas or '',
    targetNow or '', tostring(held or 0), agentWas or '', agentNow or '', deadline or '', st or '' }
end

-- The target lets go of the consult (declined, not reached, hung up, returned, the caller left): free again.
local function release(t, st)
  redis.call('ZREM', TIMERS, timer)
  redis.call('HSET', akey(t), 'consult', '')
  if st == 'TALKING' then redis.call('HINCRBY', akey(t), 'vuse', -1) end
  local was = settle(t, now)
  refresh(t)
  redis.call('DEL', K)
  return was, redis.call('HGET', akey(t), 'state')
end

if mode == 'gone' then
  if not k[2] then return { 'ERR', 'no-consult' } end
  local was, nowState = release(k[2], k[3])
  return ok(k[1], k[2], was, nowState, 0, '', '', '', k[3])
end

if not h[1] or h[2] == 'GONE' or h[2] == 'DONE' then return { 'ERR', 'gone' } end

if mode == 'start' then
  local a = actor
  if h[2] ~= 'ASSIGNED' or h[3] ~= a or redis.call('SISMEMBER', akey(a) .. ':c', c) == 0 then
    return { 'ERR', 'not-yours' }
  end
  if not h[4] or h[4] == '' then return { 'ERR', 'not-connected' } end
  if h[9] ~= 'v' then return { 'ERR', 'not-a-call' } end
  if k[2] then return { 'ERR', 'already-consulting' } end
  local t, toQueue = ARGV[6], ARGV[7]
  local function free(x)
    return x ~= a and redis.call('HGET', akey(x), 'state') == 'AVAILABLE' and fits(x, 'v')
  end
  if t ~= '' then
    if t == a then return { 'ERR', 'same-agent' } end
    if not free(t) then return { 'ERR', 'agent-not-free' } end
  else
    t = nil
    for _, x in ipairs(redis.call('ZRANGE', P .. 'q:' .. toQueue .. ':free', 0, -1)) do
      if free(x) then t = x break end
    end
    if not t then return { 'ERR', 'no-agent-free' } end
  end
  timer = 'k|' .. c .. '|' .. t .. '|consult'
  -- the caller waits on hold while the agents talk
  local heldNow = 0
  if not h[5] or h[5] == '' then
    redis.call('HSET', ckey(c), 'held', now)
    journal(c, 'HELD', now, a)
    heldNow = 1
  end
  local was = setState(t, 'RESERVED', 'consult', now)
  redis.call('HSET', akey(t), 'consult', c)
  refresh(t)
  redis.call('HSET', K, 'agent', a, 'target', t, 'state', 'RINGING', 'since', now, 'queue', toQueue)
  redis.call('PEXPIRE', K, 86400000)
  redis.call('ZADD', TIMERS, now + tonumber(ARGV[8]), timer)
  journal(c, 'CONSULTED', now, a, { 'r', 'started: ' .. t })
  return ok(a, t, was, 'RESERVED', heldNow, '', '', tostring(now + tonumber(ARGV[8])), 'RINGING')
end

if not k[2] then return { 'ERR', 'no-consult' } end

if mode == 'accept' or mode == 'decline' then
  if actor ~= k[2] then return { 'ERR', 'not-yours' } end
  if k[3] ~= 'RINGING' then return { 'ERR', 'not-ringing' } end
  if mode == 'decline' then
    local was, nowState = release(k[2], k[3])
    journal(c, 'CONSULTED', now, k[1], { 'r', 'failed: ' .. k[2] .. ' declined' })
    return ok(k[1], k[2], was, nowState, 0, '', '', '', 'FAILED')
  end
  redis.call('ZREM', TIMERS, timer)
  redis.call('HINCRBY', akey(k[2]), 'vuse', 1)
  local was = setState(k[2], 'BUSY', '', now)
  refresh(k[2])
  redis.call('HSET', K, 'state', 'TALKING', 'since', now)
  journal(c, 'CONSULTED', now, k[1], { 'r', 'accepted: ' .. k[2] })
  return ok(k[1], k[2], was, 'BUSY', 0, '', '', '', 'TALKING')
end

if mode == 'fail' or mode == 'expire' then
  -- the timer is claimed by removing it: one node handles a ring deadline
  if mode == 'expire' and (k[3] ~= 'RINGING' or redis.call('ZREM', TIMERS, timer) == 0) then
    return { 'ERR', 'not-ringing' }
  end
  local st = k[3]
  local was, nowState = release(k[2], st)
  journal(c, 'CONSULTED', now, k[1], { 'r', 'failed: ' .. k[2] .. ' ' .. ARGV[10] })
  return ok(k[1], k[2], was, nowState, 0, '', '', '', 'FAILED')
end

if actor ~= k[1] then return { 'ERR', 'not-yours' } end
-- not talking to the target yet: nothing to complete (the caller stays on hold)
if mode == 'complete' and k[3] ~= 'TALKING' then return { 'ERR', 'not-answered' } end

-- the hold ends with a return or a completion: its length counts to the first agent's handle time
local heldMs = 0
if h[5] and h[5] ~= '' then
  heldMs = math.max(0, now - num(h[5]))
  redis.call('HINCRBY', ckey(c), 'heldms', heldMs)
  redis.call('HSET', ckey(c), 'held', '')
  journal(c, 'RESUMED', now, k[1], { 'r', tostring(heldMs) })
end

if mode == 'return' then
  local st = k[3]
  local was, nowState = release(k[2], st)
  journal(c, 'CONSULTED', now, k[1], { 'r', 'returned: ' .. k[2] })
  return ok(k[1], k[2], was, nowState, heldMs, '', '', '', 'RETURNED')
end

if mode == 'complete' then
  local a, t = k[1], k[2]
  -- the target takes the call over: the voice contact it used for the consult is now this contact
  redis.call('HSET', akey(t), 'consult', '')
  redis.call('SADD', akey(t) .. ':c', c)
  redis.call('HINCRBY', akey(t), 'handled', 1)
  redis.call('HSET', ckey(c), 'agent', t)
  -- the first agent lets go
  redis.call('SREM', akey(a) .. ':c', c)
  redis.call('HINCRBY', akey(a), 'vuse', -1)
  local agentWas, deadline = wrapUpIfIdle(a, now, tonumber(ARGV[9]))
  refresh(a)
  redis.call('DEL', K)
  journal(c, 'CONSULTED', now, t, { 'r', 'completed: from ' .. a })
  return ok(a, t, 'BUSY', 'BUSY', heldMs, agentWas, redis.call('HGET', akey(a), 'state'), deadline, 'COMPLETED')
end

return { 'ERR', 'unknown-mode' }
