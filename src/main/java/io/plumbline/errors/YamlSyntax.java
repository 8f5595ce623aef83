package io.plumbline.errors;

import com.fasterxml.jackson.core.JacksonException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * YAML text the YAML parser refused, in plain words and at the place to look: where the problem is,
 * or for something left open (a quoted value, a {@code [} list, a <code>{</code> mapping) where it was
 * opened. Never the parser's snippet of the line, which could hold a secret pasted into the file.
 */
final class YamlSyntax {
    private static final Pattern CANNOT_START =
            Pattern.compile("found character '(.+?)' that cannot start any token.*");

    private YamlSyntax() {}

    static boolean is(JacksonException e) {
        return e.getCause() instanceof MarkedYAMLException;
    }

    static String describe(JacksonException e) {
        MarkedYAMLException y = (MarkedYAMLException) e.getCause();
        String problem = String.valueOf(y.getProblem());
        String context = String.valueOf(y.getContext());
        Matcher m = CANNOT_START.matcher(problem);
        if (m.matches()) {
            return m.group(1).startsWith("\\t")
                    ? "a tab character; indent with spaces only"
                    : "'" + m.group(1) + "' cannot start a value; put the value in quotes";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "a colon YAML cannot read here; put a value that holds ': ' in quotes, or check the indentation";
        }
        if (context.contains("quoted scalar")) {
            return "a quoted value is not closed";
        }
        if (context.contains("flow sequence")) {
            return "a [ list is not closed with ]";
        }
        if (context.contains("flow mapping")) {
            return "a { mapping is not closed with }";
        }
        return otherProblem(problem);
    }

    private static String otherProblem(String problem) {
        if (problem.startsWith("expected <block end>")) {
            return "this line is not indented like the lines above it";
        }
        if (problem.contains("could not find expected ':'")) {
            return "a key without a colon after it";
        }
        if (problem.contains("<stream end>") || problem.contains("end of stream")) {
            return "the file ends where a value should be";
        }
        // the parser's own wording can quote the input: it stays in the exception's cause
        return "unexpected text here";
    }

    static long line(JacksonException e) {
        Mark at = mark(e);
        return at == null ? 0 : at.getLine() + 1L;
    }

    static int column(JacksonException e) {
        Mark at = mark(e);
        return at == null ? 0 : at.getColumn() + 1;
    }

    /** The problem's place, except for something left open: the place it was opened. */
    private static Mark mark(JacksonException e) {
        MarkedYAMLException y = (MarkedYAMLException) e.getCause();
        String context = String.valueOf(y.getContext());
        boolean leftOpen = context.contains("quoted scalar")
                || context.contains("flow sequence")
                || context.contains("flow mapping");
        return leftOpen && y.getContextMark() != null ? y.getContextMark() : y.getProblemMark();
    }
}
