package dev.soracommock.contract;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

/**
 * The contract's {@code oneOf}s without a discriminator (a device resource value that is a string, number or
 * boolean; downlink authentication options; …) are generated as empty marker interfaces, which Jackson cannot
 * instantiate: a valid request would fail with 500. This module reads any such value as it came, JSON, behind a
 * proxy of the marker interface that also implements {@link Value}; a domain that needs it calls
 * {@link #json(Object)}, and a domain that answers one builds it with {@link #of(Class, JsonNode)}; such values are
 * written back as their JSON. Registered with Spring's JSON mapper as a module bean.
 */
@Component
public class OneOfValues extends SimpleModule {

    /** What every deserialised oneOf value also is. */
    public interface Value {
        JsonNode json();
    }

    private static final String GENERATED_MODELS = "dev.soracommock.api.";

    public OneOfValues() {
        super("soracom-mock-oneof");
        setDeserializers(new OneOfDeserializers());
        addSerializer(Value.class, new ValueSerializer<Value>() {
            @Override
            public void serialize(Value value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeTree(value.json());
            }
        });
    }

    /** A value of a oneOf marker interface holding this JSON (to answer with). */
    public static <T> T of(Class<T> marker, JsonNode json) {
        return marker.cast(proxy(marker, json));
    }

    /** The JSON of a value read through this module, or null when the value is not one. */
    public static JsonNode json(Object oneOfValue) {
        return oneOfValue instanceof Value v ? v.json() : null;
    }

    private static final class OneOfDeserializers extends tools.jackson.databind.module.SimpleDeserializers {

        @Override
        public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription.Supplier beanDesc) {
            Class<?> raw = type.getRawClass();
            if (raw.isInterface() && raw.getName().startsWith(GENERATED_MODELS) && raw.getDeclaredMethods().length == 0) {
                return new ProxyDeserializer(raw);
            }
            return super.findBeanDeserializer(type, config, beanDesc);
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return valueType.isInterface() && valueType.getName().startsWith(GENERATED_MODELS);
        }
    }

    private static final class ProxyDeserializer extends ValueDeserializer<Object> {

        private final Class<?> marker;

        ProxyDeserializer(Class<?> marker) {
            this.marker = marker;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return proxy(marker, ctxt.readTree(p));
        }
    }

    private static Object proxy(Class<?> marker, JsonNode node) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "json" -> node;
            case "toString" -> node.toString();
            case "hashCode" -> node.hashCode();
            case "equals" -> args[0] instanceof Value other && node.equals(other.json());
            default -> throw new UnsupportedOperationException(method.getName());
        };
        return Proxy.newProxyInstance(marker.getClassLoader(), new Class<?>[] {marker, Value.class}, handler);
    }

}
