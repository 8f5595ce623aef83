package io.plumbline.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}, from the jar manifest when there is one. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"plumbline " + (v == null ? "dev" : v)};
    }
}
