package io.reelforge.console.support;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;

/**
 * A link that downloads CSV written row by row straight into the response as the service reads it (nothing is
 * built in memory first). Call {@link #of} again when the filters change: each link carries the filters it was
 * made with, so the download never reads components from another thread.
 */
public final class CsvDownload extends Anchor {

    public CsvDownload(String id, String text) {
        setText(text);
        setId(id);
        getElement().setAttribute("download", true);
        getElement().setAttribute("router-ignore", true);
    }

    /** {@code write} gets a buffered UTF-8 writer over the response; the file is named {@code fileName}. */
    @SuppressWarnings("deprecation") // StreamResource: a writer that streams; DownloadHandler is the newer name for it.
    public void of(String fileName, Consumer<Writer> write) {
        StreamResource resource = new StreamResource(fileName, (out, session) -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            write.accept(w);
            w.flush();
        });
        resource.setContentType("text/csv; charset=utf-8");
        resource.setCacheTime(0);
        setHref(resource);
    }
}
