package dev.hotline.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An endpoint's role rule ({@code @PreAuthorize} on the method or its controller) checked before its body and
 * parameters are read: a caller without the role learns nothing from validation answers and costs no parsing. Method
 * security still checks the same rule when the method runs; a rule that names the method's arguments is left to it.
 */
@Component
class RolesBeforeBody implements HandlerInterceptor, WebMvcConfigurer {

    private final SpelExpressionParser parser = new SpelExpressionParser();
    private final Map<Method, Optional<Expression>> rules = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        var rule = rules.computeIfAbsent(method.getMethod(), m -> ruleOf(method));
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (rule.isEmpty() || caller == null || caller instanceof AnonymousAuthenticationToken) {
            return true;
        }
        var root = new SecurityExpressionRoot<>(caller) {
        };
        Boolean allowed;
        try {
            allowed = rule.get().getValue(new StandardEvaluationContext(root), Boolean.class);
        } catch (org.springframework.expression.EvaluationException needsArguments) {
            return true;
        }
        if (!Boolean.TRUE.equals(allowed)) {
            throw new AccessDeniedException("Access denied");
        }
        return true;
    }

    private Optional<Expression> ruleOf(HandlerMethod method) {
        var rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        return rule == null || rule.value().contains("#") ? Optional.empty()
                : Optional.of(parser.parseExpression(rule.value()));
    }
}
