package dev.simboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nu.validator.checker.Checker;
import nu.validator.checker.CspEnforcementChecker;
import nu.validator.checker.DuplicateDtChecker;
import nu.validator.checker.HeadingHierarchyChecker;
import nu.validator.checker.MicrodataChecker;
import nu.validator.checker.NormalizationChecker;
import nu.validator.checker.SpeculationRulesChecker;
import nu.validator.checker.TextContentChecker;
import nu.validator.checker.UncheckedSubtreeWarner;
import nu.validator.checker.UsemapChecker;
import nu.validator.checker.XmlPiChecker;
import nu.validator.checker.jing.CheckerSchema;
import nu.validator.checker.jing.CheckerValidator;
import nu.validator.checker.table.TableChecker;
import nu.validator.htmlparser.common.Heuristics;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import nu.validator.localentities.LocalCacheEntityResolver;
import nu.validator.vendor.thaiopensource.relaxng.impl.CombineValidator;
import nu.validator.vendor.thaiopensource.util.PropertyMap;
import nu.validator.vendor.thaiopensource.util.PropertyMapBuilder;
import nu.validator.vendor.thaiopensource.validate.Schema;
import nu.validator.vendor.thaiopensource.validate.ValidateProperty;
import nu.validator.vendor.thaiopensource.validate.Validator;
import nu.validator.vendor.thaiopensource.validate.prop.rng.RngProperty;
import nu.validator.vendor.thaiopensource.validate.rng.CompactSchemaReader;
import nu.validator.vendor.thaiopensource.xml.sax.Jaxp11XMLReaderCreator;
import nu.validator.xml.AttributesPermutingXMLReaderWrapper;
import nu.validator.xml.NullEntityResolver;
import nu.validator.xml.ariaattributes.AriaAttributeDroppingSchemaWrapper;
import nu.validator.xml.customelements.NamespaceChangingSchemaWrapper;
import nu.validator.xml.dataattributes.DataAttributeDroppingSchemaWrapper;
import nu.validator.xml.langattributes.XmlLangAttributeDroppingSchemaWrapper;
import nu.validator.xml.roleattributes.RoleAttributeFilteringSchemaWrapper;
import nu.validator.xml.templateelement.TemplateElementDroppingSchemaWrapper;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The Nu HTML Checker (the engine of validator.w3.org/nu) in the JVM: a page's HTML in,
 * its errors out. Warnings and info messages (a trailing slash on a void element, say)
 * are left out: they are advice, not invalid HTML.
 * <p>
 * Put together as Nu's own {@code SimpleDocumentValidator} (26.5) puts it together for
 * text/html, less what fetches documents over HTTP: that class loads Jetty 11's client,
 * and with any Jetty client on the test classpath Boot makes it every test context's HTTP
 * client. Language guessing is left out too: every page says {@code lang="en"}, and a
 * guess from a page of IDs could only warn.
 * <p>
 * One checker reads the schema once and is then reused, one page at a time.
 */
final class HtmlChecker {

	/** What the Nu command line and web service check text/html against. */
	static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

	private final Collector collector = new Collector();

	private final Validator validator;

	private final XMLReader reader;

	HtmlChecker() {
		// Read by Nu's checkers: the full RDFa schema, as for html5-all.rnc; no guessing.
		System.setProperty("nu.validator.schema.rdfa-full", "1");
		System.setProperty("nu.validator.checker.enableLangDetection", "0");
		try {
			PropertyMap properties = properties(this.collector);
			Validator combined = schema().createValidator(properties);
			combined = new CombineValidator(combined, CheckerSchema.ASSERTION_SCH.createValidator(properties));
			for (Checker checker : List.of(new TableChecker(), new DuplicateDtChecker(), new HeadingHierarchyChecker(),
					new MicrodataChecker(), new NormalizationChecker(), new SpeculationRulesChecker(),
					new TextContentChecker(), new UncheckedSubtreeWarner(), new UsemapChecker(), new XmlPiChecker(),
					new CspEnforcementChecker())) {
				combined = new CombineValidator(combined, new CheckerValidator(checker, properties));
			}
			this.validator = combined;
			this.reader = new AttributesPermutingXMLReaderWrapper(parser(combined, this.collector));
		}
		catch (IOException | SAXException ex) {
			throw new IllegalStateException("The Nu HTML Checker could not load its schema " + SCHEMA, ex);
		}
	}

