package io.saima.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * README.md's licence table is what the build resolves: every runtime dependency (what the
 * application jar is shaded from) has a row with its version and the licence its POM declares,
 * every licence may be combined with Apache-2.0, an LGPL library is never shaded into the jar, and
 * NOTICE carries the notice of every bundled jar that ships one. No Spark here.
 */
class LicencesTest {
  private static final Path HOME = Path.of(System.getProperty("saima.home", "..")).toAbsolutePath();
  private static final Path RUNTIME_CLASSPATH = HOME.resolve("jobs/target/runtime-classpath.txt");

  /** A POM's licence name and URL, lower-cased, to the README's name for it; first match wins. */
  private static final List<Map.Entry<Pattern, String>> LICENCE_NAMES =
      List.of(
          Map.entry(Pattern.compile("lesser general public"), "LGPL-2.1-or-later"),
          Map.entry(Pattern.compile("apache"), "Apache-2.0"),
          Map.entry(Pattern.compile("\\bmit\\b"), "MIT"),
          Map.entry(Pattern.compile("bsd[- ]2-clause"), "BSD-2-Clause"),
          Map.entry(Pattern.compile("bsd-3-clause|antlr\\.org/license"), "BSD-3-Clause"),
          Map.entry(Pattern.compile("bsd"), "BSD"));

  /** Licences whose code may be bundled into an Apache-2.0 jar and redistributed. */
  private static final Set<String> BUNDLABLE =
      Set.of("Apache-2.0", "MIT", "BSD", "BSD-2-Clause", "BSD-3-Clause");

  private static final List<String> NOTICE_FILES =
      List.of("META-INF/NOTICE", "META-INF/NOTICE.txt", "NOTICE", "NOTICE.txt");

  record Dependency(String id, String version, Path jar) {}

  record Row(String version, String licence, String shipped) {}

  @Test
  void everyRuntimeDependencyHasItsVersionAndLicenceInTheReadme() throws Exception {
    Map<String, Row> rows = readmeRows();
    List<String> problems = new ArrayList<>();
    for (Dependency dependency : runtimeDependencies()) {
      Row row = rows.remove(dependency.id());
      String licence = licence(dependency);
      boolean shaded = shaded(dependency.id());
      String wanted =
          String.format(
              Locale.ROOT,
              "| `%s` | %s | %s | %s |",
              dependency.id(),
              dependency.version(),
              licence,
              shaded ? "bundled" : "(how it ships instead)");
      if (row == null) {
        problems.add("no row for " + dependency.id() + "; add " + wanted);
        continue;
      }
      if (!row.version().equals(dependency.version())) {
        problems.add(dependency.id() + " is " + dependency.version() + ", the README says " + row);
      }
      if (!row.licence().equals(licence)) {
        problems.add(dependency.id() + "'s POM says " + licence + ", the README says " + row);
      }
      if (shaded != row.shipped().equals("bundled")) {
        problems.add(
            dependency.id()
                + (shaded ? " is shaded into the application jar" : " is not shaded")
                + ", the README says "
                + row.shipped());
      }
      if (!BUNDLABLE.contains(licence) && shaded) {
        problems.add(
            dependency.id()
                + " is "
                + licence
                + ": keep it out of the shaded jar (jobs/pom.xml, artifactSet)");
      }
      if (!BUNDLABLE.contains(licence) && !licence.startsWith("LGPL-")) {
        problems.add(dependency.id() + " is " + licence + ", not known to combine with Apache-2.0");
      }
    }
    for (String gone : rows.keySet()) {
      problems.add("the README's row for " + gone + " names no runtime dependency");
    }
    assertEquals(List.of(), problems, "README.md, ## Licence");
  }

