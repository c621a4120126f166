package dev.omotenashi.engine.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * The compact binary form of a {@link Profile} that stores keep (checkpoints, Redis). Versioned: the first
 * byte is the format version and readers refuse versions they do not know rather than guess.
 *
 * <p>Format 1: every field of the profile in declaration order; strings as modified UTF-8 with a
 * presence flag; variable-length parts prefixed with their count; values tagged (0 null, 1 number,
 * 2 string, 3 boolean); traits as JSON. Thread-safe (stateless).
 */
public final class ProfileCodec {
    /**
     * 2: a campaign history keeps the page view of its latest delivery; 3: a browser keeps the host's
     * journal position of its latest request. Versions 1 and 2 are still read (the position then reads 0).
     */
    public static final int VERSION = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnaryOperator<String> intern;
    private final UnaryOperator<String> items;

    /**
     * A codec that shares the strings it reads back: event names and campaign ids through {@code intern},
     * item ids through {@code items} (the site's item table).
     */
    public ProfileCodec(UnaryOperator<String> intern, UnaryOperator<String> items) {
        this.intern = intern;
        this.items = items;
    }

    public ProfileCodec() {
        this(UnaryOperator.identity(), UnaryOperator.identity());
    }

    public byte[] encode(Profile p) {
        return encode(p, VERSION, new ByteArrayOutputStream(256));
    }

    /**
     * As {@link #encode(Profile)}, writing through {@code scratch}, which is reset first and keeps its grown
     * buffer: a caller encoding many profiles one after another (a checkpoint) allocates only each result,
     * instead of a buffer grown by doubling for every profile and copied at the end (3,792 bytes per typical
     * profile instead of 11,832: bench's EncodeAlloc).
     * The scratch must not be shared by threads encoding at the same time.
     */
    public byte[] encode(Profile p, ByteArrayOutputStream scratch) {
        return encode(p, VERSION, scratch);
    }

    /**
     * The profile in an older format (what that version could hold: the rest is left out), for tests and
     * tools that must write for an older reader.
     *
     * @throws IllegalArgumentException when {@code version} is not one this codec knows
     */
    public byte[] encode(Profile p, int version) {
        return encode(p, version, new ByteArrayOutputStream(256));
    }

