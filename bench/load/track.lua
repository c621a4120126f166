-- wrk script: realistic tag traffic for POST /v1/t (and /bench/noop, which parses the same bodies).
--
--   wrk -t2 -c128 -d60s -s bench/load/track.lua http://127.0.0.1:8080/v1/t -- <site key> <run tag> [visitors]
--
-- The mix (mirrored by RateLoad.java, which runs it at a constant rate; keep the two in step):
--   * visitors: 100,000 ids (v_00000000 ...). A session picks its visitor from a mixture: 30% of sessions
--     go to 2,000 "heavy" ids (regulars, ~20 sessions each in a 60 s run), 70% uniformly to the other
--     98,000 (most seen once or twice). 60% of ids browse on a smartphone, 40% on a PC (six user agents).
--     One id in ten is a member: it sends its user id on every request, and its member_rank trait
--     (gold / silver / regular) on the first request of a session.
--   * sessions: each wrk thread keeps 64 sessions open and sends the next page of a random one, so
--     visitors interleave as in real traffic. 30% of sessions bounce (one page), otherwise 2 to 12
--     pages (geometric, mean about 4). Landing: 20% ad clicks (utm_source=google&utm_medium=cpc&gclid=…,
--     on /sale/winter or an item), 8% e-mail (utm_medium=email), 30% organic search (Google referrer),
--     the rest direct.
--   * pages: /items/N (N of 500, item pages carry item_id) 45%, / 12%, /cart 12%, /sale/winter 8%,
--     /staff/N 8%, /signup 6% (then /signup/complete with the signup: user id, member_rank trait and
--     a signup_complete event), /request 4% (with a brochure_request event), and 5% "reload" of the
--     same page.
--   * events (1–3 a request, all with unique ids `e_<run>_<thread>_<counter>_<k>`): `view` always;
--     on /cart a `cart` event with in_cart_price (a quarter of them in 4,000–5,000 yen, S10's band) and
--     items, and 25% of carts a `buy`; on item pages 30% a `scroll` event {depth}; 10% of other pages a
--     `scroll` too. `decide: true` on every request; `Origin: http://localhost`.
-- done() prints requests/s and events/s; events/s = completed requests x events per request sent.

local VISITORS = 100000
local HEAVY = 2000
local OPEN_SESSIONS = 64
local ITEMS = 500

local UAS_PHONE = {
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 13; SO-51C) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile Safari/537.36",
}
local UAS_PC = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
}
local RANKS = { "gold", "silver", "regular", "regular", "regular", "silver", "regular", "regular", "regular", "regular" }

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local site, run, sessions
requests_sent, events_sent = 0, 0

local function pick_visitor()
  if math.random() < 0.30 then return math.random(0, HEAVY - 1) end
  return math.random(HEAVY, VISITORS - 1)
end

