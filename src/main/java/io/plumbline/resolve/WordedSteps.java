package io.plumbline.resolve;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Resolution steps that are put into words only when read: an audit records the steps of every one
 * of hundreds of thousands of accounts, and a trace reads a few. Immutable; {@link #plus} makes a
 * longer copy.
 */
final class WordedSteps extends AbstractList<String> {
    static final WordedSteps NONE = new WordedSteps(new Object[0]);

    /** Each entry a String, or a Supplier of one not yet called. */
    private final Object[] steps;

    private WordedSteps(Object[] steps) {
        this.steps = steps;
    }

    /** The steps of {@code words}, already worded. */
    static WordedSteps of(List<String> words) {
        return words instanceof WordedSteps worded
                ? worded
                : new WordedSteps(List.copyOf(words).toArray());
    }

    /** These steps and then {@code String.format(format, args)}, formatted when read. */
    WordedSteps plus(String format, Object... args) {
        Objects.requireNonNull(format, "format");
        Object[] captured = args.clone();
        return with((Supplier<String>) () -> String.format(Locale.ROOT, format, captured));
    }

    /** These steps and then {@code step}. */
    WordedSteps plus(String step) {
        return with(Objects.requireNonNull(step, "step"));
    }

    private WordedSteps with(Object step) {
        Object[] more = Arrays.copyOf(steps, steps.length + 1);
        more[steps.length] = step;
        return new WordedSteps(more);
    }

    @Override
    public String get(int index) {
        Object step = steps[index];
        return step instanceof Supplier<?> words ? (String) words.get() : (String) step;
    }

    @Override
    public int size() {
        return steps.length;
    }
}
