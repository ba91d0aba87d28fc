-- wrk script: a create/modify mix on soracom-mock.
-- Alternates POST /v1/sandbox/subscribers/create (a new SIM) and PUT /v1/subscribers/{imsi}/tags (a modification
-- of one of the SIMs bench/run created beforehand).
-- Usage: wrk -s bench/lua/mix.lua http://127.0.0.1:PORT -- <apiKey> <token> <imsi> [<imsi> ...]
-- (bench/run does the sandbox init and passes the operator's credentials and the IMSIs).

local api_key, token
local imsis = {}
local n = 0

function init(args)
  api_key, token = args[1], args[2]
  for i = 3, #args do imsis[#imsis + 1] = args[i] end
  assert(api_key and token and #imsis > 0, "mix.lua needs: apiKey token imsi...")
  wrk.headers["X-Soracom-API-Key"] = api_key
  wrk.headers["X-Soracom-Token"] = token
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  if n % 2 == 1 then
    return wrk.format("POST", "/v1/sandbox/subscribers/create", nil, '{"subscription":"plan01s"}')
  end
  local imsi = imsis[math.floor(n / 2) % #imsis + 1]
  local body = string.format('[{"tagName":"bench","tagValue":"v%d"}]', n)
  return wrk.format("PUT", "/v1/subscribers/" .. imsi .. "/tags", nil, body)
end
