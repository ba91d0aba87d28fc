package dev.soracommock.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.schema.SwaggerV20Library;
import com.atlassian.oai.validator.schema.ValidationConfiguration;
import com.github.fge.jsonschema.core.report.ListReportProvider;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import com.github.fge.msgsimple.load.MessageBundles;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * Small schema caches for every contract validator (the server's request check, the fallback's response check, the
 * tests' response check). The Atlassian validator turns each schema it checks into a JSON Schema that carries a copy
 * of all the contract's component schemas (1–1.5 MB for the Soracom contract), and keeps up to 100 of them, while the
 * JSON Schema library under it keeps up to 512 compiled sub-schemas, each holding its whole tree: one validator that
 * had seen every Soracom operation held about 370 MB. Bounded, a validator holds a few of those trees, the schemas in
 * use stay cached, and a miss costs a millisecond or two.
 */
public final class SchemaCaches {

    /** Converted schemas kept by a validator on the request path (the Atlassian default is 100). */
    public static final int SCHEMAS = 4;

    /** Compiled sub-schemas kept by a request-path validator's JSON Schema factory (the library's default is 512). */
    public static final int SUB_SCHEMAS = 16;

    /** The same for validators that check each schema a few times only (fallback bodies, tests' response check). */
    public static final int CHECK_SCHEMAS = 2;

    public static final int CHECK_SUB_SCHEMAS = 8;

    private SchemaCaches() {
    }

    /** The builder with the request path's cache bounds; everything else (levels, base path, matching) is the caller's. */
    public static OpenApiInteractionValidator.Builder bounded(OpenApiInteractionValidator.Builder builder) {
        return bounded(builder, SCHEMAS, SUB_SCHEMAS);
    }

    /** The builder with the smaller bounds of a validator that checks answers ({@link #CHECK_SCHEMAS}). */
    public static OpenApiInteractionValidator.Builder checking(OpenApiInteractionValidator.Builder builder) {
        return bounded(builder, CHECK_SCHEMAS, CHECK_SUB_SCHEMAS);
    }

    /** A schema validator over the parsed contract that checks values ({@link #CHECK_SCHEMAS}). */
    public static SchemaValidator checkingSchemaValidator(OpenAPI api, MessageResolver messages) {
        return new SchemaValidator(api, messages, () -> schemaFactory(CHECK_SUB_SCHEMAS), configuration(CHECK_SCHEMAS));
    }

    private static OpenApiInteractionValidator.Builder bounded(OpenApiInteractionValidator.Builder builder, int schemas,
            int subSchemas) {
        return builder.withSchemaFactorySupplier(() -> schemaFactory(subSchemas))
                .withSchemaValidationConfiguration(configuration(schemas));
    }

    private static ValidationConfiguration configuration(int schemas) {
        return new ValidationConfiguration().setMaxCacheSize(schemas);
    }

    /** The validator's own factory ({@link SwaggerV20Library#schemaFactory()}) with a bounded cache. */
    private static JsonSchemaFactory schemaFactory(int subSchemas) {
        return JsonSchemaFactory.newBuilder()
                .setValidationConfiguration(com.github.fge.jsonschema.cfg.ValidationConfiguration.newBuilder()
                        .setDefaultLibrary(SwaggerV20Library.OAI_V2_METASCHEMA_URI, SwaggerV20Library.get())
                        .setSyntaxMessages(MessageBundles.getBundle(SwaggerV20Library.SyntaxBundle.class))
                        .setValidationMessages(MessageBundles.getBundle(SwaggerV20Library.ValidationBundle.class))
                        .setCacheSize(subSchemas)
                        .freeze())
                .setReportProvider(new ListReportProvider(LogLevel.ERROR, LogLevel.FATAL))
                .freeze();
    }
}
