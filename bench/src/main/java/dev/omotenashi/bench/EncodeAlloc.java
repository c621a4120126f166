package dev.omotenashi.bench;

import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.ProfileCodec;

/**
 * Bytes allocated per encoded typical profile (ProfileMemory's, deciding as the tag does): a fresh buffer each time,
 * as a request's copy-on-write encoding does, against the reused scratch of a checkpoint's snapshot
 * (docs/performance.md, the fourteenth session). Run:
 * {@code java -cp bench/target/benchmarks.jar dev.omotenashi.bench.EncodeAlloc}
 */
public final class EncodeAlloc {
    public static void main(String[] args) {
        BenchClock clock = new BenchClock(DemoShop.START, DemoShop.TOKYO);
        SiteEngine engine = DemoShop.engine(clock, ScenarioCatalog.all());
        Profile p = ProfileMemory.TypicalVisitor.run(engine, clock, "v_01JD3Z8K4Q0000TYPICAL00001", 0, true);
        ProfileCodec codec = engine.codec();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        java.io.ByteArrayOutputStream scratch = new java.io.ByteArrayOutputStream(4096);
        int n = 200_000; long sink = 0;
        for (int round = 0; round < 3; round++) {
            long a = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) sink += codec.encode(p).length;
            long b = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) sink += codec.encode(p, scratch).length;
            long c = mx.getCurrentThreadAllocatedBytes();
            System.out.printf("round %d: encoded %d bytes; allocated per profile: fresh buffer %d B, reused scratch %d B%n",
                    round, codec.encode(p).length, (b - a) / n, (c - b) / n);
        }
        if (sink == 42) System.out.println(); // keeps the encodings from being optimised away
    }
}
