package dev.omotenashi.server.store.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where PostgreSQL is, as pgjdbc wants it: a JDBC URL plus the user and password, which libpq-style URLs
 * carry in their authority and JDBC URLs do not.
 *
 * <p>Accepted: {@code jdbc:postgresql://…} (passed through unchanged) and the libpq form operators put in
 * {@code OMOTENASHI_DATABASE_URL}: {@code postgresql://[user[:password]@][host[:port][,host[:port]…]][/db][?param=value&…]},
 * also spelled {@code postgres://}. User and password are percent-decoded; the query is passed to pgjdbc,
 * which knows the common libpq parameters ({@code sslmode}, {@code application_name}, …). Unix-socket hosts
 * are not supported (pgjdbc needs an extra library for them).
 *
 * @param user     null when the URL names none (pgjdbc then uses its own default or the query's {@code user})
 * @param password null when the URL names none
 */
record PostgresUrl(String jdbcUrl, String user, String password) {
    PostgresUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** @throws IllegalArgumentException when the URL is in neither form */
    static PostgresUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        if (url.startsWith("jdbc:postgresql:")) return new PostgresUrl(url, null, null);
        String rest;
        if (url.startsWith("postgresql://")) rest = url.substring("postgresql://".length());
        else if (url.startsWith("postgres://")) rest = url.substring("postgres://".length());
        else throw new IllegalArgumentException(
                "a PostgreSQL URL starts with postgresql://, postgres:// or jdbc:postgresql: (got " + redact(url) + ")");

        int authorityEnd = indexOfAny(rest, '/', '?');
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd); // "/db?…", "?…" or ""
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            if (colon >= 0) password = decode(userInfo.substring(colon + 1));
            if (user.isEmpty()) user = null;
        }
        if (authority.isEmpty()) authority = "localhost";
        if (!tail.startsWith("/")) tail = "/" + tail; // no database: pgjdbc's default (the user's name)
        return new PostgresUrl("jdbc:postgresql://" + authority + tail, user, password);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) return i;
        }
        return s.length();
    }

    /** Percent-decoding only: in a URL's user info '+' is a plus, not a space. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, for messages and logs. */
    static String redact(String url) {
        return url.replaceAll("(//[^/?@:]*:)[^/?@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "PostgresUrl[" + redact(jdbcUrl) + ", user=" + user + "]";
    }
}
