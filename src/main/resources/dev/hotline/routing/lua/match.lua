-- ARGV: P, queue, now, ringMs, max, reofferPauseMs
return match(ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]))
