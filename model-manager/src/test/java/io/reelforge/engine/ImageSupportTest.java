package io.reelforge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageSupportTest {

    @Test
    void eachModeAcceptsWhatItRenders() {
        ImageSupport textOnly = new ImageSupport(ImageSupport.Mode.NONE, "t2v");
        assertTrue(textOnly.accepts(false));
        assertFalse(textOnly.accepts(true));
        ImageSupport imageOnly = new ImageSupport(ImageSupport.Mode.REQUIRED, "i2v");
        assertTrue(imageOnly.accepts(true));
        assertFalse(imageOnly.accepts(false));
        assertTrue(ImageSupport.optional("sandbox").accepts(true));
        assertTrue(ImageSupport.optional("sandbox").accepts(false));
    }

    @Test
    void anEngineTakesBothUnlessItSaysOtherwise() {
        Engine plain = new Engine() {
            @Override
            public String id() {
                return "plain";
            }

            @Override
            public EngineStatus status() {
                return EngineStatus.ready("cpu");
            }

            @Override
            public RenderReport render(RenderSpec spec, FrameSink sink, RenderControl control) {
                throw new UnsupportedOperationException();
            }
        };
        assertEquals(ImageSupport.optional("plain"), plain.imageSupport());
    }
}
