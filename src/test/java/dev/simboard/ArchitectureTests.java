package dev.simboard;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import dev.simboard.catalog.Catalog;
import dev.simboard.model.Id;
import dev.simboard.sigmamind.DemoMode;
import dev.simboard.sigmamind.DemoModeCondition;
import dev.simboard.sigmamind.Fetched;
import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindJson;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.SigmaMindProperties;
import dev.simboard.sigmamind.SigmaMindTarget;
import dev.simboard.sigmamind.SigmaMindUnavailableException;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering, as rules the build checks: pages read the catalog, the catalog reads the
 * archive and the {@code sigmamind} adapter, and everything reads Simboard's own model,
 * never SigmaMind's wire records.
 */
@AnalyzeClasses(packages = "dev.simboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String[] PAGES = { "dev.simboard.agent..", "dev.simboard.batch..", "dev.simboard.run..",
			"dev.simboard.compare..", "dev.simboard.history..", "dev.simboard.open..", "dev.simboard.admin..",
			"dev.simboard.search.." };

	/**
	 * What {@code sigmamind} offers the rest of Simboard: the client (to the catalog
	 * only, see below), its failures (one per kind, mapped to pages by {@code web}), its
	 * settings, the target the demo package points it at, the demo-mode rule (nested
	 * types included: the unavailable kinds, the resilience settings), and SigmaMind's
	 * JSON as the archive keeps it ({@link Fetched}, read again by
	 * {@link SigmaMindJson}). Everything else there (the wire records, their mapping, the
	 * guard) is the adapter's own.
	 */
	private static final DescribedPredicate<JavaClass> ADAPTER_API = assignableTo(SigmaMindException.class)
		.or(belongToAnyOf(SigmaMindUnavailableException.class, SigmaMindClient.class, SigmaMindProperties.class,
				SigmaMindTarget.class, DemoMode.class, DemoModeCondition.class, Fetched.class, SigmaMindJson.class))
		.as("sigmamind's public API (client, exceptions, properties, target, demo mode, archived JSON)");

	private static final DescribedPredicate<JavaClass> ADAPTER_INTERNALS = resideInAPackage("dev.simboard.sigmamind..")
		.and(DescribedPredicate.not(ADAPTER_API))
		.as("sigmamind's own classes (wire records, mapping, guard)");

	/**
	 * Pages reach SigmaMind only through the catalog; the catalog only through the
	 * adapter. {@code web} (the layout's stale banner, the request log, refresh messages)
	 * reads the catalog's freshness too, and the demo package serves the API the adapter
	 * reads.
	 */
	@ArchTest
	static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("Pages")
		.definedBy(PAGES)
		.layer("Catalog")
		.definedBy("dev.simboard.catalog..")
		.layer("Archive")
		.definedBy("dev.simboard.archive..")
		.layer("Adapter")
		.definedBy("dev.simboard.sigmamind..")
		.layer("Web")
		.definedBy("dev.simboard.web..")
		.layer("Transcript")
		.definedBy("dev.simboard.transcript..")
		.layer("Model")
		.definedBy("dev.simboard.model..")
		.whereLayer("Pages")
		.mayOnlyBeAccessedByLayers("Pages")
		.whereLayer("Catalog")
		.mayOnlyBeAccessedByLayers("Pages", "Web")
		.whereLayer("Archive")
		.mayOnlyBeAccessedByLayers("Catalog")
		.whereLayer("Transcript")
		.mayOnlyBeAccessedByLayers("Pages", "Catalog", "Adapter")
		.whereLayer("Model")
		.mayOnlyBeAccessedByLayers("Pages", "Catalog", "Archive", "Adapter", "Web", "Transcript");

	/**
	 * The archive stores what the catalog gives it, in its own records: it knows the
	 * model, and the demo-mode rule (which picks its embedded database), nothing else of
	 * Simboard's.
	 */
	@ArchTest
	static final ArchRule theArchiveKnowsOnlyTheModel = noClasses().that()
		.resideInAPackage("dev.simboard.archive..")
		.should()
		.dependOnClassesThat(resideInAPackage("dev.simboard..")
			.and(DescribedPredicate.not(resideInAnyPackage("dev.simboard.archive..", "dev.simboard.model..")))
			.and(DescribedPredicate.not(belongToAnyOf(DemoMode.class)))
			.as("Simboard classes other than the archive's, the model's and DemoMode"));

	@ArchTest
	static final ArchRule nothingBelowThePagesReadsAPage = noClasses().that()
		.resideInAnyPackage("dev.simboard.catalog..", "dev.simboard.archive..", "dev.simboard.sigmamind..",
				"dev.simboard.model..", "dev.simboard.web..", "dev.simboard.transcript..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(PAGES);

	@ArchTest
	static final ArchRule onlyTheCatalogHoldsTheClient = noClasses().that()
		.resideOutsideOfPackages("dev.simboard.catalog..", "dev.simboard.sigmamind..")
		.should()
		.dependOnClassesThat()
		.belongToAnyOf(SigmaMindClient.class);

	/**
	 * What pages ask the catalog for, and what the catalog asks the client for, is named
	 * by {@link Id}s: nothing builds a request to SigmaMind from an unchecked string.
	 */
	@ArchTest
	static final ArchRule sigmaMindIsAskedByIdNeverByString = methods().that()
		.areDeclaredInClassesThat()
		.belongToAnyOf(SigmaMindClient.class, Catalog.class)
		.and()
		.arePublic()
		.should()
		.notHaveRawParameterTypes(DescribedPredicate.describe("that include String",
				(List<JavaClass> types) -> types.stream().anyMatch((type) -> type.isEquivalentTo(String.class))));

	@ArchTest
	static final ArchRule theWireEndsAtTheAdapter = noClasses().that()
		.resideOutsideOfPackage("dev.simboard.sigmamind..")
		.should()
		.dependOnClassesThat(ADAPTER_INTERNALS);

	@ArchTest
	static final ArchRule pagesSeeOnlyTheAdaptersFailures = noClasses().that()
		.resideInAnyPackage(PAGES)
		.should()
		.dependOnClassesThat(resideInAPackage("dev.simboard.sigmamind..")
			.and(DescribedPredicate.not(assignableTo(SigmaMindException.class)))
			.as("sigmamind classes other than its exceptions"));

	@ArchTest
	static final ArchRule theModelStandsAlone = classes().that()
		.resideInAPackage("dev.simboard.model..")
		.should()
		.onlyDependOnClassesThat(resideOutsideOfPackage("dev.simboard..").or(resideInAPackage("dev.simboard.model.."))
			.as("the JDK's or the model's own"));

	@ArchTest
	static final ArchRule noCycles = slices().matching("dev.simboard.(*)..").should().beFreeOfCycles();

}
