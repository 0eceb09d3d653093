-- wrk script for scripts/load/signup.sh: POSTs valid sign-up forms (urlencoded, the field names
-- of src/routes/signup.rs), each with an email unique per run, thread and request, and counts the
-- responses by status so the shell script can compare 303s with stored rows.
--
-- Each request comes from its own client address (X-Forwarded-For; the server runs with
-- TRUST_PROXY_HEADERS=true), like sign-ups from many homes, and carries the signed form stamp
-- the shell script read off a served form.
--
--   wrk -t2 -c32 -d30s --latency -s signup.lua 'http://127.0.0.1:PORT/signup?programme=demo' -- RUN_ID STAMP

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local first_languages = { "ar", "uk", "fa", "prs", "ti", "so", "tr", "ru", "ku", "ro", "es", "fr" }
local levels = { "A1", "A2", "A2", "B1", "B1", "B2" }
local interests = { "cooking", "football", "music", "films", "hiking", "cycling", "reading", "chess", "art", "swimming" }
local slots = { "mon_evening", "tue_afternoon", "wed_morning", "thu_evening", "fri_afternoon", "sat_morning", "sat_afternoon", "sun_afternoon" }
local areas = { "zentrum", "gohlis", "connewitz", "plagwitz", "gruenau", "reudnitz" }
local ui = { "ar", "uk", "fa", "en", "de", "fr" }

function init(args)
  run = args[1] or tostring(os.time())
  stamp = args[2] or ""
  n = 0
  c303 = 0
  cother = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local function pick(list, i)
  return list[(i % #list) + 1]
end

function request()
  n = n + 1
  local i = n + tid * 7
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", tid % 256, math.floor(n / 256) % 256, n % 256)
  local body = table.concat({
    "first_name=Load",
    "last_name=Test",
    "email=load-" .. run .. "-t" .. tid .. "-" .. n .. "%40example.org",
    "message_language=" .. pick(ui, i),
    "role=arriving",
    "languages.0.code=" .. pick(first_languages, i),
    "languages.0.level=native",
    "languages.1.code=de",
    "languages.1.level=" .. pick(levels, i),
    "practise_languages=de",
    "interests=" .. pick(interests, i),
    "interests=" .. pick(interests, i + 3),
    "availability=" .. pick(slots, i),
    "availability=" .. pick(slots, i + 5),
    "area=" .. pick(areas, i),
    "max_travel_km=5",
    "household_adults=1",
    "household_children=0",
    "share_domains=culture",
    "learn_domains=language",
    "learn_domains=work",
    "consent=on",
    "started=" .. stamp,
  }, "&")
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 303 then
    c303 = c303 + 1
  else
    cother = cother + 1
    if cother <= 3 then
      io.stderr:write("unexpected status " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local total303, totalother = 0, 0
  for _, t in ipairs(threads) do
    total303 = total303 + (t:get("c303") or 0)
    totalother = totalother + (t:get("cother") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.2f rps=%.1f status303=%d other_status=%d " ..
    "socket_errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    total303, totalother, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
