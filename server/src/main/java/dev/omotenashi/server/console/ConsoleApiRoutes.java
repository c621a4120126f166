package dev.omotenashi.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.scenario.ScenarioBundle;
import dev.omotenashi.engine.scenario.ScenarioCatalog;
import dev.omotenashi.server.audit.Audit;
import dev.omotenashi.server.audit.Change;
import dev.omotenashi.server.audit.Trail;
import dev.omotenashi.server.console.ConsoleAuth.Principal;
import dev.omotenashi.server.http.ApiException;
import dev.omotenashi.server.http.Bodies;
import dev.omotenashi.server.http.Router;
import dev.omotenashi.server.store.AuditStore;
import dev.omotenashi.server.store.OperatorStore;
import dev.omotenashi.server.store.OperatorStore.Operator;
import dev.omotenashi.server.store.OperatorStore.Token;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's own API (docs/api.md, docs/console.md): signing in and out, accepting an invitation, the
 * caller's personal tokens, operators (administrators only) and the template gallery. Everything else the
 * console does goes through the admin API, as a script would.
 */
public final class ConsoleApiRoutes {
    private static final int MAX_BODY = 16 * 1024;
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 1024;

    private final ConsoleAuth auth;
    private final OperatorStore store;
    private final ObjectMapper json;
    private final JsonNode texts;
    private final Audit audit;

