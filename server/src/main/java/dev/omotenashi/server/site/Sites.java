package dev.omotenashi.server.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.ProfileSnapshot;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.config.ConfigError;
import dev.omotenashi.engine.config.ConfigSet;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.config.SiteSettingsParser;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.event.Ids;
import dev.omotenashi.engine.eventdef.EventDefinition;
import dev.omotenashi.engine.eventdef.EventDefinitionParser;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.segment.Segment;
import dev.omotenashi.engine.segment.SegmentParser;
import dev.omotenashi.server.audit.Change;
import dev.omotenashi.server.audit.Trail;
import dev.omotenashi.server.journal.JournalCodec;
import dev.omotenashi.server.store.CheckpointStore;
import dev.omotenashi.server.store.ConfigObject;
import dev.omotenashi.server.store.SiteRecord;
import dev.omotenashi.server.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sites of this server, live: each with its engine rebuilt at start-up from the stored configuration,
 * the latest checkpoint and the journal after it. Configuration changes are validated by the engine,
 * stored, then swapped in — a change that does not validate changes nothing, anywhere.
 *
 * <p>Thread-safe. Changes of configuration are serialised per site.
 */
public final class Sites {
    private static final Logger log = LoggerFactory.getLogger(Sites.class);
    /** The configuration kinds the admin API manages, as stored. */
    public static final String SEGMENT = "segment", EVENT_DEFINITION = "event_definition", CAMPAIGN = "campaign";

    /**
     * The checkpoint entry that holds the site's measurement counters beside the profiles: saved in the same
     * checkpoint, at the same journal position, so replaying the records after it rebuilds both exactly.
     * Profile keys start with {@code u:}, {@code v:} or {@code p:}, so this one cannot collide.
     */
    static final String MEASURES_KEY = "#measures";

    /** Profiles a checkpoint encodes per hold of the site's lock: about a millisecond's work. */
    private static final int CHECKPOINT_SLICE = 64;
    /** A checkpoint rests three times as long as each slice took: a quarter of a core at most, however large the site. */
    private static final int CHECKPOINT_REST = 3;

    /** Encoded profiles a checkpoint hands to the store at a time (a few transactions of the store's chunks). */
    private static final int FLUSH_EVERY = 1_000;

    /**
     * A checkpoint's encoded profiles on their way to the store: {@link #waiting} is filled under the site's lock,
     * {@link #ready} is a batch taken from it to be written outside the lock.
     */
    private static final class Encoded {
        Map<String, byte[]> waiting = new HashMap<>();
        Map<String, byte[]> ready;
        private int unnamed;

        void add(Profile p, byte[] bytes) {
            waiting.put(p.userId() != null ? "u:" + p.userId()
                    : p.visitorIds().isEmpty() ? "p:" + (unnamed++) : "v:" + p.visitorIds().getFirst(), bytes);
        }

        Map<String, byte[]> take() {
            Map<String, byte[]> out = waiting;
            waiting = new HashMap<>();
            return out;
        }
    }

    /** Journal records read back at start-up for de-duplication, beyond those replayed. */
    private static final long RECENT_RECORDS = 50_000;

    private final Storage storage;
    private final Clock clock;
    private final JournalCodec codec;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LiveSite> byId = new ConcurrentHashMap<>();
    private final Map<String, LiveSite> byKey = new ConcurrentHashMap<>();
    private final Map<String, LiveSite> byWriteKey = new ConcurrentHashMap<>();

    public Sites(Storage storage, Clock clock, JournalCodec codec, ObjectMapper json) {
        this.storage = storage;
        this.clock = clock;
        this.codec = codec;
        this.json = json;
    }