  @Test
  void noticeCarriesTheNoticeOfEveryBundledJar() throws Exception {
    String notice = normalized(Files.readString(HOME.resolve("NOTICE"), StandardCharsets.UTF_8));
    List<String> problems = new ArrayList<>();
    for (Dependency dependency : runtimeDependencies()) {
      if (!shaded(dependency.id())) {
        continue;
      }
      try (ZipFile jar = new ZipFile(dependency.jar().toFile())) {
        for (String name : NOTICE_FILES) {
          ZipEntry entry = jar.getEntry(name);
          if (entry == null) {
            continue;
          }
          try (InputStream in = jar.getInputStream(entry)) {
            String theirs = normalized(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!notice.contains(theirs)) {
              problems.add(dependency.jar().getFileName() + "!" + name + " is not in NOTICE");
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void licenceIsTheApacheLicenceAndThePomSaysSo() throws Exception {
    String licence = Files.readString(HOME.resolve("LICENSE"), StandardCharsets.UTF_8);
    assertTrue(
        licence.contains("Apache License\n                           Version 2.0, January 2004"));
    assertTrue(licence.contains("END OF TERMS AND CONDITIONS"));
    Document pom = parse(HOME.resolve("pom.xml"));
    assertEquals(
        "Apache-2.0",
        text(child(child(child(pom.getDocumentElement(), "licenses"), "license"), "name")));
  }

  private static List<Dependency> runtimeDependencies() throws Exception {
    assertTrue(
        Files.isRegularFile(RUNTIME_CLASSPATH),
        RUNTIME_CLASSPATH + " is written by the build (generate-test-resources)");
    List<Dependency> dependencies = new ArrayList<>();
    for (String entry :
        Files.readString(RUNTIME_CLASSPATH, StandardCharsets.UTF_8).trim().split(":")) {
      Path jar = Path.of(entry);
      String artifact = jar.getParent().getParent().getFileName().toString();
      String version = jar.getParent().getFileName().toString();
      Element project = parse(pom(jar)).getDocumentElement();
      String group = text(child(project, "groupId"));
      if (group == null) {
        group = text(child(child(project, "parent"), "groupId"));
      }
      dependencies.add(new Dependency(group + ":" + artifact, version, jar));
    }
    return dependencies;
  }

  /** The licence the dependency's POM declares, or the nearest parent POM's. */
  private static String licence(Dependency dependency) throws Exception {
    Path repository = repositoryOf(dependency);
    Path pom = pom(dependency.jar());
    for (int depth = 0; depth < 10; depth++) {
      Element project = parse(pom).getDocumentElement();
      Element licenses = child(project, "licenses");
      if (licenses != null) {
        List<String> names = new ArrayList<>();
        NodeList each = licenses.getElementsByTagName("license");
        for (int i = 0; i < each.getLength(); i++) {
          Element license = (Element) each.item(i);
          String declared =
              (orEmpty(text(child(license, "name"))) + " " + orEmpty(text(child(license, "url"))))
                  .toLowerCase(Locale.ROOT);
          names.add(
              LICENCE_NAMES.stream()
                  .filter(rule -> rule.getKey().matcher(declared).find())
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse("unknown (" + declared + ")"));
        }
        return String.join(" OR ", names);
      }
      Element parent = child(project, "parent");
      if (parent == null) {
        break;
      }
      String group = text(child(parent, "groupId"));
      String artifact = text(child(parent, "artifactId"));
      String version = text(child(parent, "version"));
      pom =
          repository
              .resolve(group.replace('.', '/'))
              .resolve(artifact)
              .resolve(version)
              .resolve(artifact + "-" + version + ".pom");
    }
    return "none declared";
  }

  /** The local repository: the jar's folder less its group, artifact and version folders. */
  private static Path repositoryOf(Dependency dependency) {
    Path path = dependency.jar().getParent().getParent().getParent();
    for (int i = dependency.id().split(":")[0].split("\\.").length; i > 0; i--) {
      path = path.getParent();
    }
    return path;
  }

  private static Path pom(Path jar) {
    String artifact = jar.getParent().getParent().getFileName().toString();
    String version = jar.getParent().getFileName().toString();
    return jar.resolveSibling(artifact + "-" + version + ".pom");
  }

  /** Whether the shade puts the dependency into the application jar (jobs/pom.xml). */
  private static boolean shaded(String id) throws IOException {
    String pom = Files.readString(HOME.resolve("jobs/pom.xml"), StandardCharsets.UTF_8);
    Matcher artifactSet =
        Pattern.compile("<artifactSet>(.*?)</artifactSet>", Pattern.DOTALL).matcher(pom);
    assertTrue(artifactSet.find(), "jobs/pom.xml shades with an artifactSet");
    Matcher exclude = Pattern.compile("<exclude>([^<]+)</exclude>").matcher(artifactSet.group(1));
    String group = id.split(":")[0];
    while (exclude.find()) {
      String pattern = exclude.group(1).trim();
      if (pattern.equals(id) || pattern.equals(group + ":*")) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Row> readmeRows() throws IOException {
    String readme = Files.readString(HOME.resolve("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Licence\n");
    assertTrue(start >= 0, "README.md has ## Licence");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Matcher row =
        Pattern.compile(
                "^\\| `([^`]+)` \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|$", Pattern.MULTILINE)
            .matcher(section);
    Map<String, Row> rows = new TreeMap<>();
    while (row.find()) {
      rows.put(
          row.group(1), new Row(row.group(2).trim(), row.group(3).trim(), row.group(4).trim()));
    }
    assertTrue(rows.size() > 10, "README.md's licence table has rows: " + rows);
    return rows;
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  private static Document parse(Path xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    return factory.newDocumentBuilder().parse(xml.toFile());
  }

  /** The first child element of that name, or null. */
  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent().trim();
  }
}
