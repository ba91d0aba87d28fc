package dev.soracommock;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

/**
 * The layering of docs/adr/0006-layers-and-persistence.md, kept by the build: the kernel imports nothing of the
 * project, the request pipeline imports no domain, domains do not import the pipeline, no two packages import
 * each other, directly or through others, and a domain's tables are reached only through its own package.
 */
class ArchitectureTest {

    /** The packages that hold an emulated domain (each beside the others, none above the pipeline). */
    static final String[] DOMAINS = {"..beam..", "..billing..", "..capture..", "..credential..", "..device..", "..esim..",
            "..eventhandler..", "..export..", "..files..", "..group..", "..harvest..", "..napter..", "..notification..",
            "..operator..", "..oplog..", "..order..", "..payment..", "..sam..", "..soralet..", "..stats..", "..subscriber..",
            "..summary.."};

    private static JavaClasses imported;

    @BeforeAll
    static void importClasses() {
        // the generated interfaces and models (dev.soracommock.api, ~1 000 classes) are left out: they import only
        // the kernel (OperationSpec) and the fallback (NotImplementedOperation), through the project's templates
        // read from the main classes' directory itself: scanning the class path for the package would list every
        // resource of every jar (tens of MB in the tests' 128 MB heap)
        Path main = Path.of(SoracomMockApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        imported = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/dev/soracommock/api/"))
                .importPath(main);
    }

    /** Not kept past this class: the suite runs in a 128 MB heap. */
    @AfterAll
    static void forgetClasses() {
        imported = null;
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.soracommock.(*)..").should().beFreeOfCycles().check(imported);
    }

    @Test
    void theKernelImportsNothingOfTheProject() {
        noClasses().that().resideInAPackage("dev.soracommock.kernel..")
                .should().dependOnClassesThat(resideInAPackage("dev.soracommock..")
                        .and(not(resideInAPackage("dev.soracommock.kernel.."))))
                .check(imported);
    }

    @Test
    void thePipelineImportsNoDomain() {
        noClasses().that().resideInAPackage("dev.soracommock.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage(DOMAINS).check(imported);
    }

    @Test
    void domainsDoNotImportThePipeline() {
        noClasses().that().resideInAnyPackage(DOMAINS)
                .should().dependOnClassesThat().resideInAPackage("dev.soracommock.pipeline..").check(imported);
    }

    /** ADR 0006: a table belongs to one domain; its store is package-private, so other domains go through the service. */
    @Test
    void storesArePackagePrivate() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic().andShould().notBeProtected()
                .check(imported);
    }
}
