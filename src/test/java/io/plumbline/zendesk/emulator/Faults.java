package io.plumbline.zendesk.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Decides which fault (if any) the next request meets: first a persistent fault for its method and
 * path, then any scripted fault whose path pattern matches (on its n-th matching request), else one
 * drawn from a seeded random at the configured rates.
 */
final class Faults {
    private static final int[] SERVER_STATUSES = {500, 502, 503, 504};
    private final EmulatorConfig config;
    private final Random random;
    private final List<Scripted> scripted = new ArrayList<>();
    private final List<String[]> always = new ArrayList<>();

    private static final class Scripted {
        final String pathPrefix;
        final Fault fault;
        int remaining;

        Scripted(String pathPrefix, int occurrence, Fault fault) {
            this.pathPrefix = pathPrefix;
            this.remaining = occurrence;
            this.fault = fault;
        }
    }

    Faults(EmulatorConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
    }

    synchronized void script(String pathPrefix, int occurrence, Fault fault) {
        scripted.add(new Scripted(pathPrefix, occurrence, fault));
    }

    /** Every request with this method and exact path meets {@code fault}, from now on. */
    synchronized void scriptAlways(String method, String path, Fault fault) {
        always.add(new String[] {method, path, fault.name()});
    }

    /** Requests with this method and exact path no longer meet the fault {@link #scriptAlways} gave them. */
    synchronized void stopAlways(String method, String path) {
        always.removeIf(a -> a[0].equals(method) && a[1].equals(path));
    }

    synchronized Fault next(String method, String path) {
        Fault chosen = scripted(method, path);
        if (chosen != Fault.NONE || !config.faultMethods().contains(method)) {
            return chosen;
        }
        double r = random.nextDouble();
        double edge = config.fault429Rate();
        if (r < edge) {
            return Fault.TOO_MANY;
        }
        edge += config.fault5xxRate();
        if (r < edge) {
            return Fault.SERVER_ERROR;
        }
        edge += config.resetRate();
        if (r < edge) {
            return Fault.RESET;
        }
        edge += config.slowRate();
        return r < edge ? Fault.SLOW : Fault.NONE;
    }

    /** The fault a test gave this request ({@link #script}, {@link #scriptAlways}), else none. */
    synchronized Fault scripted(String method, String path) {
        for (String[] a : always) {
            if (a[0].equals(method) && a[1].equals(path)) {
                return Fault.valueOf(a[2]);
            }
        }
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
            Scripted s = it.next();
            if (matches(s.pathPrefix, path) && --s.remaining == 0) {
                it.remove();
                return s.fault;
            }
        }
        return Fault.NONE;
    }

    /** {@code /a/b} matches that path only; {@code /a/b*} every path that starts with {@code /a/b}. */
    private static boolean matches(String pattern, String path) {
        return pattern.endsWith("*")
                ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                : path.equals(pattern);
    }

    synchronized int serverStatus() {
        return SERVER_STATUSES[random.nextInt(SERVER_STATUSES.length)];
    }
}
