-- Shared helpers, prepended to every routing script. ARGV[1] is the key prefix (e.g. "hotline:").
-- Keys:  P..'a:'..agent        HASH  state reason since vcap tcap vuse tuse offer idle rr handled rna wrap
--        P..'a:'..agent..':q'  SET   queues the agent serves at the required skill level
--        P..'a:'..agent..':w'  SET   queues the agent may be rung for when a contact is widened (any level)
--        P..'a:'..agent..':c'  SET   contacts the agent is working on
--        P..'c:'..contact      HASH  queue kind channel cust tier provider ext arrived score state agent widened answered
--        P..'c:'..contact..':o' SET  agents whose console rings with it now (one, or many when widened)
--        P..'c:'..contact..':x' ZSET agents who declined or missed it, by when: offered again only when no other
--                                    agent can take it and the re-offer pause has passed
--        P..'q:'..queue..':wait' ZSET waiting contacts, score = priority band * 1e13 + arrival millis
--        P..'q:'..queue..':free' ZSET agents that can take a contact now, score by the queue's strategy
--        P..'q:'..queue..':wide' ZSET the same for agents with the skill at any level
--        P..'qs'               HASH  queue -> strategy
--        P..'timers'           ZSET  'o|contact|agent' ring deadlines, 'w|agent|token' wrap-up ends,
--                                    'e|contact|alert|widen|overflow' escalation steps, 'm|queue|contact' re-offer checks
--        P..'sticky:'..customer STRING the customer's last agent, with a TTL
--        P..'consoles'         ZSET  agents with a console, score = until when it counts as present (renewed by the
--                                    node holding the session; past it the agent is away: field 'away' in its hash)
--        P..'journal'          STREAM every contact transition, for the contact record (RoutingJournal writes it behind)
local P = ARGV[1]
local TIMERS = P .. 'timers'
local JOURNAL = P .. 'journal'

local function akey(a) return P .. 'a:' .. a end
local function ckey(c) return P .. 'c:' .. c end
local function num(v) return tonumber(v) or 0 end

