-- wrk script for bench/Bench.java: each request asks for the next path of a list (one per
-- line, in the file given after --), round and round: run pages Simboard has not seen, or
-- one search after another.
local paths = {}
local next_path = 0

function init(args)
	for line in io.lines(args[1]) do
		paths[#paths + 1] = line
	end
end

function request()
	next_path = next_path + 1
	return wrk.format("GET", paths[((next_path - 1) % #paths) + 1])
end
