package org.meterline.tenant.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a component property type (a DS config annotation) from defaults plus overrides. */
final class TestConfigs {

    private TestConfigs() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            if (method.getName().equals("annotationType")) {
                return type;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
