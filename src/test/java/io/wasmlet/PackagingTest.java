package io.wasmlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a release carries: one version everywhere (pom, {@link Version}, the compact jars'
 * manifests), and the README's dependency snippet being the one the consumer check builds
 * (src/it/consumer, run by maven-invoker-plugin in mvn verify).
 */
class PackagingTest {

    static String pomVersion() throws IOException {
        String pom = Files.readString(Paths.get("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<artifactId>wasmlet</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "pom.xml: the project's version");
        return m.group(1);
    }

    @Test
    void versionIsThePoms() throws IOException {
        assertEquals(pomVersion(), Version.VERSION);
    }

    @Test
    void compactJarsCarryTitleAndVersion() throws IOException {
        String[][] jars = {
            {"target/wasmlet-compact.jar", "wasmlet compact core"},
            {"target/wasmlet-compact-wasi.jar", "wasmlet compact WASI preview1"},
        };
        for (String[] j : jars) {
            try (JarFile jar = new JarFile(j[0])) {
                Manifest mf = jar.getManifest();
                assertEquals(j[1], mf.getMainAttributes().getValue("Implementation-Title"), j[0]);
                assertEquals(Version.VERSION, mf.getMainAttributes().getValue("Implementation-Version"), j[0]);
            }
        }
    }

    @Test
    void readmeDependencySnippetIsTheOneTheConsumerCheckBuilds() throws IOException {
        String readme = Files.readString(Paths.get("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```xml\\n(<dependency>\\n.*?</dependency>)\\n```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README: an xml block with the dependency snippet");
        String snippet = m.group(1);
        assertTrue(snippet.contains("<version>" + pomVersion() + "</version>"), snippet);

        String it = Files.readString(Path.of("src/it/consumer/pom.xml"), StandardCharsets.UTF_8);
        Matcher b = Pattern.compile("<!-- README: dependency snippet -->\\n(.*?)\\n\\s*<!-- end -->", Pattern.DOTALL).matcher(it);
        assertTrue(b.find(), "src/it/consumer/pom.xml: the marked snippet");
        String used = b.group(1).replace("@project.version@", pomVersion()).stripIndent().strip();
        assertEquals(snippet.strip(), used);
    }

    @Test
    void licenceIsApache2() throws IOException {
        String licence = Files.readString(Paths.get("LICENSE"), StandardCharsets.UTF_8);
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"), "LICENSE");
        assertTrue(Files.readString(Paths.get("pom.xml"), StandardCharsets.UTF_8).contains("<name>Apache-2.0</name>"));
    }
}
