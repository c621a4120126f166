package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An action delivered to the page (tracking-protocol.md §1, the answer): what to show, rendered, and when.
 *
 * @param action   id of this delivery, carried back by the tag's action events
 * @param campaign campaign id
 * @param variant  variant id ({@code default} without variants)
 * @param control  whether this is a control-group exposure: the trigger is armed, nothing is shown
 * @param template built-in template name ({@code popup}, {@code notice_bar} ...)
 * @param content  rendered content (placeholders evaluated and HTML-escaped); empty for control actions
 * @param trigger  the campaign's trigger ({@code {"on": "load"}}); shared by every action of the campaign's
 *                 configuration, so read-only: copy it before changing it
 */
public record Action(String action, String campaign, String variant, boolean control, String template,
                     ObjectNode content, ObjectNode trigger) {
}
