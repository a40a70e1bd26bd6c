package io.wasmlet.exec;

import java.util.Hashtable;

/**
 * What a module's imports resolve to, by module and field name: {@link Function},
 * {@link Table}, {@link Memory} or {@link Global} objects.
 */
public final class Imports {
    private final Hashtable map = new Hashtable();

    public void add(String module, String name, Object extern) {
        map.put(key(module, name), extern);
    }

    /** Adds every export of {@code instance} under module name {@code module}. */
    public void addAll(String module, Instance instance) {
        String[] names = instance.exportNames();
        for (int i = 0; i < names.length; i++) {
            add(module, names[i], instance.export(names[i]));
        }
    }

    public Object get(String module, String name) {
        return map.get(key(module, name));
    }

    private static String key(String module, String name) {
        StringBuffer sb = new StringBuffer(module.length() + name.length() + 1);
        return sb.append(module).append('\u0000').append(name).toString();
    }
}
