package org.duetstudio.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions of the libraries a run used, read from the jars themselves (for provenance). */
public final class LibraryVersions {
  private static final String[][] ARTIFACTS = {
    {"deeplearning4j-nn", "org.deeplearning4j"},
    {"nd4j-native", "org.nd4j"},
    {"nd4j-api", "org.nd4j"},
    {"smile-core", "com.github.haifengl"},
  };

  private LibraryVersions() {}

  /** artifact → version, plus "java" and the studio's own version. */
  public static Map<String, String> detect() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("duet-studio", versionOf("duet-studio", "org.duetstudio"));
    v.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    for (String[] a : ARTIFACTS) {
      v.put(a[0], versionOf(a[0], a[1]));
    }
    return v;
  }

  private static String versionOf(String artifact, String group) {
    String res = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = LibraryVersions.class.getResourceAsStream(res)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through
    }
    Package pkg = LibraryVersions.class.getPackage();
    if (artifact.equals("duet-studio") && pkg != null && pkg.getImplementationVersion() != null) {
      return pkg.getImplementationVersion();
    }
    return "unknown";
  }
}
