package dev.strata.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The architecture rules of ARCHITECTURE.md for one service (STYLE.md #17): dependencies point
 * inward, the domain touches no framework, no service reaches into another's packages. Every rule
 * must match classes — an empty layer or a rule that selects nothing fails instead of passing.
 */
public final class HexagonalArchitecture {

  private static final List<String> SERVICES = List.of("ingest", "warehouse", "scoring", "agent");

  /** What a domain class must never touch. */
  private static final String[] FRAMEWORKS = {
    "io.quarkus..", "io.vertx..", "io.smallrye..", "org.hibernate..", "jakarta.persistence..",
    "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..", "org.duckdb..", "ai.onnxruntime..",
    "com.rabbitmq..", "io.micrometer..", "org.eclipse.microprofile..", "org.tribuo..", "java.sql.."
  };

  private HexagonalArchitecture() {}

  /** Checks the service whose root package is {@code dev.strata.<service>}. */
  public static void verify(String service) {
    String root = "dev.strata." + service;
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(root);

    // config is the composition root: it builds everything and nothing refers to it; adapters read their settings
    // (the @ConfigMapping interfaces) and never each other, incoming and outgoing meet only in the use cases
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("domain").definedBy(root + ".domain..")
        .layer("application").definedBy(root + ".application..")
        .layer("incoming adapters").definedBy(root + ".adapter.in..")
        .layer("outgoing adapters").definedBy(root + ".adapter.out..")
        .layer("settings").definedBy(root + ".settings..")
        .layer("config").definedBy(root + ".config..")
        .whereLayer("config").mayNotBeAccessedByAnyLayer()
        .whereLayer("settings").mayOnlyBeAccessedByLayers("incoming adapters", "outgoing adapters", "config")
        .whereLayer("incoming adapters").mayOnlyBeAccessedByLayers("config")
        .whereLayer("outgoing adapters").mayOnlyBeAccessedByLayers("config")
        .whereLayer("application").mayOnlyBeAccessedByLayers("incoming adapters", "outgoing adapters", "config")
        .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "incoming adapters", "outgoing adapters", "config")
        .check(classes);

    noClasses().that().resideInAPackage(root + ".domain..")
        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
        .because("the domain is pure Java (ARCHITECTURE.md)")
        .check(classes);

    noClasses().that().resideInAPackage(root + ".application..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.quarkus..", "io.vertx..", "org.hibernate..", "org.duckdb..", "ai.onnxruntime..", "jakarta.ws.rs..",
            "com.rabbitmq..", "jakarta.enterprise..", "jakarta.inject..", "java.sql..")
        .because("use cases orchestrate ports, not technologies; config/ builds them (STYLE.md #12)")
        .check(classes);

    noClasses().that().resideInAPackage(root + ".application..")
        .should().dependOnClassesThat().areAssignableTo(Executor.class)
        .orShould().dependOnClassesThat().resideInAPackage("io.smallrye.mutiny.infrastructure..")
        .because("a use case runs no blocking work itself: a port answers a CompletionStage, which a blocking adapter "
            + "completes on the executor it owns (CONTRIBUTING.md, Ports)")
        .check(classes);

    String[] others = SERVICES.stream().filter(other -> !other.equals(service))
        .map(other -> "dev.strata." + other + "..").toArray(String[]::new);
    noClasses().that().resideInAPackage(root + "..")
        .should().dependOnClassesThat().resideInAnyPackage(others)
        .because("services talk over REST and queues, never through each other's code")
        .check(classes);
  }
}
