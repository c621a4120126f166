package dev.omotenashi.server.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Argon2id hashes in the PHC format: salted, verifiable with the parameters they carry, tamper-evident. */
class PasswordsTest {
    private final Passwords passwords = new Passwords(new Passwords.Params(1024, 1, 1)); // small: a unit test

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String h = passwords.hash("correct horse battery");
        assertThat(h).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(passwords.verify("correct horse battery", h)).isTrue();
        assertThat(passwords.verify("correct horse batterY", h)).isFalse();
        assertThat(passwords.verify("", h)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(passwords.hash("same")).isNotEqualTo(passwords.hash("same"));
    }

    @Test
    void hashesMadeWithOtherParametersStillVerify() {
        String old = new Passwords(new Passwords.Params(2048, 2, 1)).hash("kept from before");
        assertThat(passwords.verify("kept from before", old)).isTrue();
    }

    @Test
    void malformedOrTamperedHashesNeverVerify() {
        String h = passwords.hash("secret password");
        assertThat(passwords.verify("secret password", null)).isFalse();
        assertThat(passwords.verify("secret password", "")).isFalse();
        assertThat(passwords.verify("secret password", h.replace("argon2id", "argon2i"))).isFalse();
        assertThat(passwords.verify("secret password", h.replace("t=1", "t=2"))).isFalse();
        assertThat(passwords.verify("secret password", h.substring(0, h.length() - 4) + "AAAA")).isFalse();
        assertThat(passwords.verify("secret password", h.replace("m=1024", "m=1"))).isFalse();
        assertThat(passwords.verify("secret password", "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")).isFalse();
    }
}
