package dev.omotenashi.engine.testing;

import dev.omotenashi.engine.Action;

import java.util.List;

/** Reading the actions of an answer in assertions. */
public final class Delivered {
    private Delivered() {}

    /** The campaign ids of the actions, in the order delivered. */
    public static List<String> campaigns(List<Action> actions) {
        return actions.stream().map(Action::campaign).toList();
    }

    /** The one action of the campaign; fails when it is not there exactly once. */
    public static Action only(List<Action> actions, String campaign) {
        List<Action> found = actions.stream().filter(a -> a.campaign().equals(campaign)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one action of " + campaign + " but got " + campaigns(actions));
        }
        return found.getFirst();
    }

    /** A text field of the action's rendered content; fails when absent. */
    public static String text(Action action, String field) {
        var node = action.content() == null ? null : action.content().get(field);
        if (node == null || !node.isTextual()) {
            throw new AssertionError("content." + field + " of " + action.campaign() + " is not a string: " + action.content());
        }
        return node.textValue();
    }
}
