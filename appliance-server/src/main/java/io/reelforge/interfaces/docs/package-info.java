/** The human API reference at {@code /docs/}: Swagger UI over the served {@code /openapi} document. */
package io.reelforge.interfaces.docs;