local function new_session()
  local v = pick_visitor()
  local s = { v = v, vid = string.format("v_%08d", v), n = 0, phone = (v % 10) < 6 }
  if s.phone then s.ua = UAS_PHONE[(v % #UAS_PHONE) + 1] else s.ua = UAS_PC[(v % #UAS_PC) + 1] end
  if math.floor(v / 10) % 10 == 3 then s.user = string.format("u_%08d", v); s.rank = RANKS[(math.floor(v / 100) % #RANKS) + 1] end
  if math.random() < 0.30 then s.pages = 1 else
    s.pages = 2
    while s.pages < 12 and math.random() < 0.62 do s.pages = s.pages + 1 end
  end
  local r = math.random()
  if r < 0.20 then
    s.query = "?utm_source=google&utm_medium=cpc&utm_campaign=winter_sale&gclid=Cj0KCQ" .. math.random(100000, 999999)
    s.referrer = "https://www.google.com/"
    if math.random() < 0.5 then s.path = "/sale/winter" else s.path = "/items/" .. math.random(1, ITEMS) end
  elseif r < 0.28 then
    s.query = "?utm_source=newsletter&utm_medium=email&utm_campaign=weekly"
    s.path = "/"
  elseif r < 0.58 then
    s.referrer = "https://www.google.com/"
    if math.random() < 0.6 then s.path = "/items/" .. math.random(1, ITEMS) else s.path = "/" end
  else
    s.path = "/"
  end
  return s
end

local function next_path(s)
  if s.path == "/signup" then return "/signup/complete" end
  local r = math.random()
  if r < 0.05 then return s.path end
  if r < 0.50 then return "/items/" .. math.random(1, ITEMS) end
  if r < 0.62 then return "/" end
  if r < 0.74 then return "/cart" end
  if r < 0.82 then return "/sale/winter" end
  if r < 0.90 then return "/staff/" .. math.random(1, 40) end
  if r < 0.96 then
    if s.user then return "/items/" .. math.random(1, ITEMS) end
    return "/signup"
  end
  return "/request"
end

local TITLES = { ["/"] = "Omotenashi demo shop", ["/cart"] = "Cart", ["/sale/winter"] = "Winter sale",
  ["/signup"] = "Sign up", ["/signup/complete"] = "Welcome!", ["/request"] = "Brochure request" }

function init(args)
  site = args[1] or error("usage: -- <site key> <run tag>")
  run = args[2] or "r"
  if args[3] then VISITORS = tonumber(args[3]) end
  math.randomseed(tid * 7919 + #run * 104729 + os.time())
  sessions = {}
  for i = 1, OPEN_SESSIONS do sessions[i] = new_session() end
end

function request()
  local slot = math.random(1, OPEN_SESSIONS)
  local s = sessions[slot]
  if s.n >= s.pages then s = new_session(); sessions[slot] = s end
  if s.n > 0 then s.path = next_path(s); s.query = nil; s.referrer = "http://localhost" .. (s.prev or "/") end
  s.n = s.n + 1
  s.prev = s.path
  counter = counter + 1
  local eid = "e_" .. run .. "_" .. tid .. "_" .. counter .. "_"
  local path = s.path
  local title = TITLES[path]
  local viewprops = "{}"
  local item = path:match("^/items/(%d+)")
  if item then title = "Item " .. item; viewprops = '{"item_id":"' .. item .. '"}'
  elseif title == nil then title = "Staff coordinate" end
  local ev = { '{"id":"' .. eid .. '1","name":"view","properties":' .. viewprops .. '}' }
  local user, traits = s.user, nil
  if s.user and s.n == 1 then traits = '{"member_rank":"' .. s.rank .. '"}' end
  if path == "/cart" then
    local price
    if math.random() < 0.25 then price = math.random(4000, 5000) else price = math.random(800, 15000) end
    ev[#ev + 1] = '{"id":"' .. eid .. '2","name":"cart","properties":{"in_cart_price":' .. price .. ',"items":' .. math.random(1, 5) .. '}}'
    if math.random() < 0.25 then
      ev[#ev + 1] = '{"id":"' .. eid .. '3","name":"buy","properties":{"revenue":' .. price .. '}}'
    end
  elseif path == "/signup/complete" then
    s.user = string.format("u_%08d", s.v); s.rank = "regular"; user = s.user
    traits = '{"member_rank":"regular"}'
    ev[#ev + 1] = '{"id":"' .. eid .. '2","name":"signup_complete","properties":{}}'
  elseif path == "/request" then
    ev[#ev + 1] = '{"id":"' .. eid .. '2","name":"brochure_request","properties":{"kind":"catalog"}}'
  elseif (item and math.random() < 0.30) or math.random() < 0.10 then
    ev[#ev + 1] = '{"id":"' .. eid .. '2","name":"scroll","properties":{"depth":' .. (math.random(1, 4) * 25) .. '}}'
  end
  local b = { '{"site":"', site, '","visitor":"', s.vid, '"' }
  if user then b[#b + 1] = ',"user":"' .. user .. '"' end
  if traits then b[#b + 1] = ',"traits":' .. traits end
  b[#b + 1] = ',"page":{"url":"http://localhost' .. path .. (s.query or "") .. '","title":"' .. title .. '"'
  if s.referrer then b[#b + 1] = ',"referrer":"' .. s.referrer .. '"' end
  b[#b + 1] = '},"context":{'
  if s.phone then b[#b + 1] = '"viewport":[390,844],"screen":[390,844],"mobile":true'
  else b[#b + 1] = '"viewport":[1440,900],"screen":[1920,1080],"mobile":false' end
  b[#b + 1] = ',"lang":"ja-JP","tz":"Asia/Tokyo"},"events":[' .. table.concat(ev, ",") .. '],"decide":true}'
  requests_sent = requests_sent + 1
  events_sent = events_sent + #ev
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = s.ua,
    ["Origin"] = "http://localhost",
  }, table.concat(b))
end

function done(summary, latency, requests)
  local rs, es = 0, 0
  for _, t in ipairs(threads) do
    rs = rs + t:get("requests_sent")
    es = es + t:get("events_sent")
  end
  local secs = summary.duration / 1e6
  local per = es / math.max(rs, 1)
  local errs = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.1f req_per_s=%.0f events_per_req=%.3f events_per_s=%.0f errors=%d non2xx=%d p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f\n",
    summary.requests, secs, summary.requests / secs, per, summary.requests * per / secs, errs, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
