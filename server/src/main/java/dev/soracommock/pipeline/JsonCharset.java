package dev.soracommock.pipeline;

import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every JSON answer of a handler says its charset, {@code Content-Type: application/json;charset=UTF-8}, as the real
 * API's answers do (soracom-facts §6) and as the emulator's error answers and fallback answers already did: the one
 * place for the successful answers of every domain (the message converter keeps a content type that is already set).
 */
@ControllerAdvice(basePackages = "dev.soracommock")
@Order(0) // before AnswerCache, which keeps the answer with this content type
class JsonCharset implements ResponseBodyAdvice<Object> {

    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        // null: nothing is written (an empty answer carries no Content-Type)
        if (body != null && selectedContentType != null && selectedContentType.getCharset() == null
                && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(selectedContentType)) {
            response.getHeaders().setContentType(JSON_UTF8);
        }
        return body;
    }
}
