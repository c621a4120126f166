package dev.omotenashi.engine.profile;

/** A person's profile (placeholder; being written). */
public final class Profile {
}
