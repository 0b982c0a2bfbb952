package dev.patterncatalog;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure is part of the design: features do not reach into each other, and
 * only web packages know about HTTP controllers.
 */
class ArchitectureTests {

	/** Spring AOT's generated wiring, such as {@code LabHandler__BeanDefinitions}. */
	private static final Pattern GENERATED = Pattern.compile(".*__\\w+\\.class");

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.matches(GENERATED))
		.importPackages("dev.patterncatalog");

	private static void assertHolds(EvaluationResult result) {
		assertThat(result.getFailureReport().getDetails()).as(result.getFailureReport().toString()).isEmpty();
	}

	@Test
	void theCatalogAndTheLabAreIndependentFeatures() {
		assertHolds(noClasses().that()
			.resideInAPackage("..catalog..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..lab..")
			.evaluate(this.classes));
		assertHolds(noClasses().that()
			.resideInAPackage("..lab..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..catalog..")
			.evaluate(this.classes));
	}

	@Test
	void crossCuttingCodeKnowsNoFeature() {
		assertHolds(noClasses().that()
			.resideInAPackage("..system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..catalog..", "..lab..")
			.evaluate(this.classes));
	}

	@Test
	void nothingDependsOnAWebPackageButItsOwnFeature() {
		assertHolds(noClasses().that()
			.resideOutsideOfPackages("dev.patterncatalog..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.patterncatalog..web..")
			.evaluate(this.classes));
		assertHolds(slices().matching("dev.patterncatalog.(*).web..")
			.should()
			.notDependOnEachOther()
			.evaluate(this.classes));
	}

	@Test
	void theLabsPackagesLayerWithoutCycles() {
		// backend <- run <- demo <- compare, with web on top: each knows only those below
		assertHolds(slices().matching("dev.patterncatalog.lab.(*)..").should().beFreeOfCycles().evaluate(this.classes));
	}

}
