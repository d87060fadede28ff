package org.duetstudio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md §2, enforced: core knows no UI and no front end. */
@AnalyzeClasses(packages = "org.duetstudio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule coreHasNoJavaFx =
      noClasses()
          .that()
          .resideInAPackage("org.duetstudio.core..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..")
          .because("core must run without a window (command line, tests)");

  @ArchTest
  static final ArchRule coreDoesNotKnowItsFrontEnds =
      noClasses()
          .that()
          .resideInAPackage("org.duetstudio.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.duetstudio.ui..", "org.duetstudio.cli..", "org.duetstudio.app..");

  @ArchTest
  static final ArchRule deepLearningStaysInItsPackage =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.duetstudio.core.model.dl4j..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
          .because("DL4J is one implementation of the model interfaces, not the engine's language");
}
