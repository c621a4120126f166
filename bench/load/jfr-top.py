#!/usr/bin/env python3
"""Summarises a JFR recording of the server under load: where the CPU goes.

    jfr print --events jdk.CPUTimeSample --stack-depth 96 rec.jfr > samples.txt   (JDK 25; or jdk.ExecutionSample)
    bench/load/jfr-top.py samples.txt

Prints, over all samples: the share per thread kind, the top self (leaf) methods, the inclusive share of
the steps of a /v1/t request (a step counts once per sample, wherever it is on the stack), and the top
inclusive dev.omotenashi methods. Inclusive shares are of all samples, so they add up to more than 100%.
"""
import re
import sys
from collections import Counter

STEPS = [
    ("HTTP: Jetty (parse request, headers, write answer) outside the handler", None),
    ("handler: TrackRoutes.track (all of it)", "dev.omotenashi.server.http.TrackRoutes.track("),
    ("  Bodies.json (read body + Jackson tree)", "dev.omotenashi.server.http.Bodies.json("),
    ("  TrackRequestParser.parse", "dev.omotenashi.engine.event.TrackRequestParser.parse("),
    ("  LiveSite.track (under the site lock)", "dev.omotenashi.server.site.LiveSite.track("),
    ("    SiteEngine.track", "dev.omotenashi.engine.SiteEngine.track("),
    ("      Decider.decide", "dev.omotenashi.engine.decision.Decider.decide("),
    ("      device/user-agent (Yauaa)", "nl.basjes.parse.useragent."),
    ("    JournalCodec.encode", "dev.omotenashi.server.journal.JournalCodec.encode("),
    ("    RecentIds", "dev.omotenashi.server.site.RecentIds."),
    ("  awaitDurable (park/unpark)", "dev.omotenashi.server.http.TrackRoutes.awaitDurable("),
    ("  answer JSON (ObjectNode.toString)", "com.fasterxml.jackson.databind.node.BaseJsonNode.toString("),
    ("  Metrics.tracked", "dev.omotenashi.server.http.Metrics.tracked("),
    ("request logger: Metrics.request", "dev.omotenashi.server.http.Metrics.request("),
    ("journal: GroupCommitter.commit", "dev.omotenashi.server.journal.GroupCommitter.commit("),
    ("  SQLite step (native)", "org.sqlite.core.NativeDB.step("),
    ("  PostgreSQL JDBC", "org.postgresql."),
    ("SecureRandom (ids)", "java.security.SecureRandom."),
    ("virtual thread scheduling (Continuation/ForkJoinPool)", "java.lang.VirtualThread."),
]


def parse(path):
    samples = []
    thread, frames, in_stack = None, [], False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s.startswith("eventThread ="):
                thread = s.split("=", 1)[1].strip()
            elif s.startswith("stackTrace = ["):
                in_stack, frames = True, []
            elif in_stack and s == "]":
                in_stack = False
                samples.append((thread, frames))
            elif in_stack and s and s != "...":
                frames.append(re.sub(r"\s+line:.*$", "", s))
    return samples


def kind(thread):
    t = thread or ""
    if "virtual" in t or "Virtual" in t:
        return "request handlers (virtual threads)"
    if "journal-writer" in t:
        return "journal-writer"
    if "qtp" in t or "Jetty" in t or "Selector" in t or "Acceptor" in t:
        return "Jetty platform threads (selectors, acceptors)"
    if "ForkJoinPool" in t:
        return "ForkJoinPool (carrier) frames"
    return "other: " + re.sub(r'"(\D*).*', r"\1", t)[:40]


def main():
    samples = parse(sys.argv[1])
    n = len(samples)
    if not n:
        print("no samples")
        return
    print(f"{n} samples")
    print("\n-- by thread kind")
    for k, c in Counter(kind(t) for t, _ in samples).most_common(12):
        print(f"{100 * c / n:6.1f}%  {k}")
    print("\n-- top self (leaf) methods")
    for m, c in Counter(fr[0] for _, fr in samples if fr).most_common(25):
        print(f"{100 * c / n:6.1f}%  {m}")
    print("\n-- steps, inclusive")
    for label, needle in STEPS:
        if needle is None:
            c = sum(1 for t, fr in samples if any(x.startswith("org.eclipse.jetty.") for x in fr)
                    and not any(x.startswith("dev.omotenashi.") for x in fr))
        else:
            c = sum(1 for _, fr in samples if any(x.startswith(needle) for x in fr))
        print(f"{100 * c / n:6.1f}%  {label}")
    print("\n-- top inclusive dev.omotenashi methods")
    inc = Counter()
    for _, fr in samples:
        for m in set(x for x in fr if x.startswith("dev.omotenashi.")):
            inc[m] += 1
    for m, c in inc.most_common(40):
        print(f"{100 * c / n:6.1f}%  {m}")


if __name__ == "__main__":
    main()