    /** Loads every stored site: configuration, checkpoint, then the journal after it. */
    public void load() {
        for (SiteRecord r : storage.sites().sites()) {
            long started = System.nanoTime();
            LiveSite site = new LiveSite(r, newEngine(r));
            installStored(site);
            Optional<CheckpointStore.Checkpoint> cp = storage.checkpoints().load(r.id());
            if (cp.isPresent() && !cp.get().profiles().containsKey(MEASURES_KEY)) {
                // written before the server kept measurement counters: the counters of the records it covers
                // exist nowhere else, so rebuild everything from the journal (the profiles too, as without one)
                log.info("site {}: checkpoint without measurement counters, replaying the whole journal", r.id());
                cp = Optional.empty();
            }
            long from = 0;
            if (cp.isPresent()) {
                for (Map.Entry<String, byte[]> e : cp.get().profiles().entrySet()) {
                    if (MEASURES_KEY.equals(e.getKey())) site.measures().decode(e.getValue());
                    else site.engine().load(site.engine().codec().decode(e.getValue()));
                }
                from = cp.get().seq();
                site.seq(from);
            }
            long[] replayed = {0};
            long covered = from;
            long last = storage.journal().lastSeq(r.id());
            // the records the checkpoint covers still teach de-duplication the latest event ids
            long tail = Math.max(0, Math.min(from, last - RECENT_RECORDS));
            storage.journal().replay(r.id(), tail, rec -> {
                if (rec.seq() <= covered) {
                    site.remember(rec);
                } else {
                    site.replay(rec, codec);
                    replayed[0]++;
                }
            });
            // seqs of deleted records (a person forgotten) are never handed out again, checkpoint or not
            site.seq(last);
            index(site);
            publishBanditCounts(site);
            log.info("site {} loaded: checkpoint at {}, {} journal records replayed in {} ms", r.id(), from, replayed[0],
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    public Collection<LiveSite> all() {
        return List.copyOf(byId.values());
    }

    public LiveSite byId(String id) {
        return byId.get(id);
    }

    public LiveSite byKey(String key) {
        return byKey.get(key);
    }

    public LiveSite byWriteKey(String writeKey) {
        return byWriteKey.get(writeKey);
    }

    /** Creates a site, recording nothing (set-up outside the admin API, such as the demo's). */
    public LiveSite create(JsonNode body) {
        return create(body, Trail.NONE);
    }

    /**
     * Creates a site from the admin API's body ({@code name}, {@code domains}, {@code timezone}, optional
     * {@code session_timeout}, {@code spacing}), recorded on the trail in the same transaction.
     * @throws ValidationException naming every bad field
     */
    public LiveSite create(JsonNode body, Trail trail) {
        String name = name(body);
        ObjectNode settings = settingsOf(body);
        SiteSettings parsed = SiteSettingsParser.parse(settings);
        long now = clock.millis();
        String id = body.hasNonNull("id") ? body.get("id").asText() : "site_" + Ids.ulid(now, random).toLowerCase();
        if (!Ids.isValidVisitorId(id)) throw new ValidationException(ConfigError.of("id", "invalid_format", "expected 8-64 characters A-Z a-z 0-9 _ -"));
        if (byId.containsKey(id)) throw new ValidationException(ConfigError.of("id", "conflict", "a site with this id exists"));
        SiteRecord r = new SiteRecord(id, name, "pk_" + token(), "wk_" + token(), parsed.domains(), parsed.timezone().getId(),
                parsed.sessionTimeout().toSeconds(), settings.toString(), now, now);
        storage.inTransaction(() -> {
            storage.sites().putSite(r);
            trail.record(Change.of("create", Change.SITES, id, id).withStates(null, audited(r)));
            return null;
        });
        LiveSite site = new LiveSite(r, newEngine(r));
        index(site);
        return site;
    }

    /**
     * Changes a site's name and settings (fields absent from the body keep their value), recorded on the
     * trail in the same transaction.
     */
    public LiveSite update(LiveSite site, JsonNode body, Trail trail) {
        synchronized (site) {
            SiteRecord old = site.record();
            ObjectNode settings = (ObjectNode) readTree(old.settingsJson());
            for (String f : List.of("domains", "timezone", "session_timeout", "spacing")) {
                if (body.has(f)) settings.set(f, body.get(f));
            }
            List<String> unknown = new ArrayList<>();
            body.fieldNames().forEachRemaining(f -> {
                if (!List.of("name", "domains", "timezone", "session_timeout", "spacing").contains(f)) unknown.add(f);
            });
            if (!unknown.isEmpty()) {
                throw new ValidationException(unknown.stream().map(f -> ConfigError.of(f, "unknown_field", "unknown field '" + f + "'")).toList());
            }
            SiteSettings parsed = SiteSettingsParser.parse(settings);
            String name = body.has("name") ? name(body) : old.name();
            SiteRecord r = new SiteRecord(old.id(), name, old.key(), old.writeKey(), parsed.domains(), parsed.timezone().getId(),
                    parsed.sessionTimeout().toSeconds(), settings.toString(), old.createdAt(), clock.millis());
            storage.inTransaction(() -> {
                storage.sites().putSite(r);
                trail.record(Change.of("update", Change.SITES, r.id(), r.id()).withStates(audited(old), audited(r)));
                return null;
            });
            if (!parsed.equals(site.engine().settings())) {
                // the engine's settings are fixed at construction: move profiles and configuration to a new one
                site.replaceEngine(previous -> {
                    SiteEngine next = newEngine(r);
                    next.configuration().replace(previous.configuration().current());
                    for (Profile p : previous.profiles()) next.load(next.codec().decode(previous.codec().encode(p)));
                    return next;
                });
                publishBanditCounts(site); // the new engine starts without them
            }
            site.measures().zone(parsed.timezone());
            site.record(r);
            return site;
        }
    }

    /**
     * Deletes a site with everything it holds, recorded on the trail in the same transaction. Its history of
     * changes is kept.
     */
    public boolean delete(LiveSite site, Trail trail) {
        return withoutCheckpoint(site, () -> { // a checkpoint saved after this would outlive the site
            boolean deleted = storage.inTransaction(() -> {
                boolean gone = storage.sites().deleteSite(site.id());
                if (gone) trail.record(Change.of("delete", Change.SITES, site.id(), site.id()).withStates(audited(site.record()), null));
                return gone;
            });
            storage.checkpoints().delete(site.id());
            byId.remove(site.id());
            byKey.remove(site.record().key());
            byWriteKey.remove(site.record().writeKey());
            return deleted;
        });
    }

    /**
     * Runs {@code work} while no checkpoint of the site runs: one in progress is given up at its next slice
     * (or, if it is already saving, finished first), and none starts until {@code work} returns. For work
     * after which a checkpoint begun before it must not be saved: forgetting a person (its encoding holds
     * the person), deleting the site.
     */
    public <T> T withoutCheckpoint(LiveSite site, java.util.function.Supplier<T> work) {
        site.giveUpCheckpoint(true);
        try {
            site.checkpointing().lock();
        } finally {
            site.giveUpCheckpoint(false);
        }
        try {
            return work.get();
        } finally {
            site.checkpointing().unlock();
        }
    }

    /** Creates or replaces a configuration object, recording nothing (set-up outside the admin API). */
    public void putObject(LiveSite site, String kind, String id, JsonNode body) {
        putObject(site, kind, id, body, Trail.NONE);
    }

    /**
     * Creates or replaces a configuration object; the id in the path wins over a missing one in the body
     * and must equal a present one. The new configuration is compiled first; then the object and the trail's
     * entry are stored in one transaction; only then does the live engine take it, so a failed write leaves
     * the site as it was, in memory too. @throws ValidationException naming every problem (nothing changes)
     */
    public void putObject(LiveSite site, String kind, String id, JsonNode body, Trail trail) {
        synchronized (site) {
            if (!body.isObject()) throw new ValidationException(ConfigError.of("", "invalid_type", "expected a JSON object"));
            String idField = EVENT_DEFINITION.equals(kind) ? "name" : "id";
            JsonNode given = body.get(idField);
            if (given != null && !given.isNull() && !id.equals(given.asText())) {
                throw new ValidationException(ConfigError.of(idField, "mismatch", "must equal the " + idField + " in the path ('" + id + "')"));
            }
            LiveSite.withId(body, idField, id);
            ConfigSet current = site.engine().configuration().current();
            ConfigSet next = switch (kind) {
                case SEGMENT -> current.withSegment(SegmentParser.parse(body));
                case EVENT_DEFINITION -> current.withEventDefinition(EventDefinitionParser.parse(body));
                case CAMPAIGN -> current.withCampaign(CampaignParser.parse(body));
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
            compiles(site, next); // throws before anything is stored
            storage.inTransaction(() -> {
                JsonNode before = storage.sites().object(site.id(), kind, id).map(o -> readTree(o.json())).orElse(null);
                storage.sites().putObject(new ConfigObject(site.id(), kind, id, body.toString(), clock.millis()));
                trail.record(Change.put(auditKind(kind), id, site.id(), before, body));
                return null;
            });
            site.engine().configuration().replace(next);
            if (CAMPAIGN.equals(kind)) publishBanditCounts(site); // a campaign that became a bandit learns at once
        }
    }

    /**
     * Deletes a configuration object, recorded on the trail in the same transaction; false when absent.
     * @throws ValidationException while something references it (nothing changes)
     */
    public boolean deleteObject(LiveSite site, String kind, String id, Trail trail) {
        synchronized (site) {
            ConfigSet current = site.engine().configuration().current();
            ConfigSet next = switch (kind) {
                case SEGMENT -> current.segment(id) == null ? null : current.withoutSegment(id);
                case EVENT_DEFINITION -> current.eventDefinition(id) == null ? null : current.withoutEventDefinition(id);
                case CAMPAIGN -> current.campaign(id) == null ? null : current.withoutCampaign(id);
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
            if (next == null) return false;
            compiles(site, next);
            storage.inTransaction(() -> {
                JsonNode before = storage.sites().object(site.id(), kind, id).map(o -> readTree(o.json())).orElse(null);
                storage.sites().deleteObject(site.id(), kind, id);
                trail.record(Change.of("delete", auditKind(kind), id, site.id()).withStates(before, null));
                return null;
            });
            site.engine().configuration().replace(next);
            return true;
        }
    }

    /**
     * Writes a checkpoint of the site's profiles, consistent with its journal position. The position, the
     * counters and the list of profiles are taken in one step; the profiles are then encoded a slice at a
     * time while requests go on, each as it was at that position ({@link ProfileSnapshot}), so requests wait
     * for one slice, never for the whole site. One checkpoint of a site at a time: a later one (after a
     * person is forgotten) waits for the one in progress, and then replaces it.
     */
    public void checkpoint(LiveSite site) {
        checkpoint(site, CHECKPOINT_SLICE, () -> {});
    }

    /**
     * As {@link #checkpoint(LiveSite)}, encoding {@code slice} profiles at a time and running
     * {@code betweenSlices} after each slice, outside the site's lock (tests interleave requests there).
     */
    public void checkpoint(LiveSite site, int slice, Runnable betweenSlices) {
        // one taken inside withoutCheckpoint (forgetting a person writes its own) is the one to keep
        boolean mayGiveUp = !site.checkpointing().isHeldByCurrentThread();
        site.checkpointing().lock();
        try {
            if (byId.get(site.id()) != site) return; // deleted meanwhile
            long started = System.nanoTime();
            // Encoded profiles wait here, under the site's lock (a slice, or a request about to change a profile),
            // until a flush hands a batch of them to the store outside the lock: a large site's checkpoint is
            // never all in memory at once, and its bytes die young instead of piling up until the end.
            Encoded encoded = new Encoded();
            record Start(ProfileSnapshot snapshot, long seq) {}
            Start start = site.exclusive(() -> {
                encoded.waiting.put(MEASURES_KEY, site.measures().encode());
                return new Start(site.engine().snapshot(encoded::add), site.seq());
            });
            boolean[] givenUp = {false};
            try (CheckpointStore.Writer out = storage.checkpoints().begin(site.id(), start.seq())) {
                try {
                    site.exclusiveSlices(() -> {
                        givenUp[0] = mayGiveUp && site.checkpointGivenUp();
                        boolean done = givenUp[0] || start.snapshot().advance(slice);
                        if (!done && encoded.waiting.size() >= FLUSH_EVERY) encoded.ready = encoded.take();
                        return done;
                    }, () -> {
                        Map<String, byte[]> ready = encoded.ready;
                        encoded.ready = null;
                        if (ready != null) out.write(ready);
                        betweenSlices.run();
                    }, CHECKPOINT_REST);
                } finally {
                    site.exclusive(() -> { // requests read the engine's snapshot field under the lock
                        start.snapshot().close();
                        return null;
                    });
                }
                if (givenUp[0] || (mayGiveUp && site.checkpointGivenUp())) {
                    log.info("site {}: checkpoint at journal position {} given up, for a person forgotten or the site deleted", site.id(), start.seq());
                    return;
                }
                out.write(encoded.take()); // the snapshot is closed: nothing is added any more
                out.complete();
            }
            log.info("site {}: checkpoint at journal position {}, {} profiles, encoded and saved in {} ms", site.id(),
                    start.seq(), start.snapshot().size(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            site.checkpointing().unlock();
        }
    }

    /**
     * Hands the site's bandit campaigns the live counts of their variants (all-time exposed and goal
     * visitors from the site's counters): the engine's Thompson sampling reads the latest copy. Called after
     * loading a site and every minute (docs/measurement.md §6).
     */
    public void publishBanditCounts(LiveSite site) {
        for (Campaign c : site.engine().configuration().current().campaigns().values()) {
            if (c.allocation() != Campaign.Allocation.BANDIT) continue;
            List<String> variants = c.variants().stream().map(dev.omotenashi.engine.campaign.Variant::id).toList();
            site.engine().configuration().bandits().update(c.id(), site.measures().variantStats(c.id(), variants));
        }
    }

    private void installStored(LiveSite site) {
        List<Segment> segments = new ArrayList<>();
        List<EventDefinition> definitions = new ArrayList<>();
        List<Campaign> campaigns = new ArrayList<>();
        for (ConfigObject o : storage.sites().objects(site.id(), SEGMENT)) segments.add(SegmentParser.parse(readTree(o.json())));
        for (ConfigObject o : storage.sites().objects(site.id(), EVENT_DEFINITION)) definitions.add(EventDefinitionParser.parse(readTree(o.json())));
        for (ConfigObject o : storage.sites().objects(site.id(), CAMPAIGN)) campaigns.add(CampaignParser.parse(readTree(o.json())));
        site.engine().configuration().replace(ConfigSet.of(segments, definitions, campaigns));
    }

    /**
     * Compiles a configuration in a scratch engine with the site's settings, so it is known to be valid
     * before it is stored; the live engine takes it only after the store committed.
     * @throws ValidationException naming every problem
     */
    private void compiles(LiveSite site, ConfigSet next) {
        new SiteEngine(site.engine().settings(), clock).configuration().replace(next);
    }

    /** The stored kind as the history of changes names it: the admin API's collection. */
    private static String auditKind(String kind) {
        return switch (kind) {
            case SEGMENT -> Change.SEGMENTS;
            case EVENT_DEFINITION -> Change.EVENT_DEFINITIONS;
            case CAMPAIGN -> Change.CAMPAIGNS;
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    /** A site as its history shows it: name and settings; never its keys (the write key is a secret). */
    private ObjectNode audited(SiteRecord r) {
        ObjectNode o = json.createObjectNode();
        o.put("name", r.name());
        ObjectNode settings = (ObjectNode) readTree(r.settingsJson());
        settings.fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
        com.fasterxml.jackson.databind.node.ArrayNode domains = o.putArray("domains");
        r.domains().forEach(domains::add);
        o.put("timezone", r.timezone());
        o.put("session_timeout", r.sessionTimeoutSeconds());
        return o;
    }

    private SiteEngine newEngine(SiteRecord r) {
        return new SiteEngine(SiteSettingsParser.parse(readTree(r.settingsJson())), clock);
    }

    private void index(LiveSite site) {
        byId.put(site.id(), site);
        byKey.put(site.record().key(), site);
        byWriteKey.put(site.record().writeKey(), site);
    }

    private static String name(JsonNode body) {
        JsonNode n = body.get("name");
        if (n == null || !n.isTextual() || n.asText().isBlank() || n.asText().length() > 200) {
            throw new ValidationException(ConfigError.of("name", "required", "expected a name of 1-200 characters"));
        }
        return n.asText();
    }

    private ObjectNode settingsOf(JsonNode body) {
        if (!body.isObject()) throw new ValidationException(ConfigError.of("", "invalid_type", "expected a JSON object"));
        ObjectNode s = json.createObjectNode();
        List<ConfigError> errors = new ArrayList<>();
        body.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "name", "id" -> { }
                case "domains", "timezone", "session_timeout", "spacing" -> s.set(e.getKey(), e.getValue());
                default -> errors.add(ConfigError.of(e.getKey(), "unknown_field", "unknown field '" + e.getKey() + "'"));
            }
        });
        if (!errors.isEmpty()) throw new ValidationException(errors);
        if (!s.has("timezone")) s.put("timezone", "Asia/Tokyo");
        return s;
    }

    private String token() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
