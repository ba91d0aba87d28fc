package dev.soracommock.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.soracommock.config.MockProperties;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an answer does with a property that has no value, decided by the contract for every generated model (one
 * rule, no list per endpoint):
 * <ul>
 *   <li>{@code omit} (the default): the property is left out, unless its contract declares it both required and
 *   nullable (the eSIM Commerce API's dates, for instance), where {@code null} is written. Clients generated from
 *   Soracom's published contract refuse a {@code null} the contract does not allow (openapi-generator's Python client
 *   raises at the first {@code "userName": null}); a left-out optional property is valid for every client.</li>
 *   <li>{@code emit} ({@code SORACOM_MOCK_JSON_NULLS=emit}): every unset property is written as {@code null}, the raw
 *   look of the real backend (a Spring application with Jackson's defaults, soracom-facts §6), for users who compare
 *   raw JSON with captured answers. Strict clients may refuse such answers, as they may refuse the real API's.</li>
 * </ul>
 * The rule is an annotation introspector on the application's {@link JsonMapper}: it applies wherever a generated
 * model is written (answers, and the state the domains keep as JSON, which reads absent as unset).
 */
@Component
public class NullPolicy implements JsonMapperBuilderCustomizer {

    private static final String GENERATED = "dev.soracommock.api.";

    private final MockProperties.JsonNulls mode;

    public NullPolicy(MockProperties properties) {
        this.mode = properties.jsonNulls();
    }

    @Override
    public void customize(JsonMapper.Builder builder) {
        if (mode == MockProperties.JsonNulls.OMIT) {
            builder.annotationIntrospector(AnnotationIntrospector.pair(new ContractInclusion(), builder.annotationIntrospector()));
        }
    }

    /** Generated models: {@code null} only for the contract's required and nullable properties. */
    static final class ContractInclusion extends NopAnnotationIntrospector {

        private static final JsonInclude.Value OMIT_NULL = JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null);
        private static final JsonInclude.Value WRITE_NULL = JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, null);
        private static final Set<String> NULLS_WRITTEN = nullsWritten();

        private static Set<String> nullsWritten() {
            Set<String> all = new HashSet<>();
            all.addAll(dev.soracommock.api.soracom.OperationCatalog.nullsWritten());
            all.addAll(dev.soracommock.api.sandbox.OperationCatalog.nullsWritten());
            all.addAll(dev.soracommock.api.esim.OperationCatalog.nullsWritten());
            all.addAll(dev.soracommock.api.mock.OperationCatalog.nullsWritten());
            return Set.copyOf(all);
        }

        @Override
        public JsonInclude.Value findPropertyInclusion(MapperConfig<?> config, Annotated a) {
            if (a instanceof AnnotatedClass c) {
                return generatedModel(c.getRawType()) ? OMIT_NULL : JsonInclude.Value.empty();
            }
            if (a instanceof AnnotatedMember m && generatedModel(m.getDeclaringClass())) {
                JsonProperty name = m.getAnnotation(JsonProperty.class);
                String property = name != null && !name.value().isEmpty() ? name.value() : m.getName();
                return NULLS_WRITTEN.contains(m.getDeclaringClass().getSimpleName() + "." + property) ? WRITE_NULL : OMIT_NULL;
            }
            return JsonInclude.Value.empty();
        }

        private static boolean generatedModel(Class<?> type) {
            return type.getName().startsWith(GENERATED) && type.getPackageName().endsWith(".model");
        }
    }
}
