package org.duetstudio.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions of the software a run used, read from the jars themselves (for provenance). */
public final class LibraryVersions {
  /** name, Maven group, a class inside the jar (for jars whose manifest is the only record). */
  private static final String[][] ARTIFACTS = {
    {"deeplearning4j-nn", "org.deeplearning4j", "org.deeplearning4j.nn.conf.NeuralNetConfiguration"},
    {"nd4j-native", "org.nd4j", "org.nd4j.linalg.cpu.nativecpu.CpuBackend"},
    {"nd4j-api", "org.nd4j", "org.nd4j.linalg.factory.Nd4j"},
    {"smile-core", "com.github.haifengl", "smile.classification.LogisticRegression"},
  };

  private LibraryVersions() {}

  /** The studio's own version, from the build. */
  public static String studio() {
    return properties("/org/duetstudio/version.properties").getProperty("version", "unknown");
  }

  /** name → version: the studio, Java, and each library. */
  public static Map<String, String> detect() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("duet-studio", studio());
    v.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    for (String[] a : ARTIFACTS) {
      v.put(a[0], versionOf(a[0], a[1], a[2]));
    }
    return v;
  }

  private static String versionOf(String artifact, String group, String className) {
    String fromPom =
        properties("/META-INF/maven/" + group + "/" + artifact + "/pom.properties").getProperty("version");
    if (fromPom != null) {
      return fromPom;
    }
    try {
      Package p = Class.forName(className, false, LibraryVersions.class.getClassLoader()).getPackage();
      if (p != null && p.getImplementationVersion() != null) {
        return p.getImplementationVersion();
      }
    } catch (ClassNotFoundException e) {
      return "absent";
    }
    return "unknown";
  }

  private static Properties properties(String resource) {
    Properties p = new Properties();
    try (InputStream in = LibraryVersions.class.getResourceAsStream(resource)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // an unreadable record is an unknown version
    }
    return p;
  }
}
