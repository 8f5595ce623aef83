package io.plumbline.detect;

import io.plumbline.resolve.Resolution;
import java.util.List;

/** One family of issue codes: a pure function from a resolution to the issues it finds. */
interface Detector {
    List<Issue> detect(Resolution resolution);
}
