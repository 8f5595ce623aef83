package io.plumbline.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Steps are worded only when read, and read as the list of words they stand for. */
class WordedStepsTest {
    @Test
    void plus_formatsOnlyWhenRead_andReadsAsItsWords() {
        AtomicInteger worded = new AtomicInteger();
        Object counted = new Object() {
            @Override
            public String toString() {
                worded.incrementAndGet();
                return "org 7";
            }
        };
        WordedSteps steps = WordedSteps.NONE.plus("first").plus("%s: %d orgs", counted, 2);

        assertThat(worded).hasValue(0);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(1)).isEqualTo("org 7: 2 orgs");
        assertThat(worded).hasValue(1);
        assertThat(steps).isEqualTo(List.of("first", "org 7: 2 orgs"));
    }

    @Test
    void plus_leavesTheOriginalUnchanged() {
        WordedSteps one = WordedSteps.of(List.of("a"));
        WordedSteps two = one.plus("b");
        assertThat(one).containsExactly("a");
        assertThat(two).containsExactly("a", "b");
        assertThat(WordedSteps.of(two)).isSameAs(two);
    }
}
