package org.duetstudio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the README's Architecture section describes, enforced: core knows no UI and no front end; view models know no scene
 * graph; only the front ends' entry points write to the standard streams.
 */
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

  @ArchTest
  static final ArchRule viewModelsKnowNoSceneGraph =
      noClasses()
          .that()
          .haveNameMatching(".*ViewModel(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx.scene..", "javafx.application..")
          .because(
              "a view model is tested without a window; background work reaches the FX thread through"
                  + " BackgroundTasks");

  /**
   * One exception: Nd4jRuntime swaps System.out for a moment to silence the native libraries' start-up
   * banner (it writes nothing itself).
   */
  @ArchTest
  static final ArchRule onlyTheFrontEndsWriteToTheStandardStreams =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.duetstudio.cli..", "org.duetstudio.app..")
          .and()
          .doNotHaveFullyQualifiedName("org.duetstudio.core.model.dl4j.Nd4jRuntime")
          .should(ACCESS_STANDARD_STREAMS)
          .because("the window and the library log through SLF4J; only entry points print");
}
