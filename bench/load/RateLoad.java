import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate (open model) load generator for {@code POST /v1/t}: the stand-in for wrk2, which Debian
 * does not package. Run with the JDK's source launcher, no build:
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmx256m bench/load/RateLoad.java --url http://127.0.0.1:8080/v1/t --site pk_… \
 *      --run r1 --events-per-second 5000 --seconds 60 --warmup 10 --connections 256
 * </pre>
 *
 * <p>Method: one dispatcher thread builds the requests (the same session mix as track.lua, which it
 * mirrors) and releases request i at its intended time {@code start + events before i / rate}, so the
 * events, not the requests, arrive at the given rate. Workers (virtual threads, one keep-alive connection
 * each) take released requests in order. Latency is measured from the intended time to the last byte of
 * the answer, so time a request spent waiting for a free connection, or behind a stalled server, counts
 * (no coordinated omission, as wrk2). Percentiles are exact: every latency of the measured window is kept
 * and sorted. The first {@code --warmup} seconds run at the same rate and are not recorded.
 */
public final class RateLoad {
    record Item(long intendedNanos, byte[] request, int events) {}

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080/v1/t", site = null, run = "rl";
        double rate = 5000;
        int seconds = 60, warmup = 10, connections = 256, visitors = 100_000;
        boolean series = false;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = v;
                case "--site" -> site = v;
                case "--run" -> run = v;
                case "--events-per-second" -> rate = Double.parseDouble(v);
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--connections" -> connections = Integer.parseInt(v);
                case "--visitors" -> visitors = Integer.parseInt(v);
                case "--series" -> series = Boolean.parseBoolean(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (site == null) throw new IllegalArgumentException("--site <key> is required");
        URI uri = URI.create(url);
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        Mix mix = new Mix(site, run, visitors, new Random(run.hashCode() * 31L + 7), uri.getPath(), host + ":" + port);

        LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        long start = System.nanoTime() + 200_000_000L;
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        int capacity = (int) (rate * seconds * 1.2) + 1000;
        long[][] lat = new long[connections][];
        long[][] sent = new long[connections][]; // intended times, beside lat, for --series
        int[] counts = new int[connections];
        AtomicLong okReq = new AtomicLong(), okEvents = new AtomicLong(), bad = new AtomicLong(),
                failed = new AtomicLong(), actions = new AtomicLong();
        Item poison = new Item(Long.MAX_VALUE, null, 0);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            final int me = w;
            lat[w] = new long[Math.max(1024, capacity / connections * 4)];
            sent[w] = new long[lat[w].length];
            workers.add(Thread.ofVirtual().start(() -> {
                Conn conn = null;
                byte[] buf = new byte[64 * 1024];
                while (true) {
                    Item it;
                    try {
                        it = queue.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (it == poison) {
                        if (conn != null) conn.close();
                        return;
                    }
                    int status;
                    int body;
                    try {
                        if (conn == null) conn = new Conn(host, port);
                        conn.out.write(it.request);
                        conn.out.flush();
                        status = conn.readResponse(buf);
                        body = conn.lastBodyLength;
                    } catch (IOException e) {
                        if (conn != null) conn.close();
                        conn = null;
                        failed.incrementAndGet();
                        continue;
                    }
                    long done = System.nanoTime();
                    if (it.intendedNanos < measureFrom) continue;
                    if (status != 200) {
                        bad.incrementAndGet();
                        continue;
                    }
                    okReq.incrementAndGet();
                    okEvents.addAndGet(it.events);
                    actions.addAndGet(count(buf, body, "\"campaign\":"));
                    if (counts[me] == lat[me].length) {
                        lat[me] = Arrays.copyOf(lat[me], lat[me].length * 2);
                        sent[me] = Arrays.copyOf(sent[me], sent[me].length * 2);
                    }
                    sent[me][counts[me]] = it.intendedNanos;
                    lat[me][counts[me]++] = done - it.intendedNanos;
                }
            }));
        }

        // dispatcher: release request i at start + (events before i) / rate
        double nanosPerEvent = 1e9 / rate;
        long eventsBefore = 0;
        long lagMax = 0;
        while (true) {
            long intended = start + (long) (eventsBefore * nanosPerEvent);
            if (intended >= end) break;
            Mix.Req r = mix.next();
            long now = System.nanoTime();
            if (intended > now) LockSupport.parkNanos(intended - now);
            else lagMax = Math.max(lagMax, now - intended);
            queue.add(new Item(intended, r.bytes(), r.events()));
            eventsBefore += r.events();
        }
        long dispatchedAt = System.nanoTime();
        for (int w = 0; w < connections; w++) queue.add(poison);
        for (Thread t : workers) t.join(TimeUnit.SECONDS.toMillis(30));
        long drained = System.nanoTime();

        int n = 0;
        for (int w = 0; w < connections; w++) n += counts[w];
        long[] all = new long[n];
        int k = 0;
        for (int w = 0; w < connections; w++) {
            System.arraycopy(lat[w], 0, all, k, counts[w]);
            k += counts[w];
        }
        if (series) printSeries(lat, sent, counts, measureFrom, seconds);
        Arrays.sort(all);
        double secs = seconds;
        System.out.printf(
                "RESULT target_events_per_s=%.0f seconds=%d requests=%d req_per_s=%.0f events_per_s=%.0f events_per_req=%.3f "
                        + "actions_per_req=%.3f non200=%d io_errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f "
                        + "dispatcher_late_max_ms=%.2f drain_ms=%.0f%n",
                rate, seconds, okReq.get(), okReq.get() / secs, okEvents.get() / secs,
                okEvents.get() / (double) Math.max(1, okReq.get()), actions.get() / (double) Math.max(1, okReq.get()),
                bad.get(), failed.get(), ms(pct(all, 50)), ms(pct(all, 90)), ms(pct(all, 99)), ms(pct(all, 99.9)),
                ms(n == 0 ? 0 : all[n - 1]), lagMax / 1e6, (drained - dispatchedAt) / 1e6);
    }

