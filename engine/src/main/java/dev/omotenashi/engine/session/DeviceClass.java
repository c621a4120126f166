package dev.omotenashi.engine.session;

/**
 * The kind of device a session runs on: the value of {@code session.device} (config-language.md §2).
 * Decided once per session by {@link DeviceClassifier}.
 */
public enum DeviceClass {
    /** Desktops and laptops, and everything that is neither a phone nor a tablet (TVs, consoles, robots). */
    PC("pc"),
    /** Phones, including feature phones and phones in desktop mode. */
    SMARTPHONE("smartphone"),
    /** Tablets and e-readers. */
    TABLET("tablet");

    private final String json;

    DeviceClass(String json) {
        this.json = json;
    }

    /** The name used in conditions, the API and storage ({@code pc}, {@code smartphone}, {@code tablet}). */
    public String json() {
        return json;
    }

    /** The device class with that JSON name, or null when there is none (names are case-sensitive). */
    public static DeviceClass fromJson(String json) {
        for (DeviceClass d : values()) {
            if (d.json.equals(json)) return d;
        }
        return null;
    }
}
