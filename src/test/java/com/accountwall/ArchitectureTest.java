package com.accountwall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules each package's {@code package-info.java} states, checked on the compiled
 * classes.
 */
@AnalyzeClasses(packages = "com.accountwall", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreDependsOnNothingOfTheWall =
      noClasses()
          .that()
          .resideInAPackage("com.accountwall.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.accountwall",
              "com.accountwall.api..",
              "com.accountwall.files..",
              "com.accountwall.generator..",
              "com.accountwall.journal..",
              "com.accountwall.kafka..",
              "com.accountwall.metrics..",
              "com.accountwall.settings..",
              "com.accountwall.store..",
              "com.accountwall.ui..",
              // Plain Java: the meters follow the core from outside (its listener and counts).
              "io.micrometer..",
              "io.prometheus..");

  @ArchTest
  static final ArchRule settingsDependOnNothingOfTheWall =
      noClasses()
          .that()
          .resideInAPackage("com.accountwall.settings..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.accountwall",
              "com.accountwall.api..",
              "com.accountwall.core..",
              "com.accountwall.files..",
              "com.accountwall.generator..",
              "com.accountwall.journal..",
              "com.accountwall.kafka..",
              "com.accountwall.metrics..",
              "com.accountwall.store..",
              "com.accountwall.ui..");

  /** The day's arithmetic is plain Java, so that it is tested without a window or a journal. */
  @ArchTest
  static final ArchRule theDayDependsOnJavaOnly =
      classes()
          .that()
          .resideInAPackage("com.accountwall.day..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "com.accountwall.day..");

  @ArchTest
  static final ArchRule metricsDependOnTheCoreOnly =
      noClasses()
          .that()
          .resideInAPackage("com.accountwall.metrics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.accountwall",
              "com.accountwall.api..",
              "com.accountwall.files..",
              "com.accountwall.generator..",
              "com.accountwall.journal..",
              "com.accountwall.kafka..",
              "com.accountwall.settings..",
              "com.accountwall.store..",
              "com.accountwall.ui..");

  /**
   * Parts record their meters through Micrometer's facade, in the registry they are given; only
   * {@code metrics} knows that it is Prometheus's.
   */
  @ArchTest
  static final ArchRule onlyMetricsKnowsPrometheus =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.accountwall.metrics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micrometer.prometheusmetrics..", "io.prometheus..");

  @ArchTest
  static final ArchRule onlyTheWindowUsesJavaFx =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.accountwall.ui..")
          .and()
          .doNotHaveFullyQualifiedName(AccountWallApp.class.getName())
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..");

  @ArchTest
  static final ArchRule journalsDoNotKnowEachOtherOrTheirCallers =
      noClasses()
          .that()
          .resideInAnyPackage(
              "com.accountwall.store..", "com.accountwall.kafka..", "com.accountwall.journal..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.accountwall",
              "com.accountwall.api..",
              "com.accountwall.metrics..",
              "com.accountwall.ui..",
              "com.accountwall.generator..");

  @ArchTest
  static final ArchRule roomsOfTheWindowHaveNoCycles =
      slices().matching("com.accountwall.ui.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule roomsOfTheWindowDoNotKnowTheWindow =
      noClasses()
          .that()
          .resideInAPackage("com.accountwall.ui.*..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.accountwall.ui");

  @ArchTest
  static final ArchRule howTheWindowWritesDependsOnNothingOfTheWall =
      classes()
          .that()
          .resideInAPackage("com.accountwall.ui.text..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "com.accountwall.ui.text..");

  @ArchTest
  static final ArchRule theBurnInShiftDependsOnNothingOfTheWall =
      classes()
          .that()
          .resideInAPackage("com.accountwall.ui.burnin..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "javafx..", "com.accountwall.ui.burnin..");

  @ArchTest
  static final ArchRule sleepDependsOnTheScheduleAndHowTheWindowWritesOnly =
      classes()
          .that()
          .resideInAPackage("com.accountwall.ui.sleep..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "javafx..",
              "com.accountwall.settings..",
              "com.accountwall.ui.text..",
              "com.accountwall.ui.sleep..");

  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      slices().matching("com.accountwall.(*)..").should().beFreeOfCycles();
}