    /**
     * {@code --series true}: one line per second of the measured window (by the requests' intended times), with
     * its requests, p99 and max, and the wall-clock time that second began, to match slow seconds against a GC
     * log or a checkpoint.
     */
    static void printSeries(long[][] lat, long[][] sent, int[] counts, long measureFrom, int seconds) {
        long wallAtFrom = System.currentTimeMillis() - (System.nanoTime() - measureFrom) / 1_000_000;
        List<List<Long>> bySecond = new ArrayList<>();
        for (int i = 0; i < seconds; i++) bySecond.add(new ArrayList<>());
        for (int w = 0; w < lat.length; w++) {
            for (int i = 0; i < counts[w]; i++) {
                int second = (int) ((sent[w][i] - measureFrom) / 1_000_000_000L);
                if (second >= 0 && second < seconds) bySecond.get(second).add(lat[w][i]);
            }
        }
        for (int i = 0; i < seconds; i++) {
            long[] l = bySecond.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("SECOND %d wall=%s requests=%d p99_ms=%.2f max_ms=%.2f%n", i,
                    java.time.Instant.ofEpochMilli(wallAtFrom + i * 1000L), l.length, ms(pct(l, 99)), ms(l.length == 0 ? 0 : l[l.length - 1]));
        }
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static int count(byte[] buf, int len, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        int c = 0;
        outer:
        for (int i = 0; i + n.length <= len; i++) {
            for (int j = 0; j < n.length; j++) if (buf[i + j] != n[j]) continue outer;
            c++;
        }
        return c;
    }

    /** One keep-alive HTTP/1.1 connection; reads Content-Length and chunked answers. */
    static final class Conn {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        int lastBodyLength;

        Conn(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) throw new IOException("connection closed");
                if (c != '\r') sb.append((char) c);
            }
            return sb.toString();
        }

