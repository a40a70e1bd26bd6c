package io.wasmlet;

/**
 * The release of this build of wasmlet. Generated: Maven copies this file from
 * {@code src/main/java-templates} into {@code target/generated-sources/version} with the pom's
 * version filled in, before both compiles (the desktop one and the CLDC one of the compact jar).
 */
public final class Version {
    /** The project version, as in the pom and the jar manifests, e.g. {@code 0.2.0} or {@code 0.2.0-SNAPSHOT}. */
    public static final String VERSION = "${project.version}";

    private Version() {
    }
}
