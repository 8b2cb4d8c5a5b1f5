package org.meterline.operation.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;

/**
 * Activates DS components in plain JUnit as the runtime would: their public {@code @Activate}
 * constructor with the references given, and their configuration (a package-private
 * {@code @interface Config} of another bundle) as a proxy answering the given values, else the
 * attribute's default.
 */
final class Components {

    /** A configuration to hand to the constructor's annotation parameter. */
    record Conf(Map<String, Object> values) {
    }

    private Components() {
    }

    static <T> T activate(Class<T> type, Object... args) {
        for (Constructor<?> c : type.getConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length != args.length) {
                continue;
            }
            Object[] actual = new Object[args.length];
            boolean fits = true;
            for (int i = 0; i < args.length && fits; i++) {
                if (args[i] instanceof Conf conf && params[i].isAnnotation()) {
                    actual[i] = config(params[i], conf.values());
                } else if (args[i] == null || params[i].isInstance(args[i])) {
                    actual[i] = args[i];
                } else {
                    fits = false;
                }
            }
            if (fits) {
                try {
                    return type.cast(c.newInstance(actual));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("activating " + type.getSimpleName(), e.getCause());
                }
            }
        }
        throw new IllegalArgumentException("no constructor of " + type + " takes " + Arrays.toString(args));
    }

    static Object config(Class<?> annotation, Map<String, Object> values) {
        return Proxy.newProxyInstance(annotation.getClassLoader(), new Class<?>[] {annotation}, (proxy, m, a) -> {
            if (m.getName().equals("annotationType")) {
                return annotation;
            }
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == a[0];
                    default -> annotation.getSimpleName() + values;
                };
            }
            return values.containsKey(m.getName()) ? values.get(m.getName()) : defaultOf(m);
        });
    }

    private static Object defaultOf(Method m) {
        Object d = m.getDefaultValue();
        if (d == null) {
            throw new IllegalStateException(m + " has no default; give a value");
        }
        return d;
    }
}