        /** Reads one answer; its body (as much as fits) goes to buf. Returns the status. */
        int readResponse(byte[] buf) throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h; !(h = line()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
                else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
            }
            int got = 0;
            if (chunked) {
                while (true) {
                    int size = Integer.parseInt(line().trim().split(";")[0], 16);
                    if (size == 0) {
                        line();
                        break;
                    }
                    got = readInto(buf, got, size);
                    line();
                }
            } else if (length >= 0) {
                got = readInto(buf, 0, (int) length);
            } else {
                throw new IOException("answer without a length");
            }
            lastBodyLength = got;
            return code;
        }

        private int readInto(byte[] buf, int at, int size) throws IOException {
            int left = size;
            while (left > 0) {
                int room = Math.max(0, buf.length - at);
                int n;
                if (room > 0) {
                    n = in.read(buf, at, Math.min(room, left));
                    if (n > 0) at += n;
                } else {
                    n = (int) in.skip(left);
                    if (n == 0 && in.read() >= 0) n = 1;
                }
                if (n < 0) throw new IOException("connection closed in the body");
                left -= n;
            }
            return at;
        }
    }

    /** The session mix of track.lua (see its header), in Java. Not thread-safe: the dispatcher owns it. */
    static final class Mix {
        static final int HEAVY = 2000, OPEN_SESSIONS = 64, ITEMS = 500;
        static final String[] UAS_PHONE = {
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Linux; Android 13; SO-51C) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile Safari/537.36"};
        static final String[] UAS_PC = {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"};
        static final String[] RANKS = {"gold", "silver", "regular", "regular", "regular", "silver", "regular", "regular", "regular", "regular"};

        record Req(byte[] bytes, int events) {}

        static final class Session {
            int v, n, pages;
            String vid, ua, user, rank, path, query, referrer, prev;
            boolean phone;
        }

        final String site, run, path, hostHeader;
        final int visitors;
        final Random rnd;
        final Session[] sessions = new Session[OPEN_SESSIONS];
        long counter;

        Mix(String site, String run, int visitors, Random rnd, String path, String hostHeader) {
            this.site = site;
            this.run = run;
            this.visitors = visitors;
            this.rnd = rnd;
            this.path = path;
            this.hostHeader = hostHeader;
            for (int i = 0; i < OPEN_SESSIONS; i++) sessions[i] = newSession();
        }

        int between(int lo, int hi) {
            return lo + rnd.nextInt(hi - lo + 1);
        }

        Session newSession() {
            Session s = new Session();
            s.v = rnd.nextDouble() < 0.30 ? rnd.nextInt(HEAVY) : between(HEAVY, visitors - 1);
            s.vid = String.format("v_%08d", s.v);
            s.phone = s.v % 10 < 6;
            s.ua = s.phone ? UAS_PHONE[s.v % UAS_PHONE.length] : UAS_PC[s.v % UAS_PC.length];
            if ((s.v / 10) % 10 == 3) {
                s.user = String.format("u_%08d", s.v);
                s.rank = RANKS[(s.v / 100) % RANKS.length];
            }
            if (rnd.nextDouble() < 0.30) s.pages = 1;
            else {
                s.pages = 2;
                while (s.pages < 12 && rnd.nextDouble() < 0.62) s.pages++;
            }
            double r = rnd.nextDouble();
            if (r < 0.20) {
                s.query = "?utm_source=google&utm_medium=cpc&utm_campaign=winter_sale&gclid=Cj0KCQ" + between(100000, 999999);
                s.referrer = "https://www.google.com/";
                s.path = rnd.nextDouble() < 0.5 ? "/sale/winter" : "/items/" + between(1, ITEMS);
            } else if (r < 0.28) {
                s.query = "?utm_source=newsletter&utm_medium=email&utm_campaign=weekly";
                s.path = "/";
            } else if (r < 0.58) {
                s.referrer = "https://www.google.com/";
                s.path = rnd.nextDouble() < 0.6 ? "/items/" + between(1, ITEMS) : "/";
            } else {
                s.path = "/";
            }
            return s;
        }

        String nextPath(Session s) {
            if (s.path.equals("/signup")) return "/signup/complete";
            double r = rnd.nextDouble();
            if (r < 0.05) return s.path;
            if (r < 0.50) return "/items/" + between(1, ITEMS);
            if (r < 0.62) return "/";
            if (r < 0.74) return "/cart";
            if (r < 0.82) return "/sale/winter";
            if (r < 0.90) return "/staff/" + between(1, 40);
            if (r < 0.96) return s.user != null ? "/items/" + between(1, ITEMS) : "/signup";
            return "/request";
        }

        static String title(String path) {
            return switch (path) {
                case "/" -> "Omotenashi demo shop";
                case "/cart" -> "Cart";
                case "/sale/winter" -> "Winter sale";
                case "/signup" -> "Sign up";
                case "/signup/complete" -> "Welcome!";
                case "/request" -> "Brochure request";
                default -> path.startsWith("/items/") ? "Item " + path.substring(7) : "Staff coordinate";
            };
        }

        Req next() {
            int slot = rnd.nextInt(OPEN_SESSIONS);
            Session s = sessions[slot];
            if (s.n >= s.pages) sessions[slot] = s = newSession();
            if (s.n > 0) {
                s.path = nextPath(s);
                s.query = null;
                s.referrer = "http://localhost" + (s.prev == null ? "/" : s.prev);
            }
            s.n++;
            s.prev = s.path;
            counter++;
            String eid = "e_" + run + "_j_" + counter + "_";
            String p = s.path;
            String viewProps = p.startsWith("/items/") ? "{\"item_id\":\"" + p.substring(7) + "\"}" : "{}";
            List<String> ev = new ArrayList<>(3);
            ev.add("{\"id\":\"" + eid + "1\",\"name\":\"view\",\"properties\":" + viewProps + "}");
            String user = s.user, traits = null;
            if (s.user != null && s.n == 1) traits = "{\"member_rank\":\"" + s.rank + "\"}";
            if (p.equals("/cart")) {
                int price = rnd.nextDouble() < 0.25 ? between(4000, 5000) : between(800, 15000);
                ev.add("{\"id\":\"" + eid + "2\",\"name\":\"cart\",\"properties\":{\"in_cart_price\":" + price + ",\"items\":" + between(1, 5) + "}}");
                if (rnd.nextDouble() < 0.25) ev.add("{\"id\":\"" + eid + "3\",\"name\":\"buy\",\"properties\":{\"revenue\":" + price + "}}");
            } else if (p.equals("/signup/complete")) {
                s.user = user = String.format("u_%08d", s.v);
                s.rank = "regular";
                traits = "{\"member_rank\":\"regular\"}";
                ev.add("{\"id\":\"" + eid + "2\",\"name\":\"signup_complete\",\"properties\":{}}");
            } else if (p.equals("/request")) {
                ev.add("{\"id\":\"" + eid + "2\",\"name\":\"brochure_request\",\"properties\":{\"kind\":\"catalog\"}}");
            } else if ((p.startsWith("/items/") && rnd.nextDouble() < 0.30) || rnd.nextDouble() < 0.10) {
                ev.add("{\"id\":\"" + eid + "2\",\"name\":\"scroll\",\"properties\":{\"depth\":" + between(1, 4) * 25 + "}}");
            }
            StringBuilder b = new StringBuilder(600);
            b.append("{\"site\":\"").append(site).append("\",\"visitor\":\"").append(s.vid).append('"');
            if (user != null) b.append(",\"user\":\"").append(user).append('"');
            if (traits != null) b.append(",\"traits\":").append(traits);
            b.append(",\"page\":{\"url\":\"http://localhost").append(p).append(s.query == null ? "" : s.query)
                    .append("\",\"title\":\"").append(title(p)).append('"');
            if (s.referrer != null) b.append(",\"referrer\":\"").append(s.referrer).append('"');
            b.append("},\"context\":{");
            b.append(s.phone ? "\"viewport\":[390,844],\"screen\":[390,844],\"mobile\":true"
                    : "\"viewport\":[1440,900],\"screen\":[1920,1080],\"mobile\":false");
            b.append(",\"lang\":\"ja-JP\",\"tz\":\"Asia/Tokyo\"},\"events\":[").append(String.join(",", ev))
                    .append("],\"decide\":true}");
            byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: application/json\r\n"
                    + "User-Agent: " + s.ua + "\r\nOrigin: http://localhost\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return new Req(all, ev.size());
        }
    }
}
