package dev.soracommock.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The request pipeline of every operation, in order: credentials → rate limit → contract validation → the
 * handler (a domain's delegate, or the fallback). Also serves the contracts under {@code /openapi/}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final AuthInterceptor authInterceptor;
    private final RateLimiter rateLimiter;
    private final RequestValidator requestValidator;

    WebConfig(AuthInterceptor authInterceptor, RateLimiter rateLimiter, RequestValidator requestValidator) {
        this.authInterceptor = authInterceptor;
        this.rateLimiter = rateLimiter;
        this.requestValidator = requestValidator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authInterceptor).order(1);
        registry.addInterceptor(rateLimiter).order(2);
        registry.addInterceptor(requestValidator).order(3);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/openapi/**").addResourceLocations("classpath:/contracts/");
    }
}
