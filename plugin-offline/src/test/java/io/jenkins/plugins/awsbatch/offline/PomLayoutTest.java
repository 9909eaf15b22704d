package io.jenkins.plugins.awsbatch.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin's pom (pom.xml, built only where the Jenkins repository is reachable) and the offline build
 * (offline.xml and this module) describe one product: one version, and the same AWS SDK the .hpi runs with.
 */
class PomLayoutTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theRootPomIsTheJenkinsPlugin() throws Exception {
        Element plugin = pom("pom.xml");
        assertThat(text(plugin, "packaging")).isEqualTo("hpi");
        Element parent = child(plugin, "parent");
        assertThat(text(parent, "groupId") + ":" + text(parent, "artifactId"))
                .isEqualTo("org.jenkins-ci.plugins:plugin");
        assertThat(text(plugin, "version")).isEqualTo("${revision}${changelist}");
        assertThat(property(plugin, "hpi.strictBundledArtifacts")).isEqualTo("true");
        assertThat(property(plugin, "ban-commons-lang-2.skip")).isEqualTo("false");
    }

    @Test
    void everyModuleSharesThePluginsVersion() throws Exception {
        Element plugin = pom("pom.xml");
        Element offline = pom("offline.xml");
        assertThat(text(offline, "version")).isEqualTo("${revision}${changelist}");
        assertThat(property(offline, "revision")).isEqualTo(property(plugin, "revision"));
        assertThat(property(offline, "changelist")).isEqualTo(property(plugin, "changelist"));
        assertThat(modules()).contains("batch-api", "local-engine", "engine", "cli", "plugin-offline");
        for (String module : modules()) {
            assertThat(text(child(pom(module + "/pom.xml"), "parent"), "version"))
                    .as(module + " parent version")
                    .isEqualTo("${revision}${changelist}");
        }
    }

    /**
     * The .hpi has no engine jar: it compiles the sources (and packs the resources) of every engine module itself,
     * and plugin-offline does the same. A module added to the offline build and missed here would be missing from
     * the plugin.
     */
    @Test
    void thePluginAndItsOfflineCheckCompileEveryEngineModule() throws Exception {
        List<String> engineModules = new ArrayList<>(modules());
        engineModules.removeAll(List.of("cli", "plugin-offline"));
        List<String> hpiSources = texts(pom("pom.xml"), "source");
        List<String> hpiResources = texts(pom("pom.xml"), "directory");
        List<String> offlineSources = texts(pom("plugin-offline/pom.xml"), "source");
        List<String> offlineResources = texts(pom("plugin-offline/pom.xml"), "directory");
        for (String module : engineModules) {
            assertThat(hpiSources).as("pom.xml sources").contains(module + "/src/main/java");
            assertThat(offlineSources).as("plugin-offline sources").contains("../" + module + "/src/main/java");
            if (Files.isDirectory(ROOT.resolve(module + "/src/main/resources"))) {
                assertThat(hpiResources).as("pom.xml resources").contains(module + "/src/main/resources");
                assertThat(offlineResources)
                        .as("plugin-offline resources")
                        .contains("../" + module + "/src/main/resources");
            }
        }
    }

    @Test
    void bundledArtifactsAreListedInTheOrderMavenHpiPluginComparesThem() throws Exception {
        List<String> bundled =
                Arrays.asList(property(pom("pom.xml"), "hpi.bundledArtifacts").split(","));
        List<String> sorted = new ArrayList<>(bundled);
        sorted.sort(null);
        assertThat(bundled).isEqualTo(sorted).doesNotHaveDuplicates();
        assertThat(bundled)
                .as("the engine is compiled into the plugin; plugins and core provide these")
                .doesNotContain(
                        "aws-batch-graph-batch-api",
                        "aws-batch-graph-local-engine",
                        "aws-batch-graph-engine",
                        "commons-io",
                        "commons-codec",
                        "commons-compress",
                        "jakarta.mail-api",
                        "angus-mail",
                        "sts");
    }

    @Test
    void theOfflineCheckCompilesAgainstTheSdkTheHpiBundles() throws Exception {
        String hpiSdk = property(pom("pom.xml"), "aws-sdk2.version");
        assertThat(property(pom("plugin-offline/pom.xml"), "awssdk.version")).isEqualTo(hpiSdk);
    }

    private static Element pom(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(ROOT.resolve(path).toFile());
        return doc.getDocumentElement();
    }

    /** The offline build's modules, in build order. */
    private static List<String> modules() throws Exception {
        return texts(pom("offline.xml"), "module");
    }

    /** The text of every element of that name, anywhere in the document. */
    private static List<String> texts(Element root, String name) {
        List<String> found = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent().trim());
        }
        return found;
    }

    private static String property(Element project, String name) {
        return text(child(project, "properties"), name);
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
