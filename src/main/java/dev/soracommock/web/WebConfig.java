package dev.soracommock.web;

import dev.soracommock.fault.FaultInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The request pipeline of every operation, in order: (filters, before routing: size limits and the body held in
 * memory, {@link RequestBodyFilter}; Harvest Files paths, {@link FilePathRouting}) credentials → injected faults
 * (emulated APIs only) → rate limit → the request leniency policy and contract validation ({@link RequestLeniency},
 * {@link RequestValidator}) → the handler (a domain's delegate, or the fallback).
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final AuthInterceptor authInterceptor;
    private final RateLimiter rateLimiter;
    private final RequestValidator requestValidator;
    private final FaultInterceptor faultInterceptor;

    WebConfig(AuthInterceptor authInterceptor, RateLimiter rateLimiter, RequestValidator requestValidator,
            FaultInterceptor faultInterceptor) {
        this.authInterceptor = authInterceptor;
        this.faultInterceptor = faultInterceptor;
        this.rateLimiter = rateLimiter;
        this.requestValidator = requestValidator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authInterceptor).order(1);
        registry.addInterceptor(faultInterceptor).order(2);
        registry.addInterceptor(rateLimiter).order(3);
        registry.addInterceptor(requestValidator).order(4);
    }
}
