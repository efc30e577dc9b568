package io.reelforge.sdk;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A paged list ({@code {"data", "has_more", "next_cursor"}}) walked item by item: {@code for (T t : pager)} or
 * {@code pager.stream()}. Pages are fetched lazily; each iteration starts from the first page again.
 */
public final class AutoPager<T> implements Iterable<T> {
    private final Transport transport;
    private final String path;
    private final Map<String, String> query;
    private final JavaType itemType;
    private final UnaryOperator<T> fix;
    private int pagesFetched;

    AutoPager(Transport transport, String path, Map<String, String> query, int pageSize, Class<T> type, UnaryOperator<T> fix) {
        this.transport = transport;
        this.path = path;
        this.query = new LinkedHashMap<>(query);
        if (pageSize > 0) {
            this.query.put("limit", Integer.toString(pageSize));
        }
        this.itemType = Transport.JSON.getTypeFactory().constructType(type);
        this.fix = fix;
    }

    /** How many pages this pager has fetched so far. */
    public int pagesFetched() {
        return pagesFetched;
    }

    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Every remaining item in a list. */
    public List<T> toList() {
        List<T> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private final List<T> page = new ArrayList<>();
            private int i;
            private String cursor;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (i >= page.size() && more) {
                    fetch();
                }
                return i < page.size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(i++);
            }

            private void fetch() {
                Map<String, String> q = new LinkedHashMap<>(query);
                if (cursor != null) {
                    q.put("cursor", cursor);
                }
                JsonNode body = transport.json(Transport.Call.get(path).withQuery(q), JsonNode.class);
                pagesFetched++;
                page.clear();
                i = 0;
                for (JsonNode n : body.path("data")) {
                    try {
                        T item = Transport.JSON.readerFor(itemType).readValue(n);
                        page.add(fix == null ? item : fix.apply(item));
                    } catch (IOException e) {
                        throw new ReelforgeException("a list item is not the expected JSON", e);
                    }
                }
                JsonNode next = body.get("next_cursor");
                cursor = next == null || next.isNull() ? null : next.asText();
                more = body.path("has_more").asBoolean(false) && cursor != null;
            }
        };
    }
}
