/**
 * The Redis side of admission, run atomically by EVALSHA: Redis executes one script at a time,
 * so the check and the increments of every instance are serialised on the token's keys.
 *
 * KEYS[1] hash  {req, quota, seq}: the token's total counters (seeded from PostgreSQL)
 * KEYS[2] zset  admitted calls of the last 60 s, scored by Redis time in ms
 * ARGV    requestLimit, quotaLimit, rateLimit (-1 = none), cost, seedRequests, seedQuota
 *         ('' = not loaded yet), windowMs, counterTtlSeconds, then for a refilling quota
 *         periodStartMs (-1 = the quota does not refill), creationPeriodStartMs, refillAmount
 * Returns {code, requests, quota, inWindow, oldestMs, newestMs, nowMs, periodStartMs, quotaLimit}
 * (the period the quota counter is about and its allowance); code is '' when admitted,
 * 'NEED_SEED' when the counters are missing and no seed was given (nothing is counted then).
 * Time comes from the Redis server, so instances with skewed clocks share one window. A refill
 * period only moves forward: the first call of a later period zeroes the quota counter, a call
 * still computing an earlier period (a slow clock) is counted in the stored one.
 */
export const ADMIT_SCRIPT = `
local requestLimit = tonumber(ARGV[1])
local quotaLimit = tonumber(ARGV[2])
local rateLimit = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local windowMs = tonumber(ARGV[7])
local ttl = tonumber(ARGV[8])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

if redis.call('EXISTS', KEYS[1]) == 0 then
  if ARGV[5] == '' then return {'NEED_SEED', 0, 0, 0, -1, -1, now} end
  redis.call('HSET', KEYS[1], 'req', ARGV[5], 'quota', ARGV[6], 'seq', 0)
end
local periodStart = tonumber(ARGV[9])
if periodStart >= 0 and quotaLimit >= 0 then
  local stored = redis.call('HGET', KEYS[1], 'ps')
  if not stored then
    redis.call('HSET', KEYS[1], 'ps', ARGV[9])
  elseif periodStart > tonumber(stored) then
    redis.call('HSET', KEYS[1], 'ps', ARGV[9], 'quota', 0)
  else
    periodStart = tonumber(stored)
  end
  if periodStart ~= tonumber(ARGV[10]) then quotaLimit = math.min(quotaLimit, tonumber(ARGV[11])) end
end
local requests = tonumber(redis.call('HGET', KEYS[1], 'req'))
local quota = tonumber(redis.call('HGET', KEYS[1], 'quota'))

local inWindow = 0
if rateLimit >= 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - windowMs)
  inWindow = redis.call('ZCARD', KEYS[2])
end

local code = ''
if requestLimit >= 0 and requests + 1 > requestLimit then
  code = 'REQUEST_LIMIT_EXCEEDED'
elseif quotaLimit >= 0 and quota + cost > quotaLimit then
  code = 'QUOTA_EXCEEDED'
elseif rateLimit >= 0 and inWindow >= rateLimit then
  code = 'RATE_LIMITED'
end

if code == '' then
  requests = redis.call('HINCRBY', KEYS[1], 'req', 1)
  quota = redis.call('HINCRBY', KEYS[1], 'quota', cost)
  if rateLimit >= 0 then
    local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
    redis.call('ZADD', KEYS[2], now, now .. ':' .. seq)
    redis.call('PEXPIRE', KEYS[2], windowMs)
    inWindow = inWindow + 1
  end
end
redis.call('EXPIRE', KEYS[1], ttl)

local oldest = -1
local newest = -1
if inWindow > 0 then
  oldest = tonumber(redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')[2])
  newest = tonumber(redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')[2])
end
return {code, requests, quota, inWindow, oldest, newest, now, tostring(periodStart), quotaLimit}
`;
