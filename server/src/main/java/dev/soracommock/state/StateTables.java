package dev.soracommock.state;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The {@code tables} of a state document as read from JSON ({@link StateDocumentJson}): each table's rows, each row an
 * array of its values in the order its keys were first given, with its {@link Shape} (those keys). A document of
 * 100 000 SIMs holds 300 000 rows: as maps they took over 2 GB of heap and a second walk to become the arrays
 * {@link StateTransfer} writes; as arrays they take little more than their values, and rows written with the same keys
 * share one shape, so a row's columns are matched with the schema once per shape, not once per row.
 *
 * <p>It is also the {@code Map<String, List<Map<String, Object>>>} the generated {@code StateDocumentDto} declares, a
 * read-only view in the document's order (a repeated key counts once, at its first place, with its last value: what a
 * {@link LinkedHashMap} would hold), so any other reader of the document sees the same tables. {@link StateTransfer}
 * converts the values of the rows it imports in place (the values it writes to the database), so a document is
 * imported once.
 */
final class StateTables extends AbstractMap<String, List<Map<String, Object>>> {

    /** A table of the document: its name and its rows (a row is null where the document says null), or null rows. */
    record Table(String name, List<Row> rows) {
    }

    /** A row: its values, in the order of {@code shape.names()}. */
    record Row(Shape shape, Object[] values) {
    }

    /**
     * The keys of a row, in the order they were given. Shapes form a tree per table: a row's shape is reached from the
     * table's root through one child per key, so rows that give the same keys in the same order (all the rows of an
     * export) end at the same shape, found by comparing each key with the one the previous row had there. A shape
     * holds its key and its parent, so the tree takes memory in proportion to the keys read, however many a row has.
     */
    static final class Shape {

        private final Shape parent;
        private final String key;
        /** How many keys lead here: the value of {@link #key} is the row's value number {@code size - 1}. */
        private final int size;
        private String firstKey;
        private Shape first;
        private Map<String, Shape> others;
        /** The last value read for the key that leads here: equal values of consecutive rows are one object. */
        Object last;
        /** The keys, each once, in the order of their first place (for the shapes that end a row). */
        private String[] names;
        /** For each key given, the place of its value among {@link #names}; null when no key is given twice. */
        private int[] places;

        private Shape(Shape parent, String key) {
            this.parent = parent;
            this.key = key;
            this.size = parent == null ? 0 : parent.size + 1;
        }

        static Shape root() {
            return new Shape(null, null);
        }

        /** Where the value of the key that leads here is put while a row is read. */
        int slot() {
            return size - 1;
        }

        /** The shape of a row whose keys are this shape's and then {@code key}. */
        Shape child(String key) {
            if (key.equals(firstKey)) {
                return first;
            }
            if (first == null) {
                firstKey = key;
                return first = new Shape(this, key);
            }
            if (others == null) {
                others = new HashMap<>();
            }
            return others.computeIfAbsent(key, k -> new Shape(this, k));
        }

        /** The keys, each once, in the order of their first place. */
        String[] names() {
            if (names == null) {
                String[] given = new String[size];
                for (Shape s = this; s.parent != null; s = s.parent) {
                    given[s.size - 1] = s.key;
                }
                Map<String, Integer> place = new HashMap<>();
                int[] at = new int[size];
                for (int i = 0; i < size; i++) {
                    Integer earlier = place.putIfAbsent(given[i], place.size());
                    at[i] = earlier == null ? place.size() - 1 : earlier;
                }
                if (place.size() == size) {
                    names = given;
                } else {
                    names = new String[place.size()];
                    place.forEach((name, i) -> names[i] = name);
                    places = at;
                }
            }
            return names;
        }

        /** A row of this shape from the values read, one per key given: a key given twice counts once, its last value. */
        Object[] values(Object[] read) {
            String[] distinct = names();
            if (places == null) {
                return Arrays.copyOf(read, distinct.length);
            }
            Object[] values = new Object[distinct.length];
            for (int i = 0; i < size; i++) {
                values[places[i]] = read[i];
            }
            return values;
        }
    }

    private final List<Table> tables;

    StateTables(List<Table> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The tables in the document's order, each once. */
    List<Table> tables() {
        return tables;
    }

    /** These tables, or {@code tables} (maps, as a document built in code holds them) as rows. */
    static StateTables of(Map<String, ? extends List<? extends Map<String, ?>>> tables) {
        if (tables == null || tables instanceof StateTables) {
            return (StateTables) tables;
        }
        Builder b = new Builder();
        tables.forEach((name, rows) -> b.table(name, rows == null ? null : b.rows(rows)));
        return b.build();
    }

    /** Tables added one by one; a table given again replaces the first one, in its place. */
    static final class Builder {

        private final Map<String, Table> tables = new LinkedHashMap<>();
        private Object[] values = new Object[32];

        void table(String name, List<Row> rows) {
            tables.put(name, new Table(name, rows));
        }

        /** Rows given as maps. */
        List<Row> rows(List<? extends Map<String, ?>> maps) {
            List<Row> rows = new ArrayList<>(maps.size());
            Shape root = Shape.root();
            for (Map<String, ?> map : maps) {
                if (map == null) {
                    rows.add(null);
                    continue;
                }
                Shape shape = root;
                for (Map.Entry<String, ?> e : map.entrySet()) {
                    shape = shape.child(e.getKey());
                    value(shape, e.getValue());
                }
                rows.add(row(shape));
            }
            return rows;
        }

        /** The value of the key that led to {@code shape}, in the row being read. */
        void value(Shape shape, Object value) {
            int slot = shape.slot();
            if (slot >= values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[slot] = value;
        }

        /** The row read, of this shape (every key on the way to it has been given a value). */
        Row row(Shape shape) {
            return new Row(shape, shape.values(values));
        }

        StateTables build() {
            return new StateTables(new ArrayList<>(tables.values()));
        }
    }

    // ---- the Map view ------------------------------------------------------------------------------------------------

    @Override
    public Set<Entry<String, List<Map<String, Object>>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, List<Map<String, Object>>>> iterator() {
                Iterator<Table> it = tables.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, List<Map<String, Object>>> next() {
                        Table t = it.next();
                        return new SimpleImmutableEntry<>(t.name(), t.rows() == null ? null : new RowList(t.rows()));
                    }
                };
            }

            @Override
            public int size() {
                return tables.size();
            }
        };
    }

    private static final class RowList extends AbstractList<Map<String, Object>> implements RandomAccess {

        private final List<Row> rows;

        RowList(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public Map<String, Object> get(int index) {
            Row row = rows.get(index);
            return row == null ? null : new RowMap(row);
        }

        @Override
        public int size() {
            return rows.size();
        }
    }

    private static final class RowMap extends AbstractMap<String, Object> {

        private final Row row;

        RowMap(Row row) {
            this.row = row;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            String[] names = row.shape().names();
            Object[] values = row.values();
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < names.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (i >= names.length) {
                                throw new java.util.NoSuchElementException();
                            }
                            Entry<String, Object> e = new SimpleImmutableEntry<>(names[i], values[i]);
                            i++;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
        }
    }
}
