package dev.omotenashi.server.http;

import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The tag, {@code GET /t.js} (docs/tag.md): the script the {@code tag} module builds into the classpath,
 * read and gzipped once when the server starts. Browsers keep it an hour and then revalidate it by ETag, so
 * a new tag reaches every page within the hour without a versioned URL in the shop's snippet. No CORS: a
 * {@code <script>} element does not need it. Thread-safe (immutable after construction).
 */
public final class TagRoutes {
    static final String RESOURCE = "/dev/omotenashi/tag/t.js";
    static final String CACHE_CONTROL = "public, max-age=3600";

    /** The script as built, gzipped, and the ETags of the two encodings; null when the tag is not in this build. */
    private record Asset(byte[] plain, byte[] gzip, String etag, String gzipEtag) {}

    private final Asset tag;

    public TagRoutes() {
        this(RESOURCE);
    }

    TagRoutes(String resource) {
        this.tag = load(resource);
    }

    public void register(Router r) {
        r.get("/t.js", Router.Access.PUBLIC, this::script);
    }

    void script(Context ctx) {
        if (tag == null) throw new ApiException(404, "not_built", "t.js is not in this build; build the tag module (docs/tag.md)");
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        String etag = gzip ? tag.gzipEtag : tag.etag;
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("X-Content-Type-Options", "nosniff");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/javascript; charset=utf-8");
        if (gzip) {
            // set before the body, so Javalin's own compression leaves it alone
            ctx.header("Content-Encoding", "gzip");
            ctx.result(tag.gzip);
        } else {
            ctx.result(tag.plain);
        }
    }

    /** Whether the client takes gzip: named in Accept-Encoding (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] p = part.trim().split(";");
            String coding = p[0].trim();
            if (!coding.equals("gzip") && !coding.equals("*")) continue;
            boolean refused = false;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].replace(" ", "");
                if (param.matches("q=0(\\.0*)?")) refused = true;
            }
            if (!refused) return true;
        }
        return false;
    }

    private static Asset load(String resource) {
        try (InputStream in = TagRoutes.class.getResourceAsStream(resource)) {
            if (in == null) return null;
            byte[] plain = in.readAllBytes();
            ByteArrayOutputStream gz = new ByteArrayOutputStream(plain.length / 2);
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(plain);
            }
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain), 0, 12);
            return new Asset(plain, gz.toByteArray(), '"' + hash + '"', "\"" + hash + "-gz\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