-- Appends one transition of contact c to the journal, in the same script (so atomically) as the change itself.
-- extra: further field/value pairs (q queue, rp ring period, o outcome, r reason or detail, rq requeued).
local function journal(c, kind, now, a, extra)
  local f = { 'k', kind, 'c', c, 't', now, 'a', a or '' }
  if extra then for _, v in ipairs(extra) do f[#f + 1] = v end end
  redis.call('XADD', JOURNAL, '*', unpack(f))
end

-- The three-ring escalation steps of a waiting voice contact (0: no such step).
local function escalate(c, alertAt, widenAt, overflowAt)
  if num(alertAt) > 0 then redis.call('ZADD', TIMERS, alertAt, 'e|' .. c .. '|alert') end
  if num(widenAt) > 0 then redis.call('ZADD', TIMERS, widenAt, 'e|' .. c .. '|widen') end
  if num(overflowAt) > 0 then redis.call('ZADD', TIMERS, overflowAt, 'e|' .. c .. '|overflow') end
end

local function calm(c)
  redis.call('ZREM', TIMERS, 'e|' .. c .. '|alert', 'e|' .. c .. '|widen', 'e|' .. c .. '|overflow')
end

-- Where an agent stands in a queue's free set: lower is offered first.
local function score(q, a)
  local s = redis.call('HGET', P .. 'qs', q)
  local h = redis.call('HMGET', akey(a), 'idle', 'rr', 'handled')
  if s == 'ROUND_ROBIN' then return num(h[2]) end
  if s == 'FEWEST_CONTACTS' then return num(h[3]) * 1e13 + num(h[1]) end
  return num(h[1])
end

-- Can this agent take a contact of kind k ('v' voice, 't' text) right now? Voice and text do not mix.
local function fits(a, k)
  local h = redis.call('HMGET', akey(a), 'state', 'vuse', 'tuse', 'vcap', 'tcap', 'offer', 'away')
  if h[1] ~= 'AVAILABLE' and h[1] ~= 'BUSY' then return false end
  if h[6] and h[6] ~= '' then return false end
  -- no console for longer than the grace period (away.lua): nothing new until a console is back (back.lua)
  if h[7] and h[7] ~= '' then return false end
  if k == 'v' then return num(h[2]) < num(h[4]) and num(h[3]) == 0 end
  return num(h[2]) == 0 and num(h[3]) < num(h[5])
end

local function takesAny(a)
  return fits(a, 'v') or fits(a, 't')
end

-- Puts the agent into (or takes it out of) the free sets of all its queues, according to its state.
local function refresh(a)
  local on = takesAny(a)
  for _, suffix in ipairs({ 'q', 'w' }) do
    local set = suffix == 'q' and ':free' or ':wide'
    for _, q in ipairs(redis.call('SMEMBERS', akey(a) .. ':' .. suffix)) do
      if on then
        redis.call('ZADD', P .. 'q:' .. q .. set, score(q, a), a)
      else
        redis.call('ZREM', P .. 'q:' .. q .. set, a)
      end
    end
  end
end

-- Sets the agent's state; returns the previous state.
local function setState(a, st, reason, now)
  local from = redis.call('HGET', akey(a), 'state')
  redis.call('HSET', akey(a), 'state', st, 'reason', reason or '', 'since', now)
  return from
end

-- The agent let go of a contact: WRAP_UP (ending after wrapMs) when it was BUSY and holds nothing else now.
-- Returns the state it had and the wrap-up's end ('' when it did not go to WRAP_UP).
local function wrapUpIfIdle(a, now, wrapMs)
  local u = redis.call('HMGET', akey(a), 'vuse', 'tuse', 'state')
  if num(u[1]) + num(u[2]) == 0 and u[3] == 'BUSY' then
    local token = redis.call('HINCRBY', akey(a), 'wrap', 1)
    setState(a, 'WRAP_UP', '', now)
    local deadline = tostring(now + wrapMs)
    redis.call('ZADD', TIMERS, deadline, 'w|' .. a .. '|' .. token)
    return u[3], deadline
  end
  return u[3], ''
end

-- The agent's state when no offer rings: BUSY while it works on contacts, else AVAILABLE.
local function settle(a, now)
  local h = redis.call('HMGET', akey(a), 'vuse', 'tuse')
  if num(h[1]) + num(h[2]) > 0 then return setState(a, 'BUSY', '', now) end
  redis.call('HSET', akey(a), 'idle', now)
  return setState(a, 'AVAILABLE', '', now)
end

-- Rings agent a with contact c until deadline. Returns the offer as a flat list.
local function offer(c, a, now, deadline, widened)
  local from = setState(a, 'RESERVED', '', now)
  redis.call('HSET', akey(a), 'offer', c, 'rr', redis.call('INCR', P .. 'rrseq'))
  redis.call('SADD', ckey(c) .. ':o', a)
  redis.call('HSET', ckey(c), 'state', 'OFFERED', 'agent', a)
  if widened then redis.call('HSET', ckey(c), 'widened', '1') end
  redis.call('ZADD', TIMERS, deadline, 'o|' .. c .. '|' .. a)
  refresh(a)
  journal(c, 'OFFERED', now, a, widened and { 'r', 'widened' } or nil)
  local h = redis.call('HMGET', ckey(c), 'channel', 'cust', 'from', 'tier', 'cb')
  return { c, a, from or 'OFFLINE', h[1], h[2] or '', widened and '1' or '0', h[3] or '', h[4] or '', h[5] or '' }
end

local function append(out, list)
  for _, v in ipairs(list) do out[#out + 1] = v end
end

-- Clears a ringing offer of c on agent a (accepted elsewhere, withdrawn, contact gone). Returns previous state.
local function dropOffer(c, a, now, reason)
  redis.call('ZREM', TIMERS, 'o|' .. c .. '|' .. a)
  redis.call('SREM', ckey(c) .. ':o', a)
  if redis.call('HGET', akey(a), 'offer') ~= c then return nil end
  journal(c, 'WITHDRAWN', now, a, { 'r', reason })
  redis.call('HSET', akey(a), 'offer', '')
  local from = settle(a, now)
  refresh(a)
  return from
end

-- The first free agent of the ring set that fits kind k and has not declined c; failing that, one that declined it
-- at least pauseMs ago (a caller is never left waiting while an agent who may take the call is free). When only the
-- pause stands in the way, a re-offer check is set for when it ends.
local function pick(c, free, k, now, pauseMs)
  local x = ckey(c) .. ':x'
  local declined = redis.call('ZCARD', x) > 0
  local again, soonest = nil, nil
  for _, a in ipairs(redis.call('ZRANGE', free, 0, -1)) do
    if fits(a, k) then
      local t = declined and redis.call('ZSCORE', x, a)
      if not t then return a end
      if again == nil then
        if num(t) + pauseMs <= now then again = a
        elseif soonest == nil or num(t) + pauseMs < soonest then soonest = num(t) + pauseMs end
      end
    end
  end
  return again, soonest
end

-- Offers waiting contacts of queue q to free agents, best contact first, until no pair fits or max offers.
local function match(q, now, ringMs, max, pauseMs)
  local out = {}
  local made = 0
  local wait = P .. 'q:' .. q .. ':wait'
  local free = P .. 'q:' .. q .. ':free'
  if redis.call('ZCARD', free) == 0 then return out end
  local nofit = {}
  for _, c in ipairs(redis.call('ZRANGE', wait, 0, 63)) do
    if made >= max then break end
    local h = redis.call('HMGET', ckey(c), 'kind', 'cust', 'state')
    if h[3] ~= 'WAITING' then
      redis.call('ZREM', wait, c)
    elseif not nofit[h[1]] then
      local k = h[1]
      local chosen, soonest = nil, nil
      if h[2] and h[2] ~= '' then
        local s = redis.call('GET', P .. 'sticky:' .. h[2])
        if s and redis.call('ZSCORE', free, s) and not redis.call('ZSCORE', ckey(c) .. ':x', s) and fits(s, k) then
          chosen = s
        end
      end
      if not chosen then chosen, soonest = pick(c, free, k, now, pauseMs or 0) end
      if chosen then
        redis.call('ZREM', wait, c)
        append(out, offer(c, chosen, now, now + ringMs, false))
        made = made + 1
        if redis.call('ZCARD', free) == 0 then break end
      elseif soonest then
        redis.call('ZADD', TIMERS, soonest, 'm|' .. q .. '|' .. c)
      elseif redis.call('ZCARD', ckey(c) .. ':x') == 0 then
        nofit[k] = true
      end
    end
  end
  return out
end
