package dev.patterncatalog;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure is part of the design: features do not reach into each other, and
 * only web packages know about HTTP controllers.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.patterncatalog");

	@Test
	void theCatalogAndTheLabAreIndependentFeatures() {
		noClasses().that()
			.resideInAPackage("..catalog..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..lab..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("..lab..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..catalog..")
			.check(this.classes);
	}

	@Test
	void crossCuttingCodeKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("..system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..catalog..", "..lab..")
			.check(this.classes);
	}

	@Test
	void nothingDependsOnAWebPackageButItsOwnFeature() {
		noClasses().that()
			.resideOutsideOfPackages("dev.patterncatalog..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.patterncatalog..web..")
			.check(this.classes);
		slices().matching("dev.patterncatalog.(*).web..").should().notDependOnEachOther().check(this.classes);
	}

}