    private byte[] encode(Profile p, int version, ByteArrayOutputStream bytes) {
        if (version < 1 || version > VERSION) throw new IllegalArgumentException("unknown profile format version " + version);
        try {
            bytes.reset();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(version);
            writeString(out, p.userId);
            writeString(out, p.traits == null ? null : JSON.writeValueAsString(p.traits));
            out.writeLong(p.firstSeen);
            out.writeLong(p.lastEventAt);
            out.writeInt(p.visits);
            out.writeInt(p.nextSerial);
            out.writeLong(p.lastDeliveryAt);
            out.writeInt(p.viewsSinceDelivery);
            out.writeByte(p.recentItems.length);
            for (String item : p.recentItems) writeLongString(out, item);
            out.writeShort(p.browsers.length);
            for (VisitorState b : p.browsers) writeBrowser(out, b, version);
            out.writeInt(p.counters.length);
            for (EventCounter c : p.counters) writeCounter(out, c);
            out.writeInt(p.series.length);
            for (Series s : p.series) writeSeries(out, s);
            out.writeInt(p.campaigns.length);
            for (CampaignHistory h : p.campaigns) writeCampaign(out, h, version);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a profile of a known format version */
    public Profile decode(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int version = in.readUnsignedByte();
            if (version < 1 || version > VERSION) throw new IllegalArgumentException("unknown profile format version " + version);
            Profile p = new Profile();
            p.userId = readString(in);
            String traits = readString(in);
            p.traits = traits == null ? null : (ObjectNode) JSON.readTree(traits);
            p.firstSeen = in.readLong();
            p.lastEventAt = in.readLong();
            p.visits = in.readInt();
            p.nextSerial = in.readInt();
            p.lastDeliveryAt = in.readLong();
            p.viewsSinceDelivery = in.readInt();
            p.recentItems = new String[in.readUnsignedByte()];
            for (int i = 0; i < p.recentItems.length; i++) p.recentItems[i] = items.apply(readLongString(in));
            p.browsers = new VisitorState[in.readUnsignedShort()];
            for (int i = 0; i < p.browsers.length; i++) p.browsers[i] = readBrowser(in, version);
            p.counters = new EventCounter[in.readInt()];
            for (int i = 0; i < p.counters.length; i++) p.counters[i] = readCounter(in);
            p.series = new Series[in.readInt()];
            for (int i = 0; i < p.series.length; i++) p.series[i] = readSeries(in);
            p.campaigns = new CampaignHistory[in.readInt()];
            for (int i = 0; i < p.campaigns.length; i++) p.campaigns[i] = readCampaign(in, version);
            if (in.available() != 0) throw new IllegalArgumentException("trailing bytes after profile");
            return p;
        } catch (IOException | ClassCastException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("corrupt profile: " + e.getMessage(), e);
        }
    }

    private void writeBrowser(DataOutputStream out, VisitorState b, int version) throws IOException {
        writeString(out, b.visitorId);
        out.writeInt(b.serial);
        out.writeInt(b.previousSerial);
        out.writeLong(b.sessionStart);
        out.writeLong(b.lastEventAt);
        out.writeLong(b.lastSeenBefore);
        out.writeInt(b.sessionPv);
        writeString(out, b.source);
        writeString(out, b.device);
        writeString(out, b.landingPath);
        writeString(out, b.referrerHost);
        if (b.campaignSource == null) {
            out.writeByte(0);
        } else {
            out.writeByte(b.campaignSource.length);
            for (String s : b.campaignSource) writeString(out, s);
        }
        if (version >= 3) out.writeLong(b.journalSeq);
    }

    private VisitorState readBrowser(DataInputStream in, int version) throws IOException {
        VisitorState b = new VisitorState(readString(in));
        b.serial = in.readInt();
        b.previousSerial = in.readInt();
        b.sessionStart = in.readLong();
        b.lastEventAt = in.readLong();
        b.lastSeenBefore = in.readLong();
        b.sessionPv = in.readInt();
        b.source = constant(readString(in));
        b.device = constant(readString(in));
        b.landingPath = readString(in);
        b.referrerHost = readString(in);
        int n = in.readUnsignedByte();
        if (n > 0) {
            b.campaignSource = new String[n];
            for (int i = 0; i < n; i++) b.campaignSource[i] = readString(in);
        }
        if (version >= 3) b.journalSeq = in.readLong();
        return b;
    }

    private String constant(String s) {
        return s == null ? null : s.intern();
    }

    private void writeCounter(DataOutputStream out, EventCounter c) throws IOException {
        writeString(out, c.name);
        out.writeInt(c.count);
        out.writeLong(c.firstAt());
        out.writeLong(c.latestAt());
        out.writeInt(c.serialA);
        out.writeInt(c.countA);
        out.writeInt(c.serialB);
        out.writeInt(c.countB);
        writeInts(out, c.days);
    }

    private EventCounter readCounter(DataInputStream in) throws IOException {
        EventCounter c = new EventCounter(intern.apply(readString(in)));
        c.count = in.readInt();
        long firstAt = in.readLong();
        c.times(firstAt, in.readLong());
        c.serialA = in.readInt();
        c.countA = in.readInt();
        c.serialB = in.readInt();
        c.countB = in.readInt();
        c.days = readInts(in);
        return c;
    }

    private void writeSeries(DataOutputStream out, Series s) throws IOException {
        writeString(out, s.event);
        writeString(out, s.property);
        out.writeBoolean(s.keepValues);
        writeBucket(out, s.all);
        out.writeBoolean(s.sessions != null);
        if (s.sessions != null) {
            out.writeInt(s.sessions.serialA);
            writeBucket(out, s.sessions.a);
            out.writeInt(s.sessions.serialB);
            writeBucket(out, s.sessions.b);
        }
        out.writeBoolean(s.days != null);
        if (s.days != null) {
            writeInts(out, s.days);
            for (Bucket b : s.dayBuckets) writeBucket(out, b);
        }
    }

    private Series readSeries(DataInputStream in) throws IOException {
        String event = intern.apply(readString(in));
        String property = readString(in);
        boolean keepValues = in.readBoolean();
        Bucket all = readBucket(in);
        boolean sessions = in.readBoolean();
        Series s;
        if (sessions) {
            int serialA = in.readInt();
            Bucket a = readBucket(in);
            int serialB = in.readInt();
            Bucket b = readBucket(in);
            s = new Series(event, property, keepValues, true, false);
            s.sessions.serialA = serialA;
            s.sessions.a = a;
            s.sessions.serialB = serialB;
            s.sessions.b = b;
        } else {
            s = new Series(event, property, keepValues, false, false);
        }
        if (all == null) throw new IOException("series without its all-time bucket");
        s.all = all;
        if (in.readBoolean()) {
            s.days = readInts(in);
            s.dayBuckets = new Bucket[s.days.length];
            for (int i = 0; i < s.days.length; i++) s.dayBuckets[i] = readBucket(in);
        }
        return s;
    }

    private void writeBucket(DataOutputStream out, Bucket b) throws IOException {
        out.writeBoolean(b != null);
        if (b == null) return;
        out.writeInt(b.count);
        out.writeInt(b.numericCount);
        out.writeDouble(b.sum);
        out.writeDouble(b.min);
        out.writeDouble(b.max);
        writeValue(out, b.firstValue());
        out.writeLong(b.firstAt);
        writeValue(out, b.latestValue());
        out.writeLong(b.latestAt);
        out.writeBoolean(b.values != null);
        if (b.values != null) {
            out.writeByte(b.values.size());
            for (int i = 0; i < b.values.size(); i++) {
                writeValue(out, b.values.value(i));
                out.writeInt(b.values.count(i));
            }
        }
    }

    private Bucket readBucket(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        Bucket b = new Bucket(false);
        b.count = in.readInt();
        b.numericCount = in.readInt();
        b.sum = in.readDouble();
        b.min = in.readDouble();
        b.max = in.readDouble();
        b.setFirst(readValue(in));
        b.firstAt = in.readLong();
        b.setLatest(readValue(in));
        b.latestAt = in.readLong();
        if (in.readBoolean()) {
            b.values = new TopValues();
            int n = in.readUnsignedByte();
            for (int i = 0; i < n; i++) {
                Object v = readValue(in);
                b.values.add(v, in.readInt());
            }
        }
        return b;
    }

    private void writeCampaign(DataOutputStream out, CampaignHistory h, int version) throws IOException {
        writeString(out, h.campaign);
        writeInts(out, h.counts);
        out.writeShort(h.latestAt.length);
        for (long t : h.latestAt) out.writeLong(t);
        out.writeInt(h.serialA);
        out.writeInt(h.serialB);
        out.writeInt(h.day);
        out.writeLong(h.exposedAt);
        writeString(out, h.exposedVariant);
        out.writeBoolean(h.exposedControl);
        out.writeInt(h.exposedSerial);
        writeString(out, h.assignedVariant);
        out.writeBoolean(h.assignedControl);
        if (version >= 2) out.writeInt(h.deliveredView);
    }

    private CampaignHistory readCampaign(DataInputStream in, int version) throws IOException {
        CampaignHistory h = new CampaignHistory(intern.apply(readString(in)));
        int[] counts = readInts(in);
        if (counts.length != h.counts.length) throw new IOException("campaign counts of unexpected length");
        System.arraycopy(counts, 0, h.counts, 0, counts.length);
        int n = in.readUnsignedShort();
        if (n != h.latestAt.length) throw new IOException("campaign times of unexpected length");
        for (int i = 0; i < n; i++) h.latestAt[i] = in.readLong();
        h.serialA = in.readInt();
        h.serialB = in.readInt();
        h.day = in.readInt();
        h.exposedAt = in.readLong();
        h.exposedVariant = readString(in);
        h.exposedControl = in.readBoolean();
        h.exposedSerial = in.readInt();
        h.assignedVariant = readString(in);
        h.assignedControl = in.readBoolean();
        if (version >= 2) h.deliveredView = in.readInt();
        return h;
    }

    private static void writeValue(DataOutputStream out, Object v) throws IOException {
        switch (v) {
            case null -> out.writeByte(0);
            case Double d -> {
                out.writeByte(1);
                out.writeDouble(d);
            }
            case String s -> {
                out.writeByte(2);
                writeLongString(out, s);
            }
            case Boolean b -> {
                out.writeByte(3);
                out.writeBoolean(b);
            }
            default -> throw new IllegalStateException("not an engine value: " + v.getClass());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        return switch (in.readUnsignedByte()) {
            case 0 -> null;
            case 1 -> in.readDouble();
            case 2 -> readLongString(in);
            case 3 -> in.readBoolean();
            default -> throw new IOException("unknown value tag");
        };
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) writeLongString(out, s);
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLongString(in) : null;
    }

    /** Strings as length-prefixed UTF-8 (writeUTF stops at 64 KiB, which a trait value may exceed). */
    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("string length out of range");
        byte[] b = in.readNBytes(n);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 4) throw new IOException("array length out of range");
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = in.readInt();
        return a;
    }
}
