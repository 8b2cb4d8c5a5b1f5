package org.meterline.collection.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * An instance of another bundle's package-private {@code Config} annotation, as Config Admin would hand
 * it over: the annotation's defaults with some values replaced. Lets the tests build the real readings
 * store and DLMS driver through their public activation constructors.
 */
final class Configs {

    private Configs() {
    }

    static Object of(String interfaceName, Map<String, Object> values) throws ClassNotFoundException {
        Class<?> type = Class.forName(interfaceName);
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            Object d = method.getDefaultValue();
            if (d != null) {
                return d;
            }
            if (method.getName().equals("toString")) {
                return interfaceName + values;
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    /** Calls the public constructor of {@code className} that takes one parameter per argument. */
    static <T> T construct(String className, Class<T> as, Object... args) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className);
        for (java.lang.reflect.Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == args.length) {
                return as.cast(c.newInstance(args));
            }
        }
        throw new NoSuchMethodException(className + " with " + args.length + " parameters");
    }
}