    /** @param audit records every change of operators and personal tokens, in the change's own transaction */
    public ConsoleApiRoutes(ConsoleAuth auth, ObjectMapper json, Audit audit) {
        this.audit = audit;
        this.auth = auth;
        this.store = auth.store();
        this.json = json;
        try (InputStream in = ConsoleApiRoutes.class.getResourceAsStream("templates.json")) {
            if (in == null) throw new IllegalStateException("missing resource templates.json");
            this.texts = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(Router r) {
        r.post("/api/v1/console/session", Router.Access.PUBLIC, this::signIn);
        r.get("/api/v1/console/session", Router.Access.OPERATOR, this::whoAmI);
        r.delete("/api/v1/console/session", Router.Access.OPERATOR, this::signOut);
        r.post("/api/v1/console/invites/accept", Router.Access.PUBLIC, this::acceptInvite);
        r.put("/api/v1/me/password", Router.Access.OPERATOR, this::changePassword);
        r.get("/api/v1/me/tokens", Router.Access.OPERATOR, this::listTokens);
        r.post("/api/v1/me/tokens", Router.Access.OPERATOR, this::createToken);
        r.delete("/api/v1/me/tokens/{id}", Router.Access.OPERATOR, this::revokeToken);
        r.get("/api/v1/operators", Router.Access.ADMIN, this::listOperators);
        r.post("/api/v1/operators", Router.Access.ADMIN, this::createOperator);
        r.patch("/api/v1/operators/{id}", Router.Access.ADMIN, this::updateOperator);
        r.delete("/api/v1/operators/{id}", Router.Access.ADMIN, this::deleteOperator);
        r.post("/api/v1/operators/{id}/invite", Router.Access.ADMIN, this::reinvite);
        r.get("/api/v1/templates", Router.Access.ADMIN, this::templates);
    }

    // ---- session ---------------------------------------------------------------------------------

    private void signIn(Context ctx) {
        ConsoleAuth.sameOrigin(ctx); // no signing a victim in from another site (login CSRF)
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        String login = text(body, "login");
        String password = text(body, "password");
        if (login == null || login.isBlank()) throw ApiException.badRequest("login", "enter your login");
        if (password == null || password.isEmpty()) throw ApiException.badRequest("password", "enter your password");
        Principal p = auth.signIn(login, password, ctx);
        ctx.json(session(p));
    }

    private void whoAmI(Context ctx) {
        ctx.json(session(principal(ctx)));
    }

    private void signOut(Context ctx) {
        auth.signOut(ctx);
        ctx.status(204);
    }

    private void acceptInvite(Context ctx) {
        ConsoleAuth.sameOrigin(ctx);
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        String invite = text(body, "invite");
        String password = text(body, "password");
        checkPassword(password, "password");
        if (invite == null || invite.isBlank()) throw ApiException.badRequest("invite", "expected the invitation from the link");
        String name = text(body, "name");
        String hash = auth.passwords().hash(password); // before the transaction: Argon2id must not hold the write connection
        Operator fresh = audit.atomically(() -> {
            String id = store.takeInvite(ConsoleAuth.hash(invite.trim()), auth.clock().millis())
                    .orElseThrow(() -> new ApiException(400, "invite_invalid", "this invitation is unknown, used or expired; ask an administrator for a new one", "invite"));
            Operator op = store.byId(id).orElseThrow(() -> new ApiException(400, "invite_invalid", "this invitation's operator no longer exists", "invite"));
            store.setPassword(id, hash);
            store.deleteSessions(id);
            if (name != null && !name.isBlank()) store.update(id, name.trim(), op.role());
            Operator after = store.byId(id).orElseThrow();
            // nobody is signed in yet: the invited operator is who
            audit.trail(AuditStore.Actor.operator(after.id(), after.login(), after.name()))
                    .record(Change.of("accept_invite", Change.OPERATORS, id, null).withStates(audited(op), audited(after)));
            return after;
        });
        ctx.json(session(auth.startSession(fresh, ctx)));
    }

    private ObjectNode session(Principal p) {
        ObjectNode o = json.createObjectNode();
        o.set("operator", operator(p.operator()));
        o.put("via", p.session() != null ? "session" : "token");
        if (p.session() != null) {
            o.put("csrf", p.session().csrf());
            o.put("expires_at", Instant.ofEpochMilli(p.session().expiresAt()).toString());
        }
        return o;
    }

    /**
     * The caller changes their own password, giving the current one (counted by the lock-out when wrong).
     * Every session of theirs ends; a browser that asked gets a new session at once.
     */
    private void changePassword(Context ctx) {
        Principal p = principal(ctx);
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        String next = text(body, "new_password");
        checkPassword(next, "new_password");
        Operator op = store.byId(p.operator().id()).orElseThrow(() -> ApiException.unauthorized("no such operator"));
        // outside the transaction: a wrong guess must stay counted by the lock-out
        if (!auth.checkPassword(op, text(body, "current_password"))) {
            throw new ApiException(400, "wrong_password", "this is not your current password", "current_password");
        }
        String hash = auth.passwords().hash(next);
        Trail trail = audit.trail(ctx);
        audit.atomically(() -> {
            store.setPassword(op.id(), hash);
            store.deleteSessions(op.id());
            trail.record(Change.of("password", Change.OPERATORS, op.id(), null));
        });
        Operator fresh = store.byId(op.id()).orElseThrow();
        if (p.session() != null) ctx.json(session(auth.startSession(fresh, ctx)));
        else ctx.json(json.createObjectNode().set("operator", operator(fresh)));
    }

    // ---- personal tokens -------------------------------------------------------------------------

    private void listTokens(Context ctx) {
        Principal p = principal(ctx);
        ArrayNode out = json.createArrayNode();
        for (Token t : store.tokens(p.operator().id())) out.add(token(t));
        ctx.json(json.createObjectNode().set("tokens", out));
    }

    private void createToken(Context ctx) {
        Principal p = principal(ctx);
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        String name = text(body, "name");
        if (name == null || name.isBlank()) throw ApiException.badRequest("name", "give the token a name (what it is for)");
        if (name.length() > 100) throw ApiException.badRequest("name", "at most 100 characters");
        String secret = ConsoleAuth.TOKEN_PREFIX + auth.randomToken(32);
        Token t = new Token("tok_" + auth.randomToken(9), p.operator().id(), name.trim(), ConsoleAuth.hash(secret),
                auth.clock().millis(), null);
        Trail trail = audit.trail(ctx);
        audit.atomically(() -> {
            store.putToken(t);
            trail.record(Change.of("create", Change.PERSONAL_TOKENS, t.id(), null).withStates(null, audited(t)));
        });
        ctx.status(201).json(token(t).put("token", secret));
    }

    private void revokeToken(Context ctx) {
        Principal p = principal(ctx);
        String id = ctx.pathParam("id");
        Trail trail = audit.trail(ctx);
        audit.atomically(() -> {
            Token t = store.tokens(p.operator().id()).stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (t == null || !store.deleteToken(p.operator().id(), id)) throw ApiException.notFound("you have no token " + id);
            trail.record(Change.of("delete", Change.PERSONAL_TOKENS, id, null).withStates(audited(t), null));
        });
        ctx.status(204);
    }

    private ObjectNode token(Token t) {
        ObjectNode o = json.createObjectNode().put("id", t.id()).put("name", t.name())
                .put("created_at", Instant.ofEpochMilli(t.createdAt()).toString());
        if (t.lastUsedAt() != null) o.put("last_used_at", Instant.ofEpochMilli(t.lastUsedAt()).toString());
        else o.putNull("last_used_at");
        return o;
    }

    // ---- operators (administrators) ------------------------------------------------------------

    private void listOperators(Context ctx) {
        ArrayNode out = json.createArrayNode();
        for (Operator o : store.operators()) out.add(operator(o));
        ctx.json(json.createObjectNode().set("operators", out));
    }

    /**
     * Creates an operator. With {@code password} they can sign in at once (automation); without, the answer
     * carries a one-time invitation for them to choose one.
     */
    private void createOperator(Context ctx) {
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        String login = ConsoleAuth.normalizeLogin(text(body, "login"));
        if (login == null || login.isEmpty()) throw ApiException.badRequest("login", "expected a login (an e-mail address or a name)");
        if (login.length() > 200 || !login.matches("[\\p{L}\\p{N}._@+-]+")) {
            throw ApiException.badRequest("login", "letters, digits and . _ @ + - only, at most 200");
        }
        Role role = Role.parse(text(body, "role"), "role");
        String password = text(body, "password");
        if (password != null) checkPassword(password, "password");
        String name = text(body, "name");
        Operator op = new Operator("u_" + auth.randomToken(9), login, name == null ? null : name.trim(), role.json(),
                password == null ? null : auth.passwords().hash(password), 0, 0, auth.clock().millis());
        Trail trail = audit.trail(ctx);
        String invite = audit.atomically(() -> {
            try {
                store.create(op);
            } catch (dev.omotenashi.server.store.DuplicateKeyException e) {
                throw new ApiException(409, "duplicate", "another operator already signs in as " + login, "login");
            }
            String secret = password == null ? auth.invite(op.id()) : null;
            trail.record(Change.of("create", Change.OPERATORS, op.id(), null).withStates(null, audited(op))
                    .withDetail(secret == null ? null : json.createObjectNode().put("invited", true)));
            return secret;
        });
        ObjectNode out = operator(op);
        if (invite != null) out.put("invite", invite);
        ctx.status(201).json(out);
    }

    /**
     * Changes an operator's role, name or password, or unlocks them: everything is checked first, then
     * applied and recorded in one transaction (a bad password changes no role).
     */
    private void updateOperator(Context ctx) {
        Operator op = operatorOf(ctx);
        JsonNode body = Bodies.json(ctx, json, MAX_BODY);
        Role role = body.has("role") ? Role.parse(text(body, "role"), "role") : Role.parse(op.role(), "role");
        String name = body.has("name") ? text(body, "name") : op.name();
        String password = body.hasNonNull("password") ? text(body, "password") : null;
        if (password != null) checkPassword(password, "password");
        boolean unlock = body.path("unlock").asBoolean(false);
        if (role != Role.ADMIN && Role.ADMIN.json().equals(op.role())) lastAdministrator(op, "role");
        String hash = password == null ? null : auth.passwords().hash(password);
        Trail trail = audit.trail(ctx);
        Operator after = audit.atomically(() -> {
            store.update(op.id(), name, role.json());
            if (hash != null) {
                store.setPassword(op.id(), hash);
                store.deleteSessions(op.id());
            }
            if (unlock) store.clearFailures(op.id());
            Operator fresh = store.byId(op.id()).orElseThrow(() -> ApiException.notFound("no operator " + op.id()));
            trail.record(operatorChange(op, fresh, hash != null, unlock));
            return fresh;
        });
        ctx.json(operator(after));
    }

    /**
     * What an operator's change records: {@code role}, {@code unlock}, {@code password} or {@code rename}
     * when it did just that, else {@code update}; the detail says each part ({@code "role": {"from", "to"}},
     * {@code "unlocked": true}, {@code "password_set": true}); never the password.
     */
    private Change operatorChange(Operator before, Operator after, boolean passwordSet, boolean unlock) {
        ObjectNode detail = json.createObjectNode();
        List<String> parts = new ArrayList<>();
        if (!before.role().equals(after.role())) {
            detail.putObject("role").put("from", before.role()).put("to", after.role());
            parts.add("role");
        }
        if (!java.util.Objects.equals(before.name(), after.name())) parts.add("rename");
        if (passwordSet) {
            detail.put("password_set", true);
            parts.add("password");
        }
        if (unlock) {
            detail.put("unlocked", true);
            parts.add("unlock");
        }
        String action = parts.size() == 1 ? parts.getFirst() : "update";
        return Change.of(action, Change.OPERATORS, after.id(), null).withStates(audited(before), audited(after))
                .withDetail(detail.isEmpty() ? null : detail);
    }

    private void deleteOperator(Context ctx) {
        Operator op = operatorOf(ctx);
        if (Role.ADMIN.json().equals(op.role())) lastAdministrator(op, null);
        Trail trail = audit.trail(ctx);
        audit.atomically(() -> {
            if (!store.delete(op.id())) throw ApiException.notFound("no operator " + op.id());
            trail.record(Change.of("delete", Change.OPERATORS, op.id(), null).withStates(audited(op), null));
        });
        ctx.status(204);
    }

    /** A new invitation; the history says one was made, never its link. */
    private void reinvite(Context ctx) {
        Operator op = operatorOf(ctx);
        Trail trail = audit.trail(ctx);
        String invite = audit.atomically(() -> {
            String secret = auth.invite(op.id());
            trail.record(Change.of("invite", Change.OPERATORS, op.id(), null));
            return secret;
        });
        ctx.status(201).json(operator(op).put("invite", invite));
    }

    /** An operator as the history shows them: never a password hash, failure count or invitation. */
    private ObjectNode audited(Operator o) {
        return json.createObjectNode().put("login", o.login()).put("name", o.name()).put("role", o.role())
                .put("active", o.passwordHash() != null).put("locked", o.lockedUntil() > auth.clock().millis());
    }

    /** A personal token as the history shows it: whose, and its name; never the secret or its hash. */
    private ObjectNode audited(Token t) {
        return json.createObjectNode().put("operator", t.operatorId()).put("name", t.name());
    }

    /** An administrator who is the last one cannot be removed or demoted: nobody could manage operators. */
    private void lastAdministrator(Operator op, String path) {
        long admins = store.operators().stream().filter(o -> Role.ADMIN.json().equals(o.role())).count();
        if (admins <= 1) throw new ApiException(409, "last_administrator", "the last administrator cannot be removed or demoted", path);
    }

    private Operator operatorOf(Context ctx) {
        return store.byId(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("no operator " + ctx.pathParam("id")));
    }

    private ObjectNode operator(Operator o) {
        ObjectNode n = json.createObjectNode().put("id", o.id()).put("login", o.login()).put("name", o.name())
                .put("role", o.role()).put("active", o.passwordHash() != null)
                .put("created_at", Instant.ofEpochMilli(o.createdAt()).toString());
        if (o.lockedUntil() > auth.clock().millis()) n.put("locked_until", Instant.ofEpochMilli(o.lockedUntil()).toString());
        return n;
    }

    // ---- templates -------------------------------------------------------------------------------

    /** The S01–S17 bundles with their titles and explanations in Japanese and English. */
    private void templates(Context ctx) {
        ArrayNode out = json.createArrayNode();
        for (ScenarioBundle b : ScenarioCatalog.all()) {
            ObjectNode t = out.addObject();
            t.put("id", b.scenario());
            JsonNode text = texts.path(b.scenario());
            ObjectNode title = t.putObject("title");
            ObjectNode explanation = t.putObject("explanation");
            for (String lang : new String[]{"ja", "en"}) {
                title.put(lang, text.path(lang).path("title").asText(b.title()));
                explanation.put(lang, text.path(lang).path("explanation").asText(""));
            }
            t.set("segments", json.valueToTree(b.segments()));
            t.set("event_definitions", json.valueToTree(b.eventDefinitions()));
            t.set("campaigns", json.valueToTree(b.campaigns()));
        }
        ctx.json(json.createObjectNode().set("templates", out));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Principal principal(Context ctx) {
        Principal p = ctx.attribute(ConsoleAuth.PRINCIPAL);
        if (p == null) throw ApiException.forbidden("this route is for signed-in operators");
        return p;
    }

    private static void checkPassword(String password, String path) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new ApiException(400, "password_too_short", "a password needs at least " + MIN_PASSWORD + " characters", path);
        }
        if (password.length() > MAX_PASSWORD) throw ApiException.badRequest(path, "at most " + MAX_PASSWORD + " characters");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
