package io.wasmlet.exec;

import io.wasmlet.error.Msg;
import io.wasmlet.error.UnlinkableException;
import io.wasmlet.error.WasmException;

import java.util.Hashtable;

/**
 * What a module's imports resolve to, by module and field name: one typed {@code add} per
 * kind of external value ({@link Function}, {@link Memory}, {@link Table}, {@link Global}).
 * A later {@code add} of the same names replaces the earlier one.
 */
public final class Imports {
    private final Hashtable map = new Hashtable();

    public void add(String module, String name, Function function) {
        put(module, name, function);
    }

    public void add(String module, String name, Memory memory) {
        put(module, name, memory);
    }

    public void add(String module, String name, Table table) {
        put(module, name, table);
    }

    public void add(String module, String name, Global global) {
        put(module, name, global);
    }

    /** Adds every export of {@code instance} under module name {@code module}. */
    public void addAll(String module, Instance instance) {
        String[] names = instance.exportNames();
        for (int i = 0; i < names.length; i++) {
            put(module, names[i], instance.exportOrNull(names[i]));
        }
    }

    /** Whether something is added under these names. */
    public boolean has(String module, String name) {
        return map.get(key(module, name)) != null;
    }

    /**
     * The function added under these names.
     *
     * @throws UnlinkableException if there is none
     */
    public Function function(String module, String name) {
        Object o = get(module, name);
        if (!(o instanceof Function)) {
            throw new UnlinkableException(Msg.cat("no function \"", module, "\" \"", Msg.cat(name, "\"")));
        }
        return (Function) o;
    }

    private void put(String module, String name, Object extern) {
        if (extern == null) {
            throw new WasmException(Msg.cat("null import \"", module, "\" \"", Msg.cat(name, "\"")));
        }
        map.put(key(module, name), extern);
    }

    /** The external value added under these names, or null (the instantiator's lookup). */
    Object get(String module, String name) {
        return map.get(key(module, name));
    }

    private static String key(String module, String name) {
        StringBuffer sb = new StringBuffer(module.length() + name.length() + 1);
        return sb.append(module).append('\u0000').append(name).toString();
    }
}