	/** The errors, fatal ones included, of a text/html document, in document order. */
	synchronized List<Problem> errors(String html) {
		this.collector.problems.clear();
		this.validator.reset();
		InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		source.setEncoding(StandardCharsets.UTF_8.name());
		try {
			this.reader.parse(source);
		}
		catch (SAXParseException ex) {
			// A fatal error: the collector has it already.
		}
		catch (IOException | SAXException ex) {
			throw new IllegalStateException("The Nu HTML Checker failed on the page itself", ex);
		}
		return List.copyOf(this.collector.problems);
	}

	/** The main schema, from the copy in Nu's jar, wrapped as Nu wraps it for HTML. */
	private static Schema schema() throws IOException, SAXException {
		LocalCacheEntityResolver resolver = new LocalCacheEntityResolver(new NullEntityResolver());
		resolver.setAllowRnc(true);
		PropertyMapBuilder builder = new PropertyMapBuilder(properties(new SchemaErrors()));
		builder.put(ValidateProperty.ENTITY_RESOLVER, resolver);
		Schema schema;
		try {
			schema = CompactSchemaReader.getInstance()
				.createSchema(resolver.resolveEntity(null, SCHEMA), builder.toPropertyMap());
		}
		catch (nu.validator.vendor.thaiopensource.validate.IncorrectSchemaException ex) {
			throw new SAXException("Nu's own schema " + SCHEMA + " is incorrect", ex);
		}
		schema = new DataAttributeDroppingSchemaWrapper(schema);
		schema = new AriaAttributeDroppingSchemaWrapper(schema);
		schema = new XmlLangAttributeDroppingSchemaWrapper(schema);
		schema = new RoleAttributeFilteringSchemaWrapper(schema);
		schema = new TemplateElementDroppingSchemaWrapper(schema);
		return new NamespaceChangingSchemaWrapper(schema);
	}

	private static PropertyMap properties(ErrorHandler errors) {
		PropertyMapBuilder builder = new PropertyMapBuilder();
		builder.put(ValidateProperty.ERROR_HANDLER, errors);
		builder.put(ValidateProperty.XML_READER_CREATOR, new Jaxp11XMLReaderCreator());
		RngProperty.CHECK_ID_IDREF.add(builder);
		return builder.toPropertyMap();
	}

	/** Nu's HTML parser, set as Nu sets it for checking, feeding the validator. */
	private static HtmlParser parser(Validator validator, ErrorHandler errors) throws SAXException {
		HtmlParser parser = new HtmlParser();
		parser.setCommentPolicy(XmlViolationPolicy.ALLOW);
		parser.setContentNonXmlCharPolicy(XmlViolationPolicy.ALLOW);
		parser.setContentSpacePolicy(XmlViolationPolicy.ALTER_INFOSET);
		parser.setNamePolicy(XmlViolationPolicy.ALLOW);
		parser.setXmlnsPolicy(XmlViolationPolicy.ALTER_INFOSET);
		parser.setMappingLangToXmlLang(true);
		parser.setHeuristics(Heuristics.ALL);
		parser.setContentHandler(validator.getContentHandler());
		parser.setErrorHandler(errors);
		parser.setFeature("http://xml.org/sax/features/unicode-normalization-checking", true);
		// Buffered, not streamed (no streamability policy): every error of the page, not
		// only those before the first construct a stream cannot take.
		HashMap<String, String> profile = new HashMap<>(Map.of("html-strict", "warn"));
		parser.setErrorProfile(profile);
		return parser;
	}

	/**
	 * An error the checker found.
	 *
	 * @param line its line, from 1; -1 when the checker gives none
	 * @param column its column, from 1; -1 when the checker gives none
	 * @param message what is wrong, as the checker says it
	 */
	record Problem(int line, int column, String message) {

		@Override
		public String toString() {
			return "line " + this.line + ":" + this.column + ": " + this.message;
		}

	}

	/** Keeps errors; warnings and info go to no one. */
	private static final class Collector implements ErrorHandler {

		private final List<Problem> problems = new ArrayList<>();

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) {
			this.problems.add(problem(exception));
		}

		@Override
		public void fatalError(SAXParseException exception) {
			this.problems.add(problem(exception));
		}

		private static Problem problem(SAXParseException exception) {
			return new Problem(exception.getLineNumber(), exception.getColumnNumber(), exception.getMessage());
		}

	}

	/** An error in the schema Nu ships is a broken set-up, not a page's. */
	private static final class SchemaErrors implements ErrorHandler {

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}

	}

}
